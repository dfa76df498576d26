import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/model/result.js';
import { compareAccess, readExpectedAccess } from '../helpers/expected-access.js';
import { testAdapterCases } from '../helpers/adapter-tester.js';
import { analyzeFixture, analyzeProject } from '../helpers/project.js';

const FIXTURE = 'drizzle-projects';
const PKG = JSON.stringify({ name: 'app', type: 'module', dependencies: { 'drizzle-orm': '^0.33.0', postgres: '^3.4.4' } });
const SCHEMA = `import { pgTable, serial, integer, text } from 'drizzle-orm/pg-core';
export const users = pgTable('users', { id: serial('id').primaryKey(), name: text('name') });
export const orderItems = pgTable('order_items', { id: serial('id'), userId: integer('user_id').references(() => users.id) });
`;
const DB = `import { drizzle } from 'drizzle-orm/node-postgres';\nimport * as schema from './schema';\nexport const db = drizzle(process.env.DB!, { schema });\n`;

const run = (files: Record<string, string>): Promise<AnalysisResult> =>
  analyzeProject({
    'package.json': PKG,
    'tsconfig.json': '{"compilerOptions":{"strict":true}}',
    'src/schema.ts': SCHEMA,
    'src/db.ts': DB,
    ...files,
  });

const accessesOf = (r: AnalysisResult): string[] =>
  [...new Set(r.accesses.filter((a) => a.orm === 'drizzle' && !a.propagated).map((a) => `${a.table} ${a.mode}`))].sort();

const HEAD = `import { eq, sql } from 'drizzle-orm';\nimport { db } from './db';\nimport { users, orderItems } from './schema';\n`;

describe('drizzle fixture', () => {
  it('matches expected-access.json with full precision and recall', async () => {
    const result = await analyzeFixture(FIXTURE);
    const scores = compareAccess(result, readExpectedAccess(FIXTURE));
    for (const [category, s] of Object.entries(scores)) {
      expect({ category, missing: s.missing, extra: s.extra }).toEqual({ category, missing: [], extra: [] });
    }
    expect(result.unresolvedAccesses.filter((u) => u.orm === 'drizzle')).toEqual([]);
  });

  it('records the variable as entity, the declaration line and the columns', async () => {
    const result = await analyzeFixture(FIXTURE);
    expect(result.tables.find((t) => t.id === 'db:project_tasks')).toMatchObject({
      entity: 'tasks',
      declaredIn: 'src/db/schema/projects.ts:12',
      columns: ['assigneeId', 'done', 'id', 'projectId', 'title'],
    });
  });
});

const finds: { name: string; files: Record<string, string>; expected: string[] }[] = [
  {
    name: 'select/from and joins read, insert/update/delete write, by variable',
    files: {
      'src/svc.ts': `${HEAD}export async function f() {\n  await db.select().from(orderItems).innerJoin(users, eq(users.id, orderItems.userId));\n  await db.insert(orderItems).values({});\n  await db.update(users).set({ name: 'x' });\n  await db.delete(orderItems);\n}`,
    },
    expected: ['default:order_items read', 'default:order_items write', 'default:users read', 'default:users write'],
  },
  {
    name: 'namespace import and schema barrel',
    files: {
      'src/tables/index.ts': `export * from '../schema';`,
      'src/svc.ts': `import * as s from './tables';\nimport { db } from './db';\nexport const f = () => db.select().from(s.orderItems);`,
    },
    expected: ['default:order_items read'],
  },
  {
    name: 'relational queries with nested with',
    files: {
      'src/rel.ts': `import { relations } from 'drizzle-orm';\nimport { users, orderItems } from './schema';\nexport const usersRelations = relations(users, ({ many }) => ({ items: many(orderItems) }));`,
      'src/svc.ts': `import { db } from './db';\nexport const f = () => db.query.users.findMany({ with: { items: true } });`,
    },
    expected: ['default:order_items read', 'default:users read'],
  },
  {
    name: 'relational query names from a schema object with renamed keys',
    files: {
      'src/db2.ts': `import { drizzle } from 'drizzle-orm/node-postgres';\nimport { orderItems } from './schema';\nexport const db2 = drizzle(process.env.DB!, { schema: { lines: orderItems } });`,
      'src/svc.ts': `import { db2 } from './db2';\nexport const f = () => db2.query.lines.findMany();`,
    },
    expected: ['default:order_items read'],
  },
  {
    name: 'a local result named like the table does not hide the imported table',
    files: {
      'src/router.ts': `import { db } from './db';\nimport { users } from './schema';\nexport const routes = [async () => { const users = await db.select().from(users); return users; }];`,
    },
    expected: ['default:users read'],
  },
  {
    name: 'transaction callbacks use tx; $count reads',
    files: {
      'src/svc.ts': `${HEAD}export const f = () => db.transaction(async (tx) => { await tx.insert(users).values({}); return db.$count(orderItems); });`,
    },
    expected: ['default:order_items read', 'default:users write'],
  },
  {
    name: 'pgTableCreator prefixes and pgSchema qualifies table names',
    files: {
      'src/t3.ts': `import { pgTableCreator, pgSchema, serial } from 'drizzle-orm/pg-core';\nexport const createTable = pgTableCreator((name) => \`acme_\${name}\`);\nexport const posts = createTable('post', { id: serial('id') });\nconst auth = pgSchema('auth');\nexport const sessions = auth.table('sessions', { id: serial('id') });`,
      'src/svc.ts': `import { db } from './db';\nimport { posts, sessions } from './t3';\nexport async function f() { await db.select().from(posts); await db.delete(sessions); }`,
    },
    expected: ['default:acme_post read', 'default:auth.sessions write'],
  },
  {
    name: 'table creators with an identity or configured prefix keep the written name',
    files: {
      'src/t3.ts': `import { pgTableCreator, serial } from 'drizzle-orm/pg-core';\nconst plain = pgTableCreator((name) => name);\nexport const pgTable = pgTableCreator((name) => \`\${process.env.PREFIX}_\${name}\`);\nexport const files = plain('files', { id: serial('id') });\nexport const notes = pgTable('notes', { id: serial('id') });`,
      'src/svc.ts': `import { db } from './db';\nimport { files, notes } from './t3';\nexport async function f() { await db.insert(files).values({}); await db.select().from(notes); }`,
    },
    expected: ['default:files write', 'default:notes read'],
  },
  {
    name: 'tRPC-style ctx.db in a router that imports drizzle-orm, and sql templates',
    files: {
      'src/router.ts': `${HEAD}export const list = async ({ ctx }: { ctx: { db: typeof db } }) => {\n  await ctx.db.query.orderItems.findFirst();\n  return ctx.db.execute(sql\`delete from \${users} where id = \${1}\`);\n};`,
    },
    expected: ['default:order_items read', 'default:users write'],
  },
];

