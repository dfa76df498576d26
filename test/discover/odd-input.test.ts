/** Input that used to be read silently wrong: each case is handled, or skipped with its reason. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { reporters } from '../../src/report/index.js';
import { runCli } from '../helpers/cli.js';
import { analyzeProject, writeProject } from '../helpers/project.js';

const edgesOf = (result: { edges: { from: string; to: string }[] }): string[] => result.edges.map((e) => `${e.from} -> ${e.to}`);

describe('silently wrong input', { timeout: 180_000 }, () => {
  it('a monorepo whose tsconfig.base.json is missing: @scope imports are unresolved with a warning, not external', async () => {
    const result = await analyzeProject({
      'package.json': JSON.stringify({ name: '@acme/source', dependencies: { express: '4' } }),
      'apps/api/tsconfig.json': JSON.stringify({ extends: '../../tsconfig.base.json' }),
      'apps/api/src/main.ts':
        "import express from 'express';\nimport { order } from '@acme/orders';\nimport { pay } from '@acme/billing/pay';\nexport const app = express(order, pay);\n",
      'libs/orders/tsconfig.json': JSON.stringify({ extends: '../../tsconfig.base.json' }),
      'libs/orders/src/index.ts': "import { pay } from '@acme/billing/pay';\nexport const order = pay;\n",
      'libs/billing/tsconfig.json': JSON.stringify({ extends: '../../tsconfig.base.json' }),
      'libs/billing/src/pay.ts': 'export const pay = 1;\n',
    });
    expect(result.summary.externalPackages).toEqual(['express']);
    expect(result.summary.unresolvedImports).toBe(3);
    const hint = 'tsconfig.base.json is extended by a tsconfig but does not exist: the paths it held would have mapped this import';
    expect(result.unresolvedImports.map((u) => u.hint)).toEqual([hint, hint, hint]);
    expect(result.problems).toContainEqual({
      path: 'apps/api/tsconfig.json',
      source: 'tsconfig',
      message:
        'extends "../../tsconfig.base.json", which does not exist (tsconfig.base.json): its paths and baseUrl are unknown, so imports they map cannot be resolved',
    });
    expect(JSON.stringify(result)).not.toContain(path.sep === '/' ? '/tmp/' : 'C:');
    expect(reporters.text(result)).toContain(`warning: 3 unresolved imports: ${hint}`);
  });

  it('a missing extends puts no machine path in analysis.json (the same bytes from another folder)', () => {
    const files = { 'tsconfig.json': JSON.stringify({ extends: './nowhere/base.json' }), 'src/a.ts': 'export const a = 1;\n' };
    const one = runCli(['analyze', writeProject(files), '--json', '--no-cache']);
    const two = runCli(['analyze', writeProject(files), '--json', '--no-cache']);
    expect(one.code).toBe(0);
    expect(one.stdout.replace(/"project": "[^"]*"/, '')).toBe(two.stdout.replace(/"project": "[^"]*"/, ''));
    expect(one.stdout).toContain('which does not exist (nowhere/base.json)');
    expect(one.stdout).not.toMatch(/\/tmp\/|ENOENT/);
  });

  it('a workspace package imported by name without source, and a name in the workspace scope, are unresolved with a hint', async () => {
    const result = await analyzeProject({
      'package.json': JSON.stringify({ name: 'root', workspaces: ['packages/*'] }),
      'tsconfig.json': '{}',
      'packages/app/package.json': JSON.stringify({ name: '@acme/app' }),
      'packages/app/src/index.ts': "import { x } from '@acme/built';\nimport { y } from '@acme/legacy';\nexport const z = [x, y];\n",
      'packages/built/package.json': JSON.stringify({ name: '@acme/built', main: 'dist/index.js' }),
      'packages/built/README.md': 'built elsewhere\n',
    });
    expect(result.summary.externalPackages).toEqual([]);
    expect(result.unresolvedImports.map((u) => [u.specifier, u.hint])).toEqual([
      [
        '@acme/built',
        'workspace package @acme/built (packages/built) has no source file carve can find for this import: check its package.json main/exports',
      ],
      ['@acme/legacy', '@acme/legacy is in the workspace scope @acme, but no workspace package has that name'],
    ]);
  });

  it("imports ending in '/' resolve to the folder's index", async () => {
    const result = await analyzeProject({
      'tsconfig.json': '{}',
      'src/index.ts': 'export const root = 1;\n',
      'src/orders/index.ts': "import { root } from '../';\nexport const orders = root;\n",
      'src/orders/list.ts': "import { orders } from './';\nimport { root } from '../';\nexport const list = [orders, root];\n",
      'src/app.ts': "import { orders } from './orders/';\nexport const app = orders;\n",
    });
    expect(result.summary.unresolvedImports).toBe(0);
    expect(edgesOf(result)).toEqual(
      expect.arrayContaining([
        'src/orders/index.ts -> src/index.ts',
        'src/orders/list.ts -> src/orders/index.ts',
        'src/orders/list.ts -> src/index.ts',
        'src/app.ts -> src/orders/index.ts',
      ]),
    );
  });

  it('UTF-16 files (with a byte-order mark) are decoded; a package.json with a BOM is read', async () => {
    const root = writeProject({
      'tsconfig.json': '{}',
      'src/a.ts': "import { b } from './b';\nimport { c } from './c';\nexport const a = [b, c];\n",
    });
    const text = "import { c } from './c';\nexport const b = c;\n";
    writeFileSync(path.join(root, 'src/b.ts'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const be = Buffer.from("export const c = 'ü';\n", 'utf16le').swap16();
    writeFileSync(path.join(root, 'src/c.ts'), Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    writeFileSync(path.join(root, 'package.json'), `\uFEFF${JSON.stringify({ name: 'bom', dependencies: { pg: '8' } })}`);
    const { result } = await analyze({ root, overrides: { cache: false } });
    expect(result.summary.skipped).toEqual([]);
    expect(result.problems.filter((p) => p.source === 'package.json')).toEqual([]);
    expect(edgesOf(result)).toEqual(['src/a.ts -> src/b.ts', 'src/a.ts -> src/c.ts', 'src/b.ts -> src/c.ts']);
  });

  it('a file name with a newline is analysed under its real name', async () => {
    const root = writeProject({ 'tsconfig.json': '{}', 'src/a.ts': "import { b } from './b\\nc';\nexport const a = b;\n" });
    writeFileSync(path.join(root, 'src/b\nc.ts'), 'export const b = 1;\n');
    const { result } = await analyze({ root, overrides: { cache: false } });
    expect(result.units.map((u) => u.id)).toEqual(['src/a.ts', 'src/b\nc.ts']);
    expect(edgesOf(result)).toEqual(['src/a.ts -> src/b\nc.ts']);
  });

  it('an export * chain deeper than 32 files is reported, not cut silently', async () => {
    const files: Record<string, string> = { 'tsconfig.json': '{}', 'src/use.ts': "import { deep } from './c0';\nexport const u = deep;\n" };
    for (let i = 0; i < 40; i++) files[`src/c${i}.ts`] = `export * from './c${i + 1}';\n`;
    files['src/c40.ts'] = 'export const deep = 1;\n';
    const result = await analyzeProject(files);
    const link = result.problems.filter((p) => p.source === 'link');
    expect(link).toHaveLength(1);
    expect(link[0].message).toMatch(/^re-export chain \(export … from\) of 40 files, deeper than the 32 carve follows/);
  });

  it('2,000 nested folders: walked to 256 levels, and the depth named as the reason', async () => {
    const root = writeProject({ 'tsconfig.json': '{}', 'src/a.ts': 'export const a = 1;\n' });
    const deep = path.join(root, ...Array.from({ length: 2000 }, () => 'd'));
    mkdirSync(deep, { recursive: true });
    writeFileSync(path.join(root, 'd', 'top.ts'), 'export const top = 1;\n');
    const { result } = await analyze({ root, overrides: { cache: false } });
    expect(result.units.map((u) => u.id)).toEqual(['d/top.ts', 'src/a.ts']);
    expect(result.summary.skipped).toEqual([
      { path: Array.from({ length: 257 }, () => 'd').join('/'), reason: 'folder nested deeper than 256 levels, not walked' },
    ]);
    expect(JSON.stringify(result)).not.toContain('symlink loop');
  });
});
