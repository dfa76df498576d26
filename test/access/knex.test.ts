import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/model/result.js';
import { compareAccess, readExpectedAccess } from '../helpers/expected-access.js';
import { analyzeFixture, analyzeProject } from '../helpers/project.js';

const FIXTURE = 'knex-fleet';
const PKG = JSON.stringify({ name: 'app', dependencies: { knex: '^3.1.0', pg: '^8.12.0' } });
const DB = `import knex from 'knex';\nexport const db = knex({ client: 'pg' });\n`;

const run = (files: Record<string, string>): Promise<AnalysisResult> =>
  analyzeProject({ 'package.json': PKG, 'tsconfig.json': '{"compilerOptions":{"strict":true}}', 'src/db.ts': DB, ...files });

/** Direct knex accesses as sorted, distinct `table mode` strings. */
const accessesOf = (r: AnalysisResult): string[] =>
  [...new Set(r.accesses.filter((a) => a.orm === 'knex' && !a.propagated).map((a) => `${a.table} ${a.mode}`))].sort();

describe('knex fixture', () => {
  it('matches expected-access.json with full precision and recall', async () => {
    const result = await analyzeFixture(FIXTURE);
    const scores = compareAccess(result, readExpectedAccess(FIXTURE));
    for (const [category, s] of Object.entries(scores)) {
      expect({ category, missing: s.missing, extra: s.extra }).toEqual({ category, missing: [], extra: [] });
    }
    expect(result.unresolvedAccesses.filter((u) => u.orm === 'knex')).toEqual([]);
  });

  it('declares migration tables with their line and columns, and attributes base-class sites to subclasses', async () => {
    const result = await analyzeFixture(FIXTURE);
    expect(result.tables.find((t) => t.id === 'default:trips')).toMatchObject({
      declaredIn: 'migrations/20240101000000_init.ts:15',
      columns: ['billed', 'driver_id', 'id', 'started_at', 'vehicle_id'],
      orm: 'knex',
    });
    const symbols = result.accesses.filter(
      (a) => a.table === 'default:drivers' && !a.propagated && a.unit === 'src/drivers/driver.repository.ts',
    );
    expect(symbols.map((a) => a.symbol).sort()).toEqual([
      'DriverRepository.deactivate',
      'DriverRepository.findById',
      'DriverRepository.list',
    ]);
  });
});

