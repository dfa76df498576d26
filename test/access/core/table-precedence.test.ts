import { describe, expect, it } from 'vitest';
import { adoptDeclaredTables } from '../../../src/access/undeclared-tables.js';
import type { Relation, Table } from '../../../src/model/result.js';
import { analyzeProject } from '../../helpers/project.js';

const PKG = JSON.stringify({ name: 'app', dependencies: { '@prisma/client': '^5.0.0', kysely: '^0.27.4', knex: '^3.1.0' } });
const SCHEMA = [
  'model User {',
  '  id    Int    @id',
  '  email String',
  '  @@map("users")',
  '}',
  '',
  'model Order {',
  '  id Int @id',
  '}',
].join('\n');

describe('declared tables win over tables first seen in use', () => {
  it('keeps the Prisma model of a table Kysely (run earlier) only typed and queried, and merges case variants into it', async () => {
    const result = await analyzeProject({
      'package.json': PKG,
      'prisma/schema.prisma': SCHEMA,
      // the DB type mirrors the Prisma schema (as prisma-kysely generates it): Prisma's declaration still wins
      'src/db.ts': `import { Kysely } from 'kysely';\nexport type DB = { users: { id: number }; order: { id: number } };\nexport const db = new Kysely<DB>({} as any);\n`,
      'src/users.ts': [
        "import { db } from './db';",
        'export async function list() {',
        "  await db.selectFrom('users').selectAll().execute();",
        "  await db.insertInto('order').values({ id: 1 }).execute();",
        '}',
      ].join('\n'),
    });
    const users = result.tables.find((t) => t.id === 'default:users');
    expect(users).toMatchObject({ orm: 'prisma', entity: 'User', declaredIn: 'prisma/schema.prisma:1', columns: ['email', 'id'] });
    expect(result.tables.map((t) => t.id)).toEqual(['default:Order', 'default:users']);
    expect(result.accesses.filter((a) => !a.propagated).map((a) => `${a.orm} ${a.table} ${a.mode}`)).toEqual([
      'kysely default:Order write',
      'kysely default:users read',
    ]);
  });

  it('moves sites and relations of a used-only table to the declared one, and leaves other tables alone', () => {
    const tables = new Map<string, Table>([
      ['default:user', { id: 'default:user', store: 'default', name: 'user', orm: 'knex', declaredIn: 'src/a.ts:3' }],
      ['default:logs', { id: 'default:logs', store: 'default', name: 'logs', orm: 'knex', declaredIn: 'src/a.ts:4' }],
      ['default:User', { id: 'default:User', store: 'default', name: 'User', orm: 'prisma', entity: 'User' }],
      ['billing:user', { id: 'billing:user', store: 'billing', name: 'user', orm: 'knex' }],
    ]);
    const sites = [{ table: 'default:user' }, { table: 'default:logs' }, { table: 'billing:user' }];
    const relations: Relation[] = [{ from: 'default:logs', to: 'default:user', kind: 'foreign-key', orm: 'knex' }];
    adoptDeclaredTables(tables, new Set(['default:user', 'default:logs', 'billing:user']), sites, relations);
    expect([...tables.keys()].sort()).toEqual(['billing:user', 'default:User', 'default:logs']);
    expect(sites.map((s) => s.table)).toEqual(['default:User', 'default:logs', 'billing:user']);
    expect(relations[0]).toMatchObject({ from: 'default:logs', to: 'default:User' });
  });
});
