import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../src/model/result.js';
import { analyzeProject } from '../../helpers/project.js';

const pkg = (deps: Record<string, string>) => JSON.stringify({ name: 'app', version: '1.0.0', dependencies: deps });
const tsconfig = JSON.stringify({ compilerOptions: { strict: true } });

const summary = (r: AnalysisResult): string[] =>
  r.transactions.map(
    (t) =>
      `${t.id} ${t.kind} [${t.tables.map((x) => `${x.table.replace('default:', '')}:${x.mode}${x.propagated ? '*' : ''}`).join(', ')}]`,
  );

describe('transaction assembly', () => {
  it('BEGIN … COMMIT holds the calls between, direct and through repository methods, not those after', async () => {
    const result = await analyzeProject({
      'package.json': pkg({ pg: '^8.0.0' }),
      'tsconfig.json': tsconfig,
      'src/stock.repository.ts': `import type { PoolClient } from 'pg';\nexport class StockRepository {\n  async take(c: PoolClient) { await c.query('UPDATE stock SET qty = qty - 1'); }\n}\n`,
      'src/orders.service.ts': [
        `import { Pool } from 'pg';`,
        `import { StockRepository } from './stock.repository';`,
        `const pool = new Pool();`,
        `export class OrdersService {`,
        `  constructor(private readonly stock: StockRepository) {}`,
        `  async place() {`,
        `    const client = await pool.connect();`,
        `    await client.query('BEGIN');`,
        `    await client.query('INSERT INTO orders (id) VALUES (1)');`,
        `    await this.stock.take(client);`,
        `    await client.query('COMMIT');`,
        `    await client.query('SELECT * FROM audit_log');`,
        `  }`,
        `}`,
        ``,
      ].join('\n'),
    });
    expect(summary(result)).toEqual(['src/orders.service.ts:8 pg.begin [orders:write, stock:write*]']);
  });

  it('a callback transaction holds the calls lexically inside it, nested callbacks too', async () => {
    const result = await analyzeProject({
      'package.json': pkg({ 'pg-promise': '^11.0.0' }),
      'tsconfig.json': tsconfig,
      'src/db.ts': `import pgPromise from 'pg-promise';\nexport const db = pgPromise()('postgres://');\n`,
      'src/ledger.ts': `import { db } from './db';\nexport async function credit() { await db.none('INSERT INTO ledger (a) VALUES (1)'); }\n`,
      'src/pay.ts': [
        `import { db } from './db';`,
        `import { credit } from './ledger';`,
        `export async function pay(ids: number[]) {`,
        `  await db.tx(async (t) => {`,
        `    await Promise.all(ids.map((id) => t.none('UPDATE invoices SET paid = true WHERE id = $1', [id])));`,
        `    await credit();`,
        `  });`,
        `  await db.one('SELECT * FROM receipts');`,
        `}`,
        ``,
      ].join('\n'),
    });
    expect(summary(result)).toEqual(['src/pay.ts:4 pg-promise.tx [invoices:write, ledger:write*]']);
  });

  it('a withTransaction(callback) helper makes each call a scope, with a client for the callback', async () => {
    const result = await analyzeProject({
      'package.json': pkg({ pg: '^8.0.0' }),
      'tsconfig.json': tsconfig,
      'src/db.ts': [
        `import { Pool, type PoolClient } from 'pg';`,
        `export const pool = new Pool();`,
        `export async function withTransaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {`,
        `  const client = await pool.connect();`,
        `  try {`,
        `    await client.query('BEGIN');`,
        `    const result = await fn(client);`,
        `    await client.query('COMMIT');`,
        `    return result;`,
        `  } catch (e) {`,
        `    await client.query('ROLLBACK');`,
        `    throw e;`,
        `  } finally {`,
        `    client.release();`,
        `  }`,
        `}`,
        ``,
      ].join('\n'),
      'src/transfer.ts': [
        `import { withTransaction } from './db';`,
        `export const transfer = () =>`,
        `  withTransaction(async (tx) => {`,
        `    await tx.query('UPDATE wallets SET balance = balance - 1');`,
        `    await tx.query('INSERT INTO transfers (a) VALUES (1)');`,
        `  });`,
        ``,
      ].join('\n'),
    });
    expect(summary(result)).toEqual(['src/transfer.ts:3 pg.begin (withTransaction) [transfers:write, wallets:write]']);
  });

  it('two transactions in one file are kept apart and sorted by line', async () => {
    const result = await analyzeProject({
      'package.json': pkg({ postgres: '^3.0.0' }),
      'tsconfig.json': tsconfig,
      'src/a.ts': [
        `import postgres from 'postgres';`,
        `const sql = postgres('postgres://');`,
        `export const a = () => sql.begin(async (tx) => { await tx\`DELETE FROM carts\`; });`,
        `export const b = () => sql.begin(async (tx) => { await tx\`SELECT * FROM prices\`; });`,
        ``,
      ].join('\n'),
    });
    expect(summary(result)).toEqual(['src/a.ts:3 postgres.begin [carts:write]', 'src/a.ts:4 postgres.begin [prices:read]']);
  });
});
