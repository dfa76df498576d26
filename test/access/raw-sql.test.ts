import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/model/result.js';
import { compareAccess, readExpectedAccess } from '../helpers/expected-access.js';
import { analyzeFixture, analyzeProject } from '../helpers/project.js';

const pkg = (deps: Record<string, string>): string => JSON.stringify({ name: 'app', version: '1.0.0', dependencies: deps });
const project = (files: Record<string, string>, deps: Record<string, string> = { pg: '^8.11.0' }): Promise<AnalysisResult> =>
  analyzeProject({ 'package.json': pkg(deps), 'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true } }), ...files });

/** Direct accesses as `table:mode`, sorted and deduplicated. */
const direct = (r: AnalysisResult): string[] =>
  [...new Set(r.accesses.filter((a) => !a.propagated).map((a) => `${a.table}:${a.mode}`))].sort();

describe('raw-sql fixture', () => {
  it('reaches full precision and recall on raw-sql-library', async () => {
    const result = await analyzeFixture('raw-sql-library');
    const scores = compareAccess(result, readExpectedAccess('raw-sql-library'));
    for (const [category, score] of Object.entries(scores)) {
      expect({ category, missing: score.missing, extra: score.extra }).toEqual({ category, missing: [], extra: [] });
    }
    expect(result.unresolvedAccesses.map((u) => `${u.unit}:${u.line} ${u.reason}`)).toEqual([
      'src/reports/overdue.report.ts:21 dynamic-table-name',
    ]);
    expect(result.adapters.map((a) => a.name)).toEqual(['raw-sql']);
  });

  it('is deterministic', async () => {
    const pick = (r: AnalysisResult) =>
      JSON.stringify([r.tables, r.relations, r.accesses, r.unresolvedAccesses, r.transactions, r.adapters, r.problems]);
    expect(pick(await analyzeFixture('raw-sql-library'))).toBe(pick(await analyzeFixture('raw-sql-library')));
  });
});

describe('raw-sql finds', () => {
  const cases: [name: string, files: Record<string, string>, expected: string[], deps?: Record<string, string>][] = [
    [
      'pool.query with a string',
      {
        'src/a.ts': `import { Pool } from 'pg';\nconst pool = new Pool();\nexport const list = () => pool.query('SELECT * FROM orders o JOIN customers c ON c.id = o.customer_id');\n`,
      },
      ['default:customers:read', 'default:orders:read'],
    ],
    [
      'namespace import and a query config object',
      {
        'src/a.ts': `import * as pg from 'pg';\nconst pool = new pg.Pool();\nexport async function add() { await pool.query({ text: 'INSERT INTO orders (id) VALUES ($1)', values: [1] }); }\n`,
      },
      ['default:orders:write'],
    ],
    [
      'a client from pool.connect() inside a class with an injected pool',
      {
        'src/a.ts': `import { Pool } from 'pg';\nexport class Repo {\n  constructor(private readonly pool: Pool) {}\n  async run() {\n    const client = await this.pool.connect();\n    await client.query('UPDATE stock SET qty = qty - 1 WHERE sku = $1', ['x']);\n    client.release();\n  }\n}\n`,
      },
      ['default:stock:write'],
    ],
    [
      'mysql2 pool.promise() and execute with ? placeholders',
      {
        'src/a.ts': `import mysql from 'mysql2';\nconst pool = mysql.createPool({});\nexport const get = (id: number) => pool.promise().execute('SELECT * FROM \`users\` WHERE id = ?', [id]);\n`,
      },
      ['default:users:read'],
      { mysql2: '^3.0.0' },
    ],
    [
      'better-sqlite3 prepare',
      {
        'src/a.ts': `import Database from 'better-sqlite3';\nconst db = new Database('app.db');\nconst stmt = db.prepare('DELETE FROM sessions WHERE expires < ?');\nexport const sweep = () => stmt.run(Date.now());\n`,
      },
      ['default:sessions:write'],
      { 'better-sqlite3': '^9.0.0' },
    ],
    [
      'postgres.js tagged template with a value interpolation',
      {
        'src/a.ts': `import postgres from 'postgres';\nconst sql = postgres(process.env.DB!);\nexport const byId = (id: string) => sql\`select * from invoices where id = \${id}\`;\n`,
      },
      ['default:invoices:read'],
      { postgres: '^3.4.0' },
    ],
    [
      'slonik sql template passed to pool.query, and a transaction callback parameter',
      {
        'src/a.ts': `import { createPool, sql } from 'slonik';\nconst pool = await createPool('postgres://');\nexport async function move() {\n  await pool.transaction(async (trx) => {\n    await trx.query(sql.unsafe\`UPDATE wallets SET balance = 0\`);\n    await trx.one(sql.typeAlias('row')\`SELECT * FROM ledger\`);\n  });\n}\n`,
      },
      ['default:ledger:read', 'default:wallets:write'],
      { slonik: '^37.0.0' },
    ],
    [
      'pg-promise tx callback',
      {
        'src/a.ts': `import pgPromise from 'pg-promise';\nconst pgp = pgPromise();\nconst db = pgp('postgres://');\nexport const pay = () => db.tx(async (t) => { await t.none('INSERT INTO payments (id) VALUES ($1)', [1]); });\n`,
      },
      ['default:payments:write'],
      { 'pg-promise': '^11.0.0' },
    ],
    [
      '@vercel/postgres: the exported sql tag is a client',
      { 'src/a.ts': `import { sql } from '@vercel/postgres';\nexport const list = () => sql\`SELECT * FROM posts\`;\n` },
      ['default:posts:read'],
      { '@vercel/postgres': '^0.9.0' },
    ],
    [
      'mssql request chains',
      {
        'src/a.ts': `import sql from 'mssql';\nexport async function get(id: number) {\n  const pool = await sql.connect('cs');\n  return pool.request().input('id', id).query('SELECT * FROM dbo.Customers WHERE id = @id');\n}\n`,
      },
      ['default:Customers:read'],
      { mssql: '^10.0.0' },
    ],
    [
      'a client handed out by a project method that connects a pool',
      {
        'src/db.service.ts': `import { Pool } from 'pg';\nexport class DatabaseService {\n  constructor(private readonly pool: Pool) {}\n  async getPoolClient() {\n    const client = await this.pool.connect();\n    return client;\n  }\n}\n`,
        'src/a.ts': `import { DatabaseService } from './db.service';\nexport class Repo {\n  constructor(private readonly db: DatabaseService) {}\n  async remove(id: number) {\n    const c = await this.db.getPoolClient();\n    await c.query('BEGIN');\n    await c.query('DELETE FROM tags WHERE id = $1', [id]);\n    await c.query('COMMIT');\n  }\n}\n`,
      },
      ['default:tags:write'],
    ],
    [
      'SQL concatenated from literals and a constant',
      {
        'src/a.ts': `import { Pool } from 'pg';\nconst pool = new Pool();\nconst T = 'refunds';\nexport const q = (id: number) => pool.query('DELETE FROM ' + T + ' WHERE id = $1', [id]);\n`,
      },
      ['default:refunds:write'],
    ],
    [
      'a condition concatenated to a fixed table',
      {
        'src/a.ts': `import { Pool } from 'pg';\nconst pool = new Pool();\nexport const q = (w: string) => pool.query('SELECT * FROM accounts WHERE ' + w);\n`,
      },
      ['default:accounts:read'],
    ],
    [
      'an imported client and a module constant table name',
      {
        'src/db.ts': `import { Pool } from 'pg';\nconst pool = new Pool();\nexport default pool;\n`,
        'src/names.ts': `export const ORDERS = 'orders';\n`,
        'src/a.ts': `import db from './db';\nimport { ORDERS } from './names';\nexport const n = () => db.query(\`SELECT count(*) FROM \${ORDERS}\`);\n`,
      },
      ['default:orders:read'],
    ],
    [
      'a wrapper module exporting query(text, params) (the node-postgres pattern)',
      {
        'src/db.ts': `import { Pool } from 'pg';\nconst pool = new Pool();\nexport function query(text: string, params?: unknown[]) { return pool.query(text, params); }\n`,
        'src/a.ts': `import * as db from './db';\nexport const find = () => db.query('SELECT * FROM carts WHERE id = $1', [1]);\n`,
      },
      ['default:carts:read'],
    ],
    [
      'a raw query against a table another ORM declared uses its id',
      {
        'prisma/schema.prisma': `datasource db {\n  provider = "postgresql"\n  url = env("DB")\n}\nmodel Order {\n  id Int @id\n  @@map("orders")\n}\n`,
        'src/a.ts': `import { Pool } from 'pg';\nimport { PrismaClient } from '@prisma/client';\nexport const prisma = new PrismaClient();\nconst pool = new Pool();\nexport const raw = () => pool.query('SELECT * FROM "ORDERS"');\n`,
      },
      ['default:orders:read'],
      { pg: '^8.0.0', '@prisma/client': '^5.0.0' },
    ],
    [
      'a table name from a getter, in a base class method, and concatenated SQL',
      {
        'src/base.ts': `import { Pool } from 'pg';\nconst pool = new Pool();\nexport abstract class Repo {\n  abstract get tableName(): string;\n  all() { return pool.query('SELECT * FROM ' + this.tableName + ' WHERE deleted = false'); }\n}\n`,
        'src/users.ts': `import { Repo } from './base';\nexport class UsersRepo extends Repo {\n  get tableName() { return 'users'; }\n}\n`,
      },
      ['default:users:read'],
    ],
    [
      'enum members: in a template, passed to super(…), imported',
      {
        'src/tables.ts': `export enum ETables { Users = 'users', Orders = 'orders' }\n`,
        'src/base.ts': `import { Pool } from 'pg';\nconst pool = new Pool();\nexport class Base {\n  constructor(protected readonly table: string) {}\n  all() { return pool.query(\`SELECT * FROM \${this.table}\`); }\n}\n`,
        'src/orders.ts': `import { Base } from './base';\nimport { ETables } from './tables';\nexport class Orders extends Base {\n  constructor() { super(ETables.Orders); }\n}\n`,
        'src/users.ts': `import { Pool } from 'pg';\nimport { ETables } from './tables';\nconst pool = new Pool();\nexport const drop = () => pool.query(\`DELETE FROM \${ETables.Users} WHERE id = $1\`, [1]);\n`,
      },
      ['default:orders:read', 'default:users:write'],
    ],
    [
      'a default-exported client imported elsewhere, and a client in a constructor default',
      {
        'src/db.ts': `import { Pool } from 'pg';\nexport default new Pool();\n`,
        'src/a.ts': `import db from './db';\nexport const list = () => db.query('SELECT * FROM carts');\n`,
        'src/b.ts': `import { Pool } from 'pg';\nexport class Loans {\n  constructor(private readonly pool = new Pool(), private readonly table = 'loans') {}\n  add() { return this.pool.query(\`INSERT INTO \${this.table} (id) VALUES (1)\`); }\n}\n`,
      },
      ['default:carts:read', 'default:loans:write'],
    ],
    [
      'a callback parameter typed with a driver type, through a project type alias',
      {
        'src/db.ts': `import type { PoolClient } from 'pg';\nexport type Conn = PoolClient;\nexport declare function withClient<T>(fn: (c: any) => Promise<T>): Promise<T>;\n`,
        'src/a.ts': `import type { PoolClient } from 'pg';\nimport { withClient, type Conn } from './db';\nexport const a = () => withClient((c: PoolClient) => c.query('SELECT * FROM invoices'));\nexport const b = () => withClient(async (conn: Conn) => conn.query('UPDATE invoices SET paid = true'));\n`,
      },
      ['default:invoices:read', 'default:invoices:write'],
    ],
  ];
  it.each(cases)('%s', async (_name, files, expected, deps) => {
    const result = await project(files, deps);
    expect(direct(result)).toEqual(expected);
    expect(result.unresolvedAccesses).toEqual([]);
  });

  it('gives a raw query against a known table no table of its own', async () => {
    const [, files, , deps] = cases.find(([name]) => name.startsWith('a raw query against a table another ORM declared'))!;
    const result = await project(files, deps);
    expect(result.tables.map((t) => `${t.id} ${t.orm}`)).toEqual(['default:orders prisma']);
  });
});

describe('raw-sql tables from migrations', () => {
  it('reads .sql files in order (renames and drops apply, down files do not) and node-pg-migrate files', async () => {
    const result = await project({
      'src/db.ts': `import { Pool } from 'pg';\nexport const pool = new Pool();\n`,
      'db/001_init.sql': `CREATE TABLE orgs (id serial PRIMARY KEY);\nCREATE TABLE legacy_users (id serial, org_id int REFERENCES orgs (id));\n`,
      'db/001_init.down.sql': `DROP TABLE orgs;\n`,
      'db/002_rename.sql': `ALTER TABLE legacy_users RENAME TO users;\nCREATE TABLE tmp (id int);\nDROP TABLE tmp;\n`,
      'db/003_views.sql': `CREATE OR REPLACE VIEW org_users AS SELECT u.* FROM users u JOIN orgs o ON o.id = u.org_id;\nCREATE MATERIALIZED VIEW big_orgs AS SELECT * FROM org_users;\n`,
      'src/report.ts': `import { pool } from './db';\nexport const big = () => pool.query('SELECT * FROM big_orgs');\n`,
      'test/fixtures.sql': `CREATE TABLE test_only (id int);\n`,
      'migrations/1700000000000_projects.js': [
        'exports.up = (pgm) => {',
        "  pgm.createTable('projects', { id: 'id', org_id: { type: 'integer', notNull: true, references: '\"orgs\"' } });",
        "  pgm.createTable({ schema: 'audit', name: 'events' }, { id: 'id' });",
        "  pgm.sql('CREATE TABLE tags (id int, project_id int REFERENCES projects(id))');",
        '};',
        '',
      ].join('\n'),
    });
    expect(result.tables.map((t) => `${t.id} ${t.orm} ${t.declaredIn}`)).toEqual([
      'default:audit.events node-pg-migrate migrations/1700000000000_projects.js:3',
      'default:orgs sql db/001_init.sql:1',
      'default:projects node-pg-migrate migrations/1700000000000_projects.js:2',
      'default:tags node-pg-migrate migrations/1700000000000_projects.js:4',
      'default:users sql db/002_rename.sql:1',
    ]);
    expect(result.tables.find((t) => t.name === 'users')?.columns).toEqual(['id', 'org_id']);
    expect(result.relations.map((r) => `${r.from} -> ${r.to} (${r.field})`)).toEqual([
      'default:projects -> default:orgs (org_id)',
      'default:tags -> default:projects (project_id)',
      'default:users -> default:orgs (org_id)',
    ]);
    // a view stands for the tables it reads, through views of views
    expect(result.accesses.filter((a) => a.unit === 'src/report.ts' && !a.propagated).map((a) => `${a.table}:${a.mode}`)).toEqual([
      'default:orgs:read',
      'default:users:read',
    ]);
  });
});

describe('raw-sql ignores', () => {
  const cases: [name: string, files: Record<string, string>][] = [
    [
      'a Map named users',
      {
        'src/a.ts': `import { Pool } from 'pg';\nexport const pool = new Pool();\nconst users = new Map<string, string>();\nexport const get = () => users.get('SELECT * FROM users');\n`,
      },
    ],
    [
      'a cache with query()',
      {
        'src/a.ts': `import { Pool } from 'pg';\nexport const pool = new Pool();\nconst cache = { query: (s: string) => s };\nexport const q = () => cache.query('SELECT * FROM users');\n`,
      },
    ],
    [
      'an ORM manager query()',
      {
        'src/a.ts': `import { Pool } from 'pg';\nimport { DataSource } from 'typeorm';\nexport const pool = new Pool();\nconst ds = new DataSource({} as never);\nexport const q = () => ds.query('SELECT * FROM users');\n`,
      },
    ],
    [
      'a statement object run() after prepare',
      {
        'src/a.ts': `import Database from 'better-sqlite3';\nconst db = new Database('x');\nexport const stmt = db.prepare('SELECT 1');\nexport const go = () => stmt.run();\n`,
      },
    ],
    [
      'transaction control statements',
      {
        'src/a.ts': `import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function t() { const c = await pool.connect(); await c.query('BEGIN'); await c.query('COMMIT'); }\n`,
      },
    ],
  ];
  it.each(cases)('%s', async (_name, files) => {
    const result = await project(files, { pg: '^8.0.0', 'better-sqlite3': '^9.0.0' });
    // other adapters may find their own (TypeORM's `ds.query`); raw SQL must not
    expect(result.accesses.filter((a) => a.orm === 'raw-sql')).toEqual([]);
    expect(result.unresolvedAccesses.filter((u) => u.orm === 'raw-sql')).toEqual([]);
  });

  it('a driver listed in package.json but imported nowhere enables nothing', async () => {
    const result = await project({ 'src/a.ts': `export const x = 1;\n` }, { pg: '^8.0.0' });
    expect(result.adapters).toEqual([]);
  });
});

describe('raw-sql unresolved', () => {
  const cases: [name: string, files: Record<string, string>, reason: string][] = [
    [
      'table name from a parameter',
      {
        'src/a.ts': `import { Pool } from 'pg';\nconst pool = new Pool();\nexport const dump = (t: string) => pool.query(\`SELECT * FROM \${t}\`);\n`,
      },
      'dynamic-table-name',
    ],
    [
      'SQL passed down from an unknown caller',
      {
        'src/a.ts': `import { Pool } from 'pg';\nconst pool = new Pool();\nexport const run = (o: { sql: string }) => pool.query(\`\${PREFIX}\${o.sql}\`);\nconst PREFIX = process.env.P;\n`,
      },
      'dynamic-sql',
    ],
    [
      'SQL built by a function call',
      {
        'src/a.ts': `import { Pool } from 'pg';\nconst pool = new Pool();\nexport const q = (w: string) => pool.query(buildSelect(w));\nfunction buildSelect(w: string) { return w; }\n`,
      },
      'dynamic-sql',
    ],
    [
      'a table name concatenated from a parameter',
      {
        'src/a.ts': `import { Pool } from 'pg';\nconst pool = new Pool();\nexport const q = (t: string) => pool.query('SELECT * FROM ' + t);\n`,
      },
      'dynamic-table-name',
    ],
    [
      'a base repository whose subclasses never name the table',
      {
        'src/a.ts': `import { Pool } from 'pg';\nexport abstract class Base {\n  protected abstract table: string;\n  constructor(private readonly db: Pool) {}\n  all() { return this.db.query(\`SELECT * FROM \${this.table}\`); }\n}\n`,
      },
      'dynamic-table-name',
    ],
    [
      'a getter that returns a parameter-dependent name',
      {
        'src/a.ts': `import { Pool } from 'pg';\nconst pool = new Pool();\nexport class Repo {\n  constructor(private readonly prefix: string) {}\n  get table() { return this.prefix; }\n  all() { return pool.query('SELECT * FROM ' + this.table); }\n}\n`,
      },
      'dynamic-table-name',
    ],
    [
      'text that is not SQL',
      { 'src/a.ts': `import { Pool } from 'pg';\nconst pool = new Pool();\nexport const q = () => pool.query('hello world');\n` },
      'unparsable-sql',
    ],
  ];
  it.each(cases)('%s', async (_name, files, reason) => {
    const result = await project(files);
    expect(result.accesses).toEqual([]);
    expect(result.unresolvedAccesses.map((u) => `${u.unit} ${u.reason}`)).toEqual([`src/a.ts ${reason}`]);
  });

  it('reports malformed SQL as a problem with its location and keeps going', async () => {
    const result = await project({
      'src/a.ts': `import { Pool } from 'pg';\nconst pool = new Pool();\nexport const bad = () => pool.query('hello world');\nexport const good = () => pool.query('SELECT * FROM orders');\n`,
      'db/001.sql': `CREATE TABLE orders (id int);\n`,
    });
    expect(result.problems.filter((p) => p.source === 'sql').map((p) => `${p.path}:${p.line}`)).toEqual(['src/a.ts:3']);
    expect(direct(result)).toEqual(['default:orders:read']);
  });
});
