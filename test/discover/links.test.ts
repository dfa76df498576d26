/** Links out of the analysed root are never followed: each is listed as skipped, and nothing it points at is read. */
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/model/result.js';
import { runCli } from '../helpers/cli.js';
import { writeProject } from '../helpers/project.js';

const OUTSIDE = 'symlink to a path outside the analysed root, not followed';

/** A folder outside the project, with code and a config that must not leak in. */
function outsideFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'carve-outside-'));
  writeFileSync(path.join(dir, 'secret.ts'), 'export const secretOutside = "TOP-SECRET-OUTSIDE";\n');
  writeFileSync(path.join(dir, 'secret.json'), JSON.stringify({ name: 'TOP-SECRET-PACKAGE', compilerOptions: { baseUrl: '.' } }));
  writeFileSync(path.join(dir, 'gitignore'), 'src/\n');
  return dir;
}

function analyze(root: string): { result: AnalysisResult; html: string; stderr: string } {
  const out = mkdtempSync(path.join(tmpdir(), 'carve-links-out-'));
  const r = runCli(['analyze', root, '--no-cache', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  return {
    result: JSON.parse(readFileSync(path.join(out, 'analysis.json'), 'utf8')) as AnalysisResult,
    html: readFileSync(path.join(out, 'index.html'), 'utf8'),
    stderr: r.stderr,
  };
}

describe('symlinks out of the analysed root', { timeout: 180_000 }, () => {
  it('file and folder links, a package.json linked to /etc/passwd and a link to / are skipped with the reason', () => {
    const outside = outsideFolder();
    const root = writeProject({
      'tsconfig.json': '{}',
      'src/a.ts': "import { b } from './b';\nexport const a = b;\n",
      'src/b.ts': 'export const b = 1;\n',
    });
    symlinkSync(outside, path.join(root, 'src/linked-folder'));
    symlinkSync(path.join(outside, 'secret.ts'), path.join(root, 'src/linked-file.ts'));
    symlinkSync('/etc/passwd', path.join(root, 'src/passwd.ts'));
    symlinkSync('/etc/passwd', path.join(root, 'package.json'));
    symlinkSync('/', path.join(root, 'src/everything'));
    symlinkSync(path.join(outside, 'gitignore'), path.join(root, '.gitignore'));
    // A link inside the root stays fine.
    symlinkSync('b.ts', path.join(root, 'src/c.ts'));

    const { result, html } = analyze(root);
    const reasons = Object.fromEntries(result.summary.skipped.map((s) => [s.path, s.reason]));
    for (const link of ['.gitignore', 'package.json', 'src/everything', 'src/linked-file.ts', 'src/linked-folder', 'src/passwd.ts'])
      expect(reasons[link], link).toBe(OUTSIDE);
    expect(result.units.map((u) => u.id)).toEqual(['src/a.ts', 'src/b.ts', 'src/c.ts']);
    for (const text of [JSON.stringify(result), html]) {
      expect(text).not.toContain('root:x:0:0');
      expect(text).not.toContain('TOP-SECRET');
      expect(text).not.toContain(outside);
    }
  });

  it('a tsconfig linked out, and a tsconfig extending a link out, are not read', () => {
    const outside = outsideFolder();
    const linkedConfig = writeProject({ 'src/a.ts': 'export const a = 1;\n' });
    symlinkSync(path.join(outside, 'secret.json'), path.join(linkedConfig, 'tsconfig.json'));
    const first = analyze(linkedConfig).result;
    expect(first.summary.skipped).toContainEqual({ path: 'tsconfig.json', reason: OUTSIDE });
    expect(first.summary.tsconfigs).toEqual([]);

    const extending = writeProject({ 'tsconfig.json': JSON.stringify({ extends: './base.json' }), 'src/a.ts': 'export const a = 1;\n' });
    symlinkSync('/etc/passwd', path.join(extending, 'base.json'));
    const second = analyze(extending).result;
    expect(second.problems).toContainEqual({ path: 'tsconfig.json', source: 'tsconfig', message: `extends "./base.json": ${OUTSIDE}` });
    expect(JSON.stringify(second)).not.toContain('root:x');
  });

  it('a pnpm-workspace.yaml linked out is not read', () => {
    const outside = outsideFolder();
    writeFileSync(path.join(outside, 'pnpm.yaml'), "packages:\n  - 'TOP-SECRET/*'\n");
    const root = writeProject({ 'tsconfig.json': '{}', 'src/a.ts': 'export const a = 1;\n' });
    symlinkSync(path.join(outside, 'pnpm.yaml'), path.join(root, 'pnpm-workspace.yaml'));
    const { result } = analyze(root);
    expect(result.problems).toContainEqual({ path: 'pnpm-workspace.yaml', source: 'workspaces', message: OUTSIDE });
  });
});