const finds: { name: string; files: Record<string, string>; expected: string[] }[] = [
  {
    name: 'knex(table) with terminal methods found along the chain, and batchInsert',
    files: {
      'src/a.ts': `import { db } from './db';\nexport async function f() {\n  await db('users').where({ id: 1 }).first();\n  await db('orders').where({ id: 1 }).update({ x: 1 });\n  await db('carts').del();\n  await db('logs').truncate();\n  await db.batchInsert('events', [], 100);\n}`,
    },
    expected: ['default:carts write', 'default:events write', 'default:logs write', 'default:orders write', 'default:users read'],
  },
  {
    name: 'from/into/table, aliases, alias objects and joins',
    files: {
      'src/a.ts': `import { db } from './db';\nexport async function f() {\n  await db.select('*').from('users as u').innerJoin('orders AS o', 'o.user_id', 'u.id');\n  await db.insert({}).into('audit');\n  await db.table('items').increment('n', 1);\n  await db({ p: 'products' }).select('p.id');\n}`,
    },
    expected: ['default:audit write', 'default:items write', 'default:orders read', 'default:products read', 'default:users read'],
  },
  {
    name: 'an instance injected by type, and a default export',
    files: {
      'src/repo.ts': `import type { Knex } from 'knex';\nexport class Repo { constructor(private readonly k: Knex) {}\n  f() { return this.k('users').insert({}); } }`,
      'src/def.ts': `import knex from 'knex';\nexport default knex({ client: 'pg' });`,
      'src/use.ts': `import conn from './def';\nexport const g = () => conn('orders').select('id');`,
    },
    expected: ['default:orders read', 'default:users write'],
  },
  {
    name: 'require("knex")(config)',
    files: { 'src/db.ts': `const k = require('knex')({ client: 'pg' });\nexport const h = () => k('carts').del();` },
    expected: ['default:carts write'],
  },
  {
    name: 'table names in constants, class fields and static fields',
    files: {
      'src/names.ts': `export const ORDERS = 'orders';`,
      'src/a.ts': `import { db } from './db';\nimport { ORDERS } from './names';\nclass Tables { static readonly USERS = 'users'; }\nexport class R { private readonly table = 'carts';\n  f() { return db(this.table).select(); }\n  g() { return db(ORDERS).select(); }\n  h() { return db(Tables.USERS).del(); } }`,
    },
    expected: ['default:carts read', 'default:orders read', 'default:users write'],
  },
  {
    name: 'transaction callback parameter and raw statements',
    files: {
      'src/a.ts': `import { db } from './db';\nexport async function f() {\n  await db.transaction(async (trx) => { await trx('users').insert({}); await trx.raw('DELETE FROM sessions WHERE expired'); });\n  await db('users').select(db.raw('count(*) as n'));\n  await db.raw('DELETE FROM ?? WHERE id = ?', ['audit', 1]);\n}`,
    },
    expected: ['default:audit write', 'default:sessions write', 'default:users read', 'default:users write'],
  },
  {
    name: 'enum members, getters and constructor defaults as table names',
    files: {
      'src/tables.ts': `export enum Tables { Users = 'users', Trips = 'trips', Fleet = 'fleet' }\n`,
      'src/base.ts': `import { db } from './db';\nexport abstract class BaseRepo {\n  protected abstract get tableName(): string;\n  all() { return db(this.tableName).select(); }\n}\n`,
      'src/users.ts': `import { BaseRepo } from './base';\nimport { Tables } from './tables';\nexport class UsersRepo extends BaseRepo {\n  protected get tableName() { return Tables.Users; }\n}\n`,
      'src/a.ts': `import { db } from './db';\nimport { Tables } from './tables';\nexport const f = () => db(Tables.Trips).insert({});\nexport class Fleet {\n  constructor(private readonly table = Tables.Fleet) {}\n  g() { return db(this.table).del(); }\n}\n`,
    },
    expected: ['default:fleet write', 'default:trips write', 'default:users read'],
  },
  {
    name: 'a project type alias of Knex, and a default-exported instance',
    files: {
      'src/types.ts': `import type { Knex } from 'knex';\nexport type DbClient = Knex;\n`,
      'src/conn.ts': `import knex from 'knex';\nexport default knex({ client: 'pg' });\n`,
      'src/a.ts': `import type { DbClient } from './types';\nimport conn from './conn';\nexport class Repo {\n  constructor(private readonly client: DbClient) {}\n  f() { return this.client('invoices').select(); }\n}\nexport const g = () => conn('payments').insert({});\n`,
    },
    expected: ['default:invoices read', 'default:payments write'],
  },
  {
    name: 'a callback parameter annotated with a Knex type, handed by a project helper',
    files: {
      'src/a.ts': `import type { Knex } from 'knex';\nimport { withTx } from './tx';\nexport const f = () => withTx(async (c: Knex.Transaction) => { await c('ledger').insert({}); });\nexport const g = () => withTx(async (c: unknown) => (c as any)('nope').insert({}));\n`,
      'src/tx.ts': `export declare function withTx<T>(fn: (c: any) => Promise<T>): Promise<T>;\n`,
    },
    expected: ['default:ledger write'],
  },
  {
    name: 'a recursive CTE named inside its own callback is no table',
    files: {
      'src/a.ts': `import { db } from './db';\nexport const f = () => db.withRecursive('paths', (qb) => {\n  void qb.select('id').from('items').union((u) => { void u.select('items.id').from('items').join('paths', 'items.parent', 'paths.id'); });\n}).select('id').from('paths');\n`,
    },
    expected: ['default:items read'],
  },
];

