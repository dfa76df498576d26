import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/model/result.js';
import { compareAccess, readExpectedAccess } from '../helpers/expected-access.js';
import { analyzeFixture, analyzeProject } from '../helpers/project.js';

const FIXTURE = 'kysely-events';
const PKG = JSON.stringify({ name: 'app', dependencies: { kysely: '^0.27.4', pg: '^8.12.0' } });
const DB = `import { Kysely } from 'kysely';\nexport interface DB { users: { id: number } }\nexport const db = new Kysely<DB>({} as any);\n`;

const run = (files: Record<string, string>): Promise<AnalysisResult> =>
  analyzeProject({ 'package.json': PKG, 'tsconfig.json': '{"compilerOptions":{"strict":true}}', 'src/db.ts': DB, ...files });

/** Direct kysely accesses as sorted, distinct `table mode` strings. */
const accessesOf = (r: AnalysisResult): string[] =>
  [...new Set(r.accesses.filter((a) => a.orm === 'kysely' && !a.propagated).map((a) => `${a.table} ${a.mode}`))].sort();

describe('kysely fixture', () => {
  it('matches expected-access.json with full precision and recall', async () => {
    const result = await analyzeFixture(FIXTURE);
    const scores = compareAccess(result, readExpectedAccess(FIXTURE));
    for (const [category, s] of Object.entries(scores)) {
      expect({ category, missing: s.missing, extra: s.extra }).toEqual({ category, missing: [], extra: [] });
    }
    expect(result.unresolvedAccesses.filter((u) => u.orm === 'kysely')).toEqual([]);
  });

  it('declares migration tables with their line and columns', async () => {
    const result = await analyzeFixture(FIXTURE);
    expect(result.tables.find((t) => t.id === 'default:events')).toMatchObject({
      declaredIn: 'migrations/2024-01-01-init.ts:11',
      columns: ['id', 'seats_left', 'status', 'title', 'venue_id'],
      orm: 'kysely',
    });
    expect(result.transactions.map((t) => t.kind)).toEqual(['kysely.transaction']);
  });
});

const finds: { name: string; files: Record<string, string>; expected: string[] }[] = [
  {
    name: 'the four statement kinds, aliases and joins',
    files: {
      'src/a.ts': `import { db } from './db';\nexport async function f() {\n  await db.selectFrom('users as u').leftJoin('orders as o', 'o.user_id', 'u.id').selectAll().execute();\n  await db.insertInto('audit').values({}).execute();\n  await db.updateTable('carts').set({}).execute();\n  await db.deleteFrom('sessions').execute();\n}`,
    },
    expected: ['default:audit write', 'default:carts write', 'default:orders read', 'default:sessions write', 'default:users read'],
  },
  {
    name: 'selectFrom with an array, replaceInto and mergeInto … using',
    files: {
      'src/a.ts': `import { db } from './db';\nexport async function f() {\n  await db.selectFrom(['users', 'pets']).selectAll().execute();\n  await db.replaceInto('cache').values({}).execute();\n  await db.mergeInto('stock as s').using('deliveries as d', 's.id', 'd.stock_id').whenMatched().thenDelete().execute();\n}`,
    },
    expected: ['default:cache write', 'default:deliveries read', 'default:pets read', 'default:stock write', 'default:users read'],
  },
  {
    name: 'CTE names are not tables; the CTE body and subqueries in callbacks are',
    files: {
      'src/a.ts': `import { db } from './db';\nexport const f = () => db.with('recent', (qb) => qb.selectFrom('orders').select('id')).selectFrom('recent').where((eb) => eb.exists(eb.selectFrom('refunds').select('id'))).selectAll().execute();`,
    },
    expected: ['default:orders read', 'default:refunds read'],
  },
  {
    name: 'an injected Kysely, a Transaction parameter and the transaction callback',
    files: {
      'src/r.ts': `import type { Kysely, Transaction } from 'kysely';\nimport { db } from './db';\nexport class R { constructor(private readonly k: Kysely<any>) {}\n  f() { return this.k.selectFrom('users').selectAll().execute(); }\n  g(t: Transaction<any>) { return t.deleteFrom('carts').execute(); }\n  h() { return db.transaction().execute(async (trx) => trx.insertInto('orders').values({}).execute()); } }`,
    },
    expected: ['default:carts write', 'default:orders write', 'default:users read'],
  },
  {
    name: 'sql statements from kysely, fragments ignored',
    files: {
      'src/a.ts': `import { sql } from 'kysely';\nimport { db } from './db';\nexport async function f(id: number) {\n  await sql\`DELETE FROM sessions WHERE user_id = \${id}\`.execute(db);\n  await db.selectFrom('users').select(sql<string>\`concat(first, last)\`.as('name')).execute();\n}`,
    },
    expected: ['default:sessions write', 'default:users read'],
  },
  {
    name: 'a table name from a constant',
    files: { 'src/a.ts': `import { db } from './db';\nconst T = 'users';\nexport const f = () => db.selectFrom(T).selectAll().execute();` },
    expected: ['default:users read'],
  },
];