const ignores: { name: string; files: Record<string, string> }[] = [
  {
    name: 'queues, maps and Array.from with drizzle-like method names',
    files: {
      'src/svc.ts': `import { eq } from 'drizzle-orm';\nimport { users } from './schema';\nclass Queue { insert(x: string) { return x; } delete(x: string) { return x; } }\nconst q = new Queue();\nconst cache = new Map<string, number>();\nexport function f() { q.insert('a'); q.delete('b'); cache.delete('users'); Array.from(cache.keys()); return eq(users.id, 1); }`,
    },
  },
  {
    name: 'drizzle-orm listed in package.json but never imported',
    files: {
      'src/schema.ts': 'export const users = 1;',
      'src/db.ts': 'export const db = { delete: (x: unknown) => x };',
      'src/svc.ts': `import { db } from './db';\nimport { users } from './schema';\nexport const f = () => db.delete(users);`,
    },
  },
];

const unresolved: { name: string; files: Record<string, string>; reason: string }[] = [
  {
    name: 'a generic repository over a table parameter',
    files: {
      'src/base.ts': `import { PgTable } from 'drizzle-orm/pg-core';\nimport { db } from './db';\nexport class BaseRepository<T extends PgTable> {\n  constructor(private readonly table: T) {}\n  all() { return db.select().from(this.table); }\n}`,
    },
    reason: 'unknown-table',
  },
  {
    name: 'a relational query on a name that is no table',
    files: { 'src/svc.ts': `import { db } from './db';\nexport const f = () => db.query.ghosts.findMany();` },
    reason: 'unknown-table',
  },
];

describe('drizzle adapter', () => {
  testAdapterCases({ finds, ignores, unresolved }, run, accessesOf);

  it('relations from references, foreignKey and relations()', async () => {
    const r = await run({
      'src/more.ts': `import { pgTable, serial, integer, foreignKey } from 'drizzle-orm/pg-core';\nimport { relations } from 'drizzle-orm';\nimport { users } from './schema';\nexport const posts = pgTable('posts', { id: serial('id'), authorId: integer('author_id') }, (t) => [foreignKey({ columns: [t.authorId], foreignColumns: [users.id] })]);\nexport const comments = pgTable('comments', { id: serial('id'), postId: integer('post_id') });\nexport const commentsRelations = relations(comments, ({ one }) => ({ post: one(posts, { fields: [comments.postId], references: [posts.id] }) }));`,
    });
    expect(r.relations.map((x) => `${x.from} -> ${x.to}`)).toEqual([
      'default:comments -> default:posts',
      'default:order_items -> default:users',
      'default:posts -> default:users',
    ]);
  });

  it('reports malformed SQL in db.execute with its location and keeps going', async () => {
    const r = await run({
      'src/svc.ts': `${HEAD}export async function f() {\n  await db.execute(sql\`this is not sql\`);\n  await db.select().from(users);\n}`,
    });
    expect(r.problems.filter((p) => p.source === 'sql').map((p) => `${p.path}:${p.line}`)).toEqual(['src/svc.ts:5']);
    expect(accessesOf(r)).toEqual(['default:users read']);
  });
});