describe('knex finds', () => {
  for (const c of finds) {
    it(c.name, async () => {
      expect(accessesOf(await run(c.files))).toEqual(c.expected);
    });
  }

  it('a table name in a constant and .references().on() in a migration', async () => {
    const result = await run({
      'migrations/2.ts': `import type { Knex } from 'knex';\nconst TABLE = 'invoices';\nexport async function up(knex: Knex) {\n  await knex.schema.createTable(TABLE, (t) => { t.integer('order_id').references('id').on('orders'); });\n}`,
    });
    expect(result.tables.filter((t) => t.orm === 'knex').map((t) => t.id)).toEqual(['default:invoices', 'default:orders']);
    expect(result.relations.map((r) => `${r.from}->${r.to}`)).toEqual(['default:invoices->default:orders']);
  });

  it('chained schema calls in one migration statement', async () => {
    const result = await run({
      'migrations/3.ts': `export const up = (knex: any) =>\n  knex.schema\n    .createTable('tags', (t: any) => { t.increments('id'); })\n    .createTable('post_tags', (t: any) => { t.integer('tag_id').references('id').inTable('tags'); });`,
    });
    expect(result.tables.filter((t) => t.orm === 'knex').map((t) => t.id)).toEqual(['default:post_tags', 'default:tags']);
    expect(result.relations.map((r) => `${r.from}->${r.to}`)).toEqual(['default:post_tags->default:tags']);
  });

  it('createTable and foreign keys give tables and relations', async () => {
    const result = await run({
      'migrations/1.ts': `import type { Knex } from 'knex';\nexport async function up(knex: Knex) {\n  await knex.schema.createTable('users', (t) => { t.increments('id'); });\n  await knex.schema.createTable('orders', (t) => { t.integer('user_id').references('users.id'); });\n}`,
    });
    expect(result.tables.filter((t) => t.orm === 'knex').map((t) => `${t.id} ${t.declaredIn}`)).toEqual([
      'default:orders migrations/1.ts:4',
      'default:users migrations/1.ts:3',
    ]);
    expect(result.relations.map((r) => `${r.from}->${r.to}`)).toEqual(['default:orders->default:users']);
  });

  it('several instances are several stores named after their variables', async () => {
    const result = await run({
      'src/db.ts': `import knex from 'knex';\nexport const mainDb = knex({ client: 'pg' });\nexport const analyticsDb = knex({ client: 'pg' });`,
      'src/a.ts': `import { mainDb, analyticsDb } from './db';\nexport const f = () => mainDb('users').select();\nexport const g = () => analyticsDb('events').insert({});`,
    });
    expect(accessesOf(result)).toEqual(['analyticsDb:events write', 'mainDb:users read']);
  });

  it('a base repository whose table comes through super(…) gives each subclass its table', async () => {
    const result = await run({
      'src/base.ts': `import type { Knex } from 'knex';\nexport abstract class Base {\n  constructor(protected readonly knex: Knex, protected readonly table: string) {}\n  all() { return this.knex(this.table).select('*'); }\n}`,
      'src/users.ts': `import type { Knex } from 'knex';\nimport { Base } from './base';\nexport class Users extends Base {\n  constructor(knex: Knex) { super(knex, 'users'); }\n}`,
      'src/orders.ts': `import type { Knex } from 'knex';\nimport { Base } from './base';\nexport class Orders extends Base {\n  constructor(knex: Knex) { super(knex, 'orders'); }\n}`,
    });
    const direct = result.accesses.filter((a) => a.orm === 'knex' && !a.propagated);
    expect(direct.map((a) => `${a.unit} ${a.symbol} ${a.table} ${a.mode}`).sort()).toEqual([
      'src/orders.ts Orders.all default:orders read',
      'src/users.ts Users.all default:users read',
    ]);
  });

  it('a method overridden in a middle class is not the base method for the classes below it', async () => {
    const result = await run({
      'src/base.ts': `import type { Knex } from 'knex';\nexport abstract class Base {\n  constructor(protected readonly knex: Knex, protected readonly tableName: string) {}\n  findAll() { return this.knex(this.tableName).select('*'); }\n}`,
      'src/mid.ts': `import type { Knex } from 'knex';\nimport { Base } from './base';\nexport class Mid extends Base {\n  constructor(knex: Knex) { super(knex, 'mid_t'); }\n  findAll() { return this.knex('audit').select('*'); }\n}`,
      'src/leaf.ts': `import { Mid } from './mid';\nexport class Leaf extends Mid {}`,
      'src/other.ts': `import type { Knex } from 'knex';\nimport { Base } from './base';\nexport class Other extends Base {\n  constructor(knex: Knex) { super(knex, 'other_t'); }\n}`,
    });
    const direct = result.accesses.filter((a) => a.orm === 'knex' && !a.propagated);
    expect(direct.map((a) => `${a.symbol} ${a.table} ${a.mode}`).sort()).toEqual([
      'Mid.findAll default:audit read',
      'Other.findAll default:other_t read',
    ]);
  });

  it('a named NestJS connection is its own store; a TypeORM @InjectConnection is not Knex', async () => {
    const result = await run({
      'src/r.ts': `import { Knex } from 'knex';\nimport { InjectConnection } from 'nest-knexjs';\nimport { Connection } from 'typeorm';\nexport class R {\n  constructor(@InjectConnection('analytics') private readonly stats: Knex, @InjectConnection() private readonly orm: Connection) {}\n  f() { return this.stats('events').insert({}); }\n  g() { return this.orm.transaction(async () => 1); }\n}`,
    });
    expect(accessesOf(result)).toEqual(['analytics:events write']);
    expect(result.transactions.filter((t) => t.orm === 'knex')).toEqual([]);
  });

  it('a managed transaction collects the calls on its trx', async () => {
    const result = await run({
      'src/t.ts': `import { db } from './db';\nexport async function f() {\n  const trx = await db.transaction();\n  await trx('users').update({});\n  await db('orders').transacting(trx).insert({});\n  await trx.commit();\n}`,
    });
    expect(result.transactions.map((t) => t.tables.map((x) => `${x.table}:${x.mode}`).sort())).toEqual([
      ['default:orders:write', 'default:users:write'],
    ]);
  });
});