describe('kysely finds', () => {
  for (const c of finds) {
    it(c.name, async () => {
      expect(accessesOf(await run(c.files))).toEqual(c.expected);
    });
  }

  it('a generic base repository gives each subclass its own table', async () => {
    const result = await run({
      'src/base.ts': `import { db } from './db';\nexport abstract class Base {\n  protected abstract readonly table: any;\n  all() { return db.selectFrom(this.table).selectAll().execute(); }\n}`,
      'src/users.ts': `import { Base } from './base';\nexport class Users extends Base { protected readonly table = 'users'; }`,
    });
    const direct = result.accesses.filter((a) => a.orm === 'kysely' && !a.propagated);
    expect(direct.map((a) => `${a.unit} ${a.symbol} ${a.table} ${a.mode}`)).toEqual(['src/users.ts Users.all default:users read']);
  });

  it('createTable and references give tables and relations', async () => {
    const result = await run({
      'migrations/1.ts': `import type { Kysely } from 'kysely';\nexport async function up(db: Kysely<any>) {\n  await db.schema.createTable('owners').addColumn('id', 'serial').execute();\n  await db.schema.createTable('pets').addColumn('owner_id', 'integer', (c) => c.references('owners.id')).execute();\n}`,
    });
    expect(result.tables.filter((t) => t.orm === 'kysely').map((t) => `${t.id} ${t.declaredIn}`)).toEqual([
      'default:owners migrations/1.ts:3',
      'default:pets migrations/1.ts:4',
      'default:users src/db.ts:2', // the DB interface of the shared src/db.ts
    ]);
    expect(result.relations.map((r) => `${r.from}->${r.to}`)).toEqual(['default:pets->default:owners']);
  });

  it('declares the keys of the Kysely<DB> type, through imports, barrels and aliases, with columns', async () => {
    const result = await run({
      'src/db.ts': `import { Kysely } from 'kysely';\nimport type { Database } from './schema';\nexport const db = new Kysely<Database>({} as any);\n`,
      'src/schema/index.ts': `export * from './types';\n`,
      'src/schema/types.ts': `export interface UserTable { id: number; email: string }\nexport interface DB {\n  users: UserTable;\n  'audit_log': { id: number };\n}\nexport type Database = DB;\n`,
      'src/service.ts': `import type { Kysely } from 'kysely';\nexport type Reports = { monthly_totals: { month: string } };\nexport class ReportService { constructor(private readonly db: Kysely<Reports>) {} }\n`,
    });
    expect(result.tables.filter((t) => t.orm === 'kysely').map((t) => `${t.id} ${t.declaredIn} ${t.columns ?? '-'}`)).toEqual([
      'default:audit_log src/schema/types.ts:2 id',
      'default:monthly_totals src/service.ts:2 month',
      'default:users src/schema/types.ts:2 email,id',
    ]);
  });

  it('follows intersections and extends of the DB type, each table placed at the type declaring it', async () => {
    const result = await run({
      'src/db.ts': `import { Kysely } from 'kysely';\nimport type { Db } from './schema';\nexport const db = new Kysely<Db>({} as any);\n`,
      'src/auth.ts': `export type AuthDatabase = {\n  account: Account;\n  session: { id: string; expiresAt: Date };\n};\ninterface Account { id: string; userId: string }\n`,
      'src/base.ts': `export interface Base { migrations: { name: string } }\n`,
      'src/schema.ts': `import type { AuthDatabase } from './auth';\nimport type { Base } from './base';\ninterface Core extends Base { tasks: TasksTable }\nexport type Db = AuthDatabase & Core & {\n  audit: { at: Date };\n};\ninterface TasksTable { id: string; ownerId: string }\n`,
    });
    expect(result.tables.filter((t) => t.orm === 'kysely').map((t) => `${t.id} ${t.declaredIn} ${t.columns ?? '-'}`)).toEqual([
      'default:account src/auth.ts:1 id,userId',
      'default:audit src/schema.ts:4 at',
      'default:migrations src/base.ts:1 name',
      'default:session src/auth.ts:1 expiresAt,id',
      'default:tasks src/schema.ts:3 id,ownerId',
    ]);
  });

  it('several DB types on several instances declare tables in their stores', async () => {
    const result = await run({
      'src/db.ts': `import { Kysely } from 'kysely';\nexport interface Main { users: {} }\nexport interface Stats { events: {} }\nexport const mainDb = new Kysely<Main>({} as any);\nexport const statsDb = new Kysely<Stats>({} as any);`,
    });
    expect(result.tables.map((t) => t.id)).toEqual(['mainDb:users', 'statsDb:events']);
  });

  it('several instances are several stores; a Kysely<X> type picks its instance', async () => {
    const result = await run({
      'src/db.ts': `import { Kysely } from 'kysely';\nexport interface Main { users: {} }\nexport interface Stats { events: {} }\nexport const mainDb = new Kysely<Main>({} as any);\nexport const statsDb = new Kysely<Stats>({} as any);`,
      'src/a.ts': `import type { Kysely } from 'kysely';\nimport { mainDb } from './db';\nimport type { Stats } from './db';\nexport const f = () => mainDb.selectFrom('users').selectAll().execute();\nexport const g = (s: Kysely<Stats>) => s.insertInto('events').values({}).execute();`,
    });
    expect(accessesOf(result)).toEqual(['mainDb:users read', 'statsDb:events write']);
  });
});

