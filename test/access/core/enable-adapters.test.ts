import { describe, expect, it } from 'vitest';
import { defineAdapter, type OrmAdapter } from '../../../src/access/adapter.js';
import { enableAdapters, packageOf } from '../../../src/access/enable-adapters.js';
import type { FileFacts } from '../../../src/extract/file-facts.js';

const empty = () => ({ tables: [], relations: [], accesses: [], unresolved: [], transactions: [], problems: [] });
const orm = defineAdapter({ name: 'orm', enablers: ['@acme/orm', 'acme-orm'], schemaFiles: ['.acme'], needsTypes: false, analyze: empty });
const sql = defineAdapter({ name: 'sql', enablers: ['pg'], needsTypes: false, analyze: empty });

function file(path: string, specifiers: string[]): FileFacts {
  return {
    path,
    lines: 1,
    parseErrors: 0,
    imports: specifiers.map((specifier, i) => ({ specifier, kind: 'import', names: [], line: i + 1, refs: 0 })),
    exports: [],
    classes: [],
    functions: [],
    variables: [],
    types: [],
    calls: [],
    entryPoints: [],
  };
}

const names = (list: { adapter: OrmAdapter; enabledBy: string[] }[]) => list.map((e) => `${e.adapter.name}: ${e.enabledBy.join('; ')}`);

describe('enableAdapters', () => {
  it('enables by import, counting files once, subpaths included, in registry order', () => {
    const files = [file('a.ts', ['pg', 'pg/lib/x']), file('b.ts', ['@acme/orm/client']), file('c.ts', ['pg'])];
    expect(names(enableAdapters([orm, sql], files, []))).toEqual(['orm: import @acme/orm (1 file)', 'sql: import pg (2 files)']);
  });

  it('does not take a package that only shares a prefix', () => {
    expect(names(enableAdapters([sql], [file('a.ts', ['pg-boss', 'pgx'])], []))).toEqual([]);
  });

  it('enables by schema files with its suffix and hands them over', () => {
    const schemas = [
      { path: 'db/b.acme', text: '' },
      { path: 'db/a.acme', text: '' },
      { path: 'db/readme.md', text: '' },
    ];
    const enabled = enableAdapters([orm, sql], [file('a.ts', ['./x'])], schemas);
    expect(names(enabled)).toEqual(['orm: schema db/a.acme; schema db/b.acme']);
    expect(enabled[0].schemaFiles.map((s) => s.path)).toEqual(['db/a.acme', 'db/b.acme']);
  });

  it('summarises many schema files', () => {
    const schemas = ['1', '2', '3', '4'].map((n) => ({ path: `m/${n}.acme`, text: '' }));
    expect(names(enableAdapters([orm], [], schemas))).toEqual(['orm: schema 4 files (*.acme)']);
  });

  it('enables nothing for relative imports and unrelated packages', () => {
    expect(enableAdapters([orm, sql], [file('a.ts', ['./pg', 'express'])], [])).toEqual([]);
  });
});

describe('packageOf', () => {
  it.each([
    ['pg', 'pg'],
    ['pg/lib/client', 'pg'],
    ['@prisma/client', '@prisma/client'],
    ['@prisma/client/runtime', '@prisma/client'],
    ['node:fs', 'fs'],
    ['./db', undefined],
    ['/abs', undefined],
  ])('%s → %s', (specifier, pkg) => {
    expect(packageOf(specifier)).toBe(pkg);
  });
});
