import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/model/result.js';
import { compareAccess, readExpectedAccess } from '../helpers/expected-access.js';
import { analyzeFixture, analyzeProject } from '../helpers/project.js';

const PKG = JSON.stringify({ name: 'app', dependencies: { '@prisma/client': '^5.20.0' }, devDependencies: { prisma: '^5.20.0' } });
const SCHEMA = `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
generator client {
  provider = "prisma-client-js"
}
model User {
  id     Int     @id
  email  String  @map("email_address")
  orders Order[]
  roles  Role[]
  @@map("users")
}
model Order {
  id     Int  @id
  userId Int
  user   User @relation(fields: [userId], references: [id])
}
model Role {
  id    Int    @id
  users User[]
}
`;
const CLIENT = `import { PrismaClient } from '@prisma/client';\nexport const prisma = new PrismaClient();\n`;

const run = (files: Record<string, string>): Promise<AnalysisResult> =>
  analyzeProject({
    'package.json': PKG,
    'tsconfig.json': '{"compilerOptions":{"strict":true}}',
    'prisma/schema.prisma': SCHEMA,
    'src/db.ts': CLIENT,
    ...files,
  });

/** Direct prisma accesses as sorted, distinct `table mode` strings. */
const accessesOf = (r: AnalysisResult): string[] =>
  [...new Set(r.accesses.filter((a) => a.orm === 'prisma' && !a.propagated).map((a) => `${a.table} ${a.mode}`))].sort();

function expectFullScore(result: AnalysisResult, fixture: string): void {
  const scores = compareAccess(result, readExpectedAccess(fixture));
  for (const [category, s] of Object.entries(scores)) {
    expect({ category, missing: s.missing, extra: s.extra }).toEqual({ category, missing: [], extra: [] });
  }
}