const ignores: { name: string; files: Record<string, string> }[] = [
  {
    name: 'look-alike method names on other receivers',
    files: {
      'src/a.ts': `class Cache { selectFrom(x: string) { return x; } deleteFrom(x: string) { return x; } }\nconst cache = new Cache();\nconst seen = new Map<string, number>();\nexport function f(list: string[]) { cache.selectFrom('users'); cache.deleteFrom('orders'); seen.delete('x'); return list.find((x) => x === 'a'); }`,
    },
  },
  {
    name: 'schema introspection and a sql fragment',
    files: {
      'src/a.ts': `import { sql } from 'kysely';\nimport { db } from './db';\nexport async function f() { await db.introspection.getTables(); return sql\`now()\`; }`,
    },
  },
];

describe('kysely ignores', () => {
  for (const c of ignores) {
    it(c.name, async () => {
      const result = await run(c.files);
      expect(accessesOf(result)).toEqual([]);
      expect(result.unresolvedAccesses.filter((u) => u.orm === 'kysely')).toEqual([]);
    });
  }
});

const unresolved: { name: string; files: Record<string, string>; reason: string }[] = [
  {
    name: 'a table name from a parameter',
    files: { 'src/a.ts': `import { db } from './db';\nexport const f = (t: any) => db.selectFrom(t).selectAll().execute();` },
    reason: 'dynamic-table-name',
  },
  {
    name: 'a sql statement whose table is interpolated',
    files: {
      'src/a.ts': `import { sql } from 'kysely';\nimport { db } from './db';\nexport const f = (t: string) => sql\`SELECT * FROM \${sql.table(t)}\`.execute(db);`,
    },
    reason: 'dynamic-table-name',
  },
  {
    name: 'a sql write statement without a table',
    files: {
      'src/a.ts': `import { sql } from 'kysely';\nimport { db } from './db';\nexport const f = () => sql\`DELETE WHERE id = 1\`.execute(db);`,
    },
    reason: 'unparsable-sql',
  },
];

describe('kysely unresolved', () => {
  for (const c of unresolved) {
    it(c.name, async () => {
      const result = await run(c.files);
      expect(result.unresolvedAccesses.filter((u) => u.orm === 'kysely').map((u) => u.reason)).toEqual([c.reason]);
    });
  }
});
