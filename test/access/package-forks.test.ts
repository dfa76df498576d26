/** An ORM under another name: a scoped fork told by its exports, and an npm alias. */
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/model/result.js';
import { testAdapterCases, type AdapterCases } from '../helpers/adapter-tester.js';
import { analyzeFixture, analyzeProject } from '../helpers/project.js';

const direct = (r: AnalysisResult): string[] =>
  [...new Set(r.accesses.filter((a) => !a.propagated).map((a) => `${a.unit} ${a.table} ${a.mode}`))].sort();

describe('typeorm-scoped-fork fixture', () => {
  it('a scoped fork of TypeORM enables the adapter and is read as TypeORM', async () => {
    const r = await analyzeFixture('typeorm-scoped-fork');
    expect(r.adapters.map((a) => [a.name, a.enabledBy])).toEqual([['typeorm', ['import @acme/typeorm, a fork of typeorm (2 files)']]]);
    expect(r.tables.map((t) => t.id)).toEqual(['default:users']);
    expect(direct(r)).toEqual([
      'packages/api/src/user.repository.ts default:users read',
      'packages/api/src/user.service.ts default:users write',
    ]);
    expect(r.accesses.filter((a) => a.propagated).map((a) => `${a.unit} ${a.symbol} ${a.mode}`)).toContain(
      'packages/api/src/user.service.ts UserService.find read',
    );
  });
});

const ENTITY = (pkg: string): string => `import { Entity, PrimaryGeneratedColumn, Column } from '${pkg}';
@Entity('users') export class User { @PrimaryGeneratedColumn() id!: number; @Column() email!: string; }`;
const SVC = (pkg: string): string => `import { DataSource } from '${pkg}';
import { User } from './user';
export class Svc { constructor(private readonly ds: DataSource) {} all() { return this.ds.getRepository(User).find(); } }`;

const run = (deps: Record<string, string>) => (files: Record<string, string>) =>
  analyzeProject({
    'package.json': JSON.stringify({ name: 'snippet', dependencies: deps }),
    'tsconfig.json': JSON.stringify({ compilerOptions: { experimentalDecorators: true }, include: ['src'] }),
    ...files,
  });

const cases: AdapterCases = {
  finds: [
    {
      name: 'a scoped fork (@corp/typeorm) used with its signature exports',
      files: { 'src/user.ts': ENTITY('@corp/typeorm'), 'src/svc.ts': SVC('@corp/typeorm') },
      expected: ['src/svc.ts default:users read'],
    },
    {
      name: 'an npm alias ("typeorm": "npm:@corp/typeorm@1"): the code imports typeorm',
      files: { 'src/user.ts': ENTITY('typeorm'), 'src/svc.ts': SVC('typeorm') },
      expected: ['src/svc.ts default:users read'],
    },
  ],
  ignores: [
    {
      name: 'a scoped package that shares the name but not the exports (@corp/typeorm with one helper)',
      files: {
        'src/user.ts': `import { Entity } from '@corp/typeorm';\n@Entity('users') export class User { id!: number; }`,
        'src/svc.ts': `import { User } from './user';\nexport const all = (repo: { find(): User[] }) => repo.find();`,
      },
    },
    {
      name: 'a scoped name that is no ORM (@corp/typeorm-config exporting DataSource options)',
      files: {
        'src/svc.ts': `import { DataSource, Repository } from '@corp/typeorm-config';\nexport const make = (ds: DataSource) => (ds as unknown as Repository).find();`,
      },
    },
  ],
  unresolved: [
    {
      name: 'a fork used with a model it cannot name',
      files: {
        'src/user.ts': ENTITY('@corp/typeorm'),
        'src/svc.ts': `import { EntityManager } from '@corp/typeorm';\nexport class Svc { constructor(private readonly m: EntityManager) {} drop(rows: any[]) { return this.m.remove(rows); } }`,
      },
      reason: 'unknown-model',
    },
  ],
};

describe('package forks', () => {
  testAdapterCases(cases, run({ '@corp/typeorm': '1.0.0', typeorm: 'npm:@corp/typeorm@1' }), (r) => direct(r));
});