const ignores: { name: string; files: Record<string, string> }[] = [
  {
    name: 'maps, arrays and a local function named like a table call',
    files: {
      'src/a.ts': `const users = new Map<number, string>();\nfunction table(name: string) { return name; }\nexport function f(list: string[]) { users.delete(1); table('orders'); return list.find((x) => x === 'a'); }`,
    },
  },
  {
    name: 'a handle another package made, even when named like one',
    files: {
      'src/d.ts': `import { drizzle } from 'drizzle-orm/node-postgres';\nimport { users } from './schema';\nconst db = drizzle({} as any);\nexport const f = () => db.select().from(users);`,
      'src/schema.ts': `export const users = {} as any;`,
    },
  },
  {
    name: 'schema introspection and helpers on the instance',
    files: {
      'src/a.ts': `import { db } from './db';\nexport async function f() { await db.schema.hasTable('users'); await db.destroy(); return db.fn.now(); }`,
    },
  },
];

describe('knex ignores', () => {
  for (const c of ignores) {
    it(c.name, async () => {
      const result = await run(c.files);
      expect(accessesOf(result)).toEqual([]);
      expect(result.unresolvedAccesses.filter((u) => u.orm === 'knex')).toEqual([]);
    });
  }
});

const unresolved: { name: string; files: Record<string, string>; reason: string }[] = [
  {
    name: 'a table name from a parameter',
    files: { 'src/a.ts': `import { db } from './db';\nexport const f = (t: string) => db(t).select();` },
    reason: 'dynamic-table-name',
  },
  {
    name: 'raw SQL from a parameter',
    files: { 'src/a.ts': `import { db } from './db';\nexport const f = (sql: string) => db.raw(sql);` },
    reason: 'dynamic-sql',
  },
  {
    name: 'unparsable raw SQL',
    files: { 'src/a.ts': `import { db } from './db';\nexport const f = () => db.raw('DELETE WHERE id = 1');` },
    reason: 'unparsable-sql',
  },
  {
    name: 'an enum member that is not a string',
    files: { 'src/a.ts': `import { db } from './db';\nenum T { A = 1 }\nexport const f = () => db(T.B).select();` },
    reason: 'dynamic-table-name',
  },
];

describe('knex unresolved', () => {
  for (const c of unresolved) {
    it(c.name, async () => {
      const result = await run(c.files);
      expect(result.unresolvedAccesses.filter((u) => u.orm === 'knex').map((u) => u.reason)).toEqual([c.reason]);
    });
  }
});