describe('prisma fixtures', () => {
  it('prisma-helpdesk matches expected-access.json with full precision and recall', async () => {
    const result = await analyzeFixture('prisma-helpdesk');
    expectFullScore(result, 'prisma-helpdesk');
    expect(result.unresolvedAccesses.filter((u) => u.orm === 'prisma')).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it('shop matches expected-access.json with full precision and recall', async () => {
    expectFullScore(await analyzeFixture('shop'), 'shop');
  });

  it('records the model, declaration line and mapped columns', async () => {
    const result = await analyzeFixture('prisma-helpdesk');
    expect(result.tables.find((t) => t.id === 'default:tickets')).toMatchObject({
      entity: 'Ticket',
      declaredIn: 'prisma/schema.prisma:28',
      columns: ['assignee_id', 'id', 'status', 'title'],
      orm: 'prisma',
    });
    expect(result.tables.find((t) => t.id === 'billing:Ticket')).toMatchObject({
      entity: 'Ticket',
      declaredIn: 'prisma/billing/schema.prisma:30',
    });
    expect(result.transactions.find((t) => t.unit === 'src/teams/team.service.ts')?.kind).toBe('prisma.$transaction');
  });
});

const finds: { name: string; files: Record<string, string>; expected: string[] }[] = [
  {
    name: 'an exported client imported elsewhere; @@map and model names',
    files: {
      'src/a.ts': `import { prisma } from './db';\nexport const f = () => prisma.user.findMany();\nexport const g = () => prisma.order.create({ data: {} });`,
    },
    expected: ['default:Order write', 'default:users read'],
  },
  {
    name: 'NestJS PrismaService extends PrismaClient, injected by constructor type',
    files: {
      'src/prisma.service.ts': `import { PrismaClient } from '@prisma/client';\nexport class PrismaService extends PrismaClient {}`,
      'src/users.repo.ts': `import { PrismaService } from './prisma.service';\nexport class UsersRepo {\n  constructor(private readonly db: PrismaService) {}\n  remove(id: number) { return this.db.user.delete({ where: { id } }); }\n  count() { return this.db.role.count(); }\n}`,
    },
    expected: ['default:Role read', 'default:users write'],
  },
  {
    name: '$extends result under another name, and its $transaction callback parameter',
    files: {
      'src/x.ts': `import { prisma } from './db';\nconst xdb = prisma.$extends({});\nexport async function f() {\n  await xdb.$transaction(async (t) => { await t.order.updateMany({ data: {} }); });\n}`,
    },
    expected: ['default:Order write'],
  },
  {
    name: 'a factory function and a Prisma.TransactionClient parameter',
    files: {
      'src/make.ts': `import { PrismaClient } from '@prisma/client';\nexport function makeClient() { return new PrismaClient(); }`,
      'src/use.ts': `import { makeClient } from './make';\nimport { Prisma } from '@prisma/client';\nconst c = makeClient();\nexport const f = () => c.user.upsert({ where: { id: 1 }, create: {}, update: {} });\nexport const g = (tx: Prisma.TransactionClient) => tx.order.findFirst();`,
    },
    expected: ['default:Order read', 'default:users write'],
  },
  {
    name: 'include reads related tables, nested create writes them, connect writes the join table',
    files: {
      'src/a.ts': `import { prisma } from './db';\nexport const f = () => prisma.user.findUnique({ where: { id: 1 }, include: { orders: true } });\nexport const g = () => prisma.user.create({ data: { orders: { create: [{}] }, roles: { connect: [{ id: 1 }] } } });`,
    },
    expected: ['default:Order read', 'default:Order write', 'default:_RoleToUser write', 'default:users read', 'default:users write'],
  },
  {
    name: 'raw queries resolve against mapped names, case-insensitively',
    files: {
      'src/r.ts': `import { prisma } from './db';\nexport const f = () => prisma.$queryRaw\`SELECT * FROM USERS u JOIN "Order" o ON o."userId" = u.id WHERE u.id = \${1}\`;\nexport const g = () => prisma.$executeRawUnsafe('DELETE FROM "Role" WHERE id = $1', 1);`,
    },
    expected: ['default:Order read', 'default:Role write', 'default:users read'],
  },
  {
    name: 'a singleton wrapper whose callback creates the client in a block',
    files: {
      'src/one.ts': `import { PrismaClient } from '@prisma/client';\nimport { remember } from '@epic-web/remember';\nexport const db = remember('db', () => {\n  const client = new PrismaClient();\n  void client.$connect();\n  return client;\n});`,
      'src/use.ts': `import { db } from './one';\nexport const f = () => db.role.findMany();`,
    },
    expected: ['default:Role read'],
  },
  {
    name: 'a @nestjs-cls/transactional TransactionHost',
    files: {
      'src/t.ts': `import { TransactionHost } from '@nestjs-cls/transactional';\nimport { TransactionalAdapterPrisma } from '@nestjs-cls/transactional-adapter-prisma';\nexport class R {\n  constructor(private readonly txHost: TransactionHost<TransactionalAdapterPrisma>) {}\n  f() { return this.txHost.tx.order.create({ data: {} }); }\n}`,
    },
    expected: ['default:Order write'],
  },
  {
    name: 'a delegate kept in a variable',
    files: { 'src/d.ts': `import { prisma } from './db';\nexport function f() { const users = prisma.user; return users.aggregate({}); }` },
    expected: ['default:users read'],
  },
];

describe('prisma finds', () => {
  for (const c of finds) {
    it(c.name, async () => {
      expect(accessesOf(await run(c.files))).toEqual(c.expected);
    });
  }

  it('a generic base repository gets its delegate from each subclass', async () => {
    const result = await run({
      'src/base.ts': `export abstract class BaseRepo<D extends { findMany(): unknown; create(a: unknown): unknown }> {\n  constructor(protected readonly model: D) {}\n  all() { return this.model.findMany(); }\n  add(data: unknown) { return this.model.create({ data }); }\n}`,
      'src/roles.ts': `import { PrismaClient } from '@prisma/client';\nimport { BaseRepo } from './base';\nexport class RolesRepo extends BaseRepo<any> {\n  constructor(prisma: PrismaClient) { super(prisma.role); }\n}`,
      'src/orders.ts': `import { prisma } from './db';\nimport { BaseRepo } from './base';\nexport class OrdersRepo extends BaseRepo<any> {\n  constructor() { super(prisma.order); }\n  all() { return prisma.order.findMany({ take: 10 }); }\n}`,
    });
    const direct = result.accesses.filter((a) => a.orm === 'prisma' && !a.propagated);
    expect(direct.map((a) => `${a.unit} ${a.symbol} ${a.table} ${a.mode}`).sort()).toEqual([
      'src/orders.ts OrdersRepo.add default:Order write',
      'src/orders.ts OrdersRepo.all default:Order read',
      'src/roles.ts RolesRepo.add default:Role write',
      'src/roles.ts RolesRepo.all default:Role read',
    ]);
  });

  it('a batch $transaction lists its calls as part of the scope', async () => {
    const result = await run({
      'src/t.ts': `import { prisma } from './db';\nexport async function f() {\n  await prisma.$transaction([prisma.user.update({ where: { id: 1 }, data: {} }), prisma.role.delete({ where: { id: 2 } })]);\n}`,
    });
    expect(result.transactions.map((t) => t.tables.map((x) => `${x.table}:${x.mode}`).sort())).toEqual([
      ['default:Role:write', 'default:users:write'],
    ]);
  });

  it('a batch $transaction over an array held in a variable', async () => {
    const result = await run({
      'src/t.ts': `import { prisma } from './db';\nexport async function f() {\n  const ops = [\n    prisma.order.deleteMany({}),\n    prisma.role.create({ data: {} }),\n  ];\n  await prisma.$transaction(ops);\n}`,
    });
    expect(result.transactions.map((t) => t.tables.map((x) => `${x.table}:${x.mode}`).sort())).toEqual([
      ['default:Order:write', 'default:Role:write'],
    ]);
  });

  it('the fluent API reads the related table', async () => {
    const result = await run({
      'src/f.ts': `import { prisma } from './db';\nexport const f = () => prisma.user.findUnique({ where: { id: 1 } }).orders();`,
    });
    expect(accessesOf(result)).toEqual(['default:Order read', 'default:users read']);
  });

  it('implicit many-to-many: _AToB, or _name for a named relation', async () => {
    const result = await run({
      'prisma/schema.prisma': `${SCHEMA}\nmodel Tag {\n  id Int @id\n  posts Post[] @relation("PostTags")\n}\nmodel Post {\n  id Int @id\n  tags Tag[] @relation("PostTags")\n}\n`,
    });
    const ids = result.tables.map((t) => t.id);
    expect(ids).toContain('default:_RoleToUser');
    expect(ids).toContain('default:_PostTags');
    expect(
      result.relations
        .filter((r) => r.from === 'default:_PostTags')
        .map((r) => r.to)
        .sort(),
    ).toEqual(['default:Post', 'default:Tag']);
  });

  it('@@schema keeps a non-public schema qualified', async () => {
    const result = await run({
      'prisma/schema.prisma': `${SCHEMA}\nmodel Audit {\n  id Int @id\n  @@map("events")\n  @@schema("audit")\n}\n`,
    });
    expect(result.tables.map((t) => t.id)).toContain('default:audit.events');
  });

  it('two schema files are two stores; the generated client import picks the store', async () => {
    const billing = `datasource b {\n  provider = "postgresql"\n  url = env("B")\n}\ngenerator c {\n  provider = "prisma-client-js"\n  output = "../../src/generated/billing"\n}\nmodel User {\n  id Int @id\n}\n`;
    const result = await run({
      'prisma/billing/schema.prisma': billing,
      'src/b.ts': `import { PrismaClient } from './generated/billing';\nconst b = new PrismaClient();\nexport const f = () => b.user.findMany();`,
      'src/a.ts': `import { prisma } from './db';\nexport const g = () => prisma.user.create({ data: {} });`,
    });
    expect(
      result.tables
        .filter((t) => t.entity === 'User')
        .map((t) => t.id)
        .sort(),
    ).toEqual(['billing:User', 'default:users']);
    expect(accessesOf(result)).toEqual(['billing:User read', 'default:users write']);
  });

  it('clients generated into node_modules packages pick their store by package name', async () => {
    const schema = (name: string, model: string): string =>
      `datasource db {\n  provider = "postgresql"\n  url = env("${name}")\n}\ngenerator client {\n  provider = "prisma-client-js"\n  output = "../../node_modules/@prisma/client-${name}"\n}\nmodel ${model} {\n  id Int @id\n}\n`;
    const result = await run({
      'prisma/schema.prisma': '',
      'prisma/mysql/schema.prisma': schema('mysql', 'Event'),
      'prisma/mongo/schema.prisma': schema('mongo', 'Event'),
      'src/a.ts': `import { PrismaClient } from '@prisma/client-mongo';\nconst m = new PrismaClient();\nexport const f = () => m.event.create({ data: {} });`,
      'src/b.ts': `import { PrismaClient } from '@prisma/client-mysql';\nconst s = new PrismaClient();\nexport const g = () => s.event.findMany();`,
    });
    expect(accessesOf(result)).toEqual(['mongo:Event write', 'mysql:Event read']);
  });

  it('a schema copy that prisma generate wrote into the client output is not another store', async () => {
    const withOutput = SCHEMA.replace(
      'provider = "prisma-client-js"',
      'provider = "prisma-client-js"\n  output = "../src/generated/prisma"',
    );
    const result = await run({ 'prisma/schema.prisma': withOutput, 'src/generated/prisma/schema.prisma': withOutput });
    expect(
      result.tables
        .filter((t) => t.orm === 'prisma')
        .map((t) => t.id)
        .sort(),
    ).toEqual(['default:Order', 'default:Role', 'default:_RoleToUser', 'default:users']);
  });

  it('a multi-file schema folder with one datasource is one store', async () => {
    const result = await run({
      'prisma/schema.prisma': '',
      'prisma/schema/main.prisma': SCHEMA.split('model User')[0],
      'prisma/schema/user.prisma': `model User {\n  id Int @id\n  posts Post[]\n}\n`,
      'prisma/schema/post.prisma': `model Post {\n  id Int @id\n  authorId Int\n  author User @relation(fields: [authorId], references: [id])\n}\n`,
    });
    expect(result.tables.map((t) => t.id).sort()).toEqual(['default:Post', 'default:User']);
    expect(result.relations.map((r) => `${r.from}->${r.to}`)).toEqual(['default:Post->default:User']);
  });
});

const ignores: { name: string; files: Record<string, string> }[] = [
  {
    name: 'a handle merely named like a client, on something that is no model',
    files: {
      'src/a.ts': `import { db } from './kv';\nexport const f = () => db.cache.delete('k');`,
      'src/kv.ts': `export const db: any = {};`,
    },
  },
  {
    name: 'Map, array and cache look-alikes',
    files: {
      'src/a.ts': `const users = new Map<number, string>();\nconst cache = { user: { findMany: () => [] } };\nexport function f(list: { id: number }[]) { users.delete(1); cache.user.findMany(); return list.find((x) => x.id === 1); }`,
    },
  },
  {
    name: 'a custom repository with Prisma-like method names',
    files: {
      'src/repo.ts': `export class UserRepo { findMany() { return []; } create() { return 1; } }`,
      'src/svc.ts': `import { UserRepo } from './repo';\nexport class Svc { constructor(private readonly user: UserRepo) {}\n  f() { return this.user.findMany(); }\n  g(r: { user: UserRepo }) { return r.user.create(); } }`,
    },
  },
];

describe('prisma ignores', () => {
  for (const c of ignores) {
    it(c.name, async () => {
      const result = await run(c.files);
      expect(accessesOf(result)).toEqual([]);
      expect(result.unresolvedAccesses.filter((u) => u.orm === 'prisma')).toEqual([]);
    });
  }
});

const unresolved: { name: string; files: Record<string, string>; reason: string }[] = [
  {
    name: 'a dynamic model accessor',
    files: { 'src/a.ts': `import { prisma } from './db';\nexport const f = (m: string) => (prisma as any)[m].findMany();` },
    reason: 'dynamic-model',
  },
  {
    name: 'a model missing from the schema',
    files: { 'src/a.ts': `import { prisma } from './db';\nexport const f = () => prisma.invoice.findMany();` },
    reason: 'unknown-model',
  },
  {
    name: 'raw SQL whose table is an unfollowable interpolation',
    files: {
      'src/a.ts': `import { prisma } from './db';\nexport const f = (t: string) => prisma.$queryRawUnsafe(\`SELECT * FROM \${t}\`);`,
    },
    reason: 'dynamic-table-name',
  },
  {
    name: 'TypedSQL, whose statement is in a .sql file',
    files: {
      'src/a.ts': `import { prisma } from './db';\nimport { getUsers } from '@prisma/client/sql';\nexport const f = () => prisma.$queryRawTyped(getUsers());`,
    },
    reason: 'typed-sql',
  },
  {
    name: 'raw SQL held in a parameter',
    files: { 'src/a.ts': `import { prisma } from './db';\nexport const f = (q: string) => prisma.$executeRawUnsafe(q);` },
    reason: 'dynamic-sql',
  },
];

describe('prisma unresolved', () => {
  for (const c of unresolved) {
    it(c.name, async () => {
      const result = await run(c.files);
      expect(result.unresolvedAccesses.filter((u) => u.orm === 'prisma').map((u) => u.reason)).toEqual([c.reason]);
    });
  }
});

describe('prisma bad input', () => {
  it('a malformed schema is a problem with file and line; the other models and files still work', async () => {
    const broken = `model Broken {\n  id Int @id\n  name String @default(\n}\n`;
    const result = await run({
      'prisma/extra.prisma': broken,
      'src/a.ts': `import { prisma } from './db';\nexport const f = () => prisma.role.findMany();`,
    });
    const problem = result.problems.find((p) => p.source === 'prisma-schema');
    expect(problem).toMatchObject({ path: 'prisma/extra.prisma' });
    expect(problem?.line).toBeGreaterThanOrEqual(1);
    expect(result.tables.map((t) => t.id)).toContain('default:users');
    expect(accessesOf(result)).toEqual(['default:Role read']);
  });

  it('malformed raw SQL is a problem with its location and an unresolved access', async () => {
    const result = await run({
      'src/a.ts': `import { prisma } from './db';\nexport const f = () =>\n  prisma.$queryRawUnsafe('SELEC * FRM users');`,
    });
    expect(result.unresolvedAccesses.filter((u) => u.orm === 'prisma').map((u) => `${u.unit}:${u.line} ${u.reason}`)).toEqual([
      'src/a.ts:3 unparsable-sql',
    ]);
    expect(result.problems.filter((p) => p.source === 'sql').map((p) => `${p.path}:${p.line}`)).toEqual(['src/a.ts:3']);
  });
});
