import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultSchema } from '../../src/model/result-schema.js';
import type { AnalysisResult } from '../../src/model/result.js';
import { runCli } from '../helpers/cli.js';
import { fixturePath, writeProject } from '../helpers/project.js';

describe('carve analyze', () => {
  it('gives byte-identical JSON on two runs, and it matches the published schema', () => {
    const a = runCli(['analyze', fixturePath('shop'), '--json', '--no-cache']);
    const b = runCli(['analyze', fixturePath('shop'), '--json', '--no-cache']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const result = JSON.parse(a.stdout) as AnalysisResult;
    expect(resultSchema.safeParse(result).error).toBeUndefined();
    expect(result.summary.files).toBeGreaterThan(30);
    expect(a.stdout).not.toContain(fixturePath('shop')); // no absolute paths
  });

  it('gives the same result with and without the facts cache', () => {
    const dir = writeProject({
      'tsconfig.json': '{}',
      'src/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'src/b.ts': "import type { A } from './types';\nexport const b: A = 1;\n",
      'src/types.ts': 'export type A = number;\n',
    });
    const cold = runCli(['analyze', dir, '--json', '--timings']);
    const warm = runCli(['analyze', dir, '--json', '--timings']);
    const off = runCli(['analyze', dir, '--json', '--no-cache']);
    expect(cold.stderr).toContain('cache 0 hits 3 misses');
    expect(warm.stderr).toContain('cache 3 hits 0 misses');
    expect(warm.stdout).toBe(cold.stdout);
    expect(off.stdout).toBe(cold.stdout);
  });

  it('writes carve-report/analysis.json and index.html under the current folder; report re-renders it', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'carve-cwd-'));
    const r = runCli(['analyze', fixturePath('shop'), '--no-cache'], cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Wrote carve-report/analysis.json and index.html');
    const json = path.join(cwd, 'carve-report/analysis.json');
    expect((JSON.parse(readFileSync(json, 'utf8')) as AnalysisResult).project).toBe('shop');
    const out = path.join(cwd, 'again');
    const rep = runCli(['report', json, '--out', out], cwd);
    expect(rep.code).toBe(0);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    expect(runCli(['report', path.join(cwd, 'nope.json')], cwd).code).toBe(2);
  });

  it('prints plain progress lines and per-phase timings and memory to stderr when not on a terminal', () => {
    const r = runCli(['analyze', fixturePath('shop'), '--json', '--timings', '--no-cache']);
    let rssPeak = 0;
    for (const phase of ['discover', 'parse', 'link', 'access', 'decompose']) {
      expect(r.stderr).toMatch(new RegExp(`^carve: ${phase}\\s+.*\\(\\d+ ms\\)$`, 'm'));
      const line = new RegExp(
        `^timing ${phase} [\\d.]+ ms [\\d.]+% heap (\\d+) MB \\(committed (\\d+) MB\\) rss-peak (\\d+) MB$`,
        'm',
      ).exec(r.stderr);
      expect(line, phase).not.toBeNull();
      const [heap, committed, rss] = line!.slice(1).map(Number);
      expect(heap).toBeGreaterThan(0);
      expect(committed).toBeGreaterThanOrEqual(heap);
      expect(rss).toBeGreaterThan(heap);
      expect(rss).toBeGreaterThanOrEqual(rssPeak); // a peak so far never falls
      rssPeak = rss;
    }
  });

  it('init writes a commented config that analyze accepts', () => {
    const dir = writeProject({ 'tsconfig.json': '{}', 'src/a.ts': 'export const a = 1;\n' });
    expect(runCli(['init', dir]).code).toBe(0);
    expect(readFileSync(path.join(dir, 'carve.config.json'), 'utf8')).toContain('// ');
    expect(runCli(['init', dir]).code).toBe(2); // exists already
    const r = runCli(['analyze', dir, '--json', '--no-cache']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as AnalysisResult).summary.files).toBe(1);
  });
});
