import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/model/result.js';
import { runCli } from '../helpers/cli.js';
import { writeProject } from '../helpers/project.js';

const ok = { 'tsconfig.json': '{}', 'src/a.ts': "import { b } from './b';\nexport const a = b;\n", 'src/b.ts': 'export const b = 1;\n' };

function analyzeJson(dir: string, ...args: string[]): { code: number; result: AnalysisResult; stderr: string } {
  const r = runCli(['analyze', dir, '--json', '--no-cache', ...args]);
  return { code: r.code, result: r.code === 0 ? (JSON.parse(r.stdout) as AnalysisResult) : (undefined as never), stderr: r.stderr };
}

describe('bad input gets a clear error, never a crash', () => {
  it('a missing path exits 2 with one line naming it', () => {
    const r = runCli(['analyze', '/no/such/folder']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('carve: path not found: /no/such/folder — pass the folder of a TypeScript project');
  });

  it('a folder without TypeScript exits 2', () => {
    const dir = writeProject({ 'README.md': '# nothing here\n', 'data.json': '{}' });
    const r = runCli(['analyze', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^carve: no TypeScript or JavaScript files to analyse under /);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('a config with a wrong value names the key and the problem', () => {
    const dir = writeProject({ ...ok, 'carve.config.json': JSON.stringify({ seed: 'forty-two' }) });
    const r = runCli(['analyze', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/carve: invalid config — carve\.config\.json: seed: .*number/i);
  });

  it('a config with an unknown key names it', () => {
    const dir = writeProject({ ...ok, 'carve.config.json': JSON.stringify({ servics: 3 }) });
    const r = runCli(['analyze', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown key "servics"');
  });

  it('a config that is not JSON says so', () => {
    const dir = writeProject({ ...ok, 'carve.config.json': '{ "seed": 4,, }' });
    const r = runCli(['analyze', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/carve: config .*carve\.config\.json is not valid JSON/);
  });

  it('an unknown flag and a bad flag value exit 2', () => {
    expect(runCli(['analyze', '.', '--no-such-flag']).code).toBe(2);
    const r = runCli(['analyze', '.', '--services', 'many']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--services: expected an integer, got "many"');
  });

  it('a file with syntax errors is analysed as far as it parses and counted', () => {
    const dir = writeProject({ ...ok, 'src/broken.ts': "import { a } from './a';\nexport function f( { return a;\n" });
    const { code, result } = analyzeJson(dir);
    expect(code).toBe(0);
    expect(result.summary.files).toBe(3);
    expect(result.summary.parseErrors.map((p) => p.path)).toEqual(['src/broken.ts']);
    expect(result.edges.some((e) => e.from === 'src/broken.ts' && e.to === 'src/a.ts')).toBe(true);
  });

  it('a binary file named .ts and a file over the size limit are skipped with reasons', () => {
    const dir = writeProject(ok);
    writeFileSync(path.join(dir, 'src/blob.ts'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    writeFileSync(path.join(dir, 'src/huge.ts'), `export const big = "${'x'.repeat(5000)}";\n`);
    const { code, result } = analyzeJson(dir, '--max-file-size', '4000');
    expect(code).toBe(0);
    expect(result.summary.files).toBe(2);
    expect(result.summary.skipped).toEqual([
      { path: 'src/blob.ts', reason: 'binary content (NUL bytes), not source text' },
      { path: 'src/huge.ts', reason: 'larger than maxFileSize (5023 > 4000 bytes)' },
    ]);
  });

  it('a symlink loop is reported, not followed forever', () => {
    const dir = writeProject(ok);
    mkdirSync(path.join(dir, 'src/loop'));
    symlinkSync('..', path.join(dir, 'src/loop/up'));
    symlinkSync('self', path.join(dir, 'src/self'));
    const { code, result } = analyzeJson(dir);
    expect(code).toBe(0);
    expect(result.summary.files).toBe(2);
    const reasons = Object.fromEntries(result.summary.skipped.map((s) => [s.path, s.reason]));
    expect(reasons['src/loop/up']).toMatch(/loop|already analysed/);
    expect(reasons['src/self']).toBe('symlink loop');
  });
});
