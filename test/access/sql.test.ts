import { describe, expect, it } from 'vitest';
import { parseSql } from '../../src/access/sql/parse-sql.js';

type Row = [sql: string, tables: string[], statement: string, dynamic?: boolean];

// tables as `name:mode`, sorted
const cases: Row[] = [
  ['SELECT o.id FROM public.orders o JOIN users u ON u.id = o.user_id WHERE o.id = $1', ['orders:read', 'users:read'], 'select'],
  ['select * from `users` where id = ?', ['users:read'], 'select'],
  ['INSERT INTO "Users" ("name") VALUES ($1) RETURNING *', ['Users:write'], 'insert'],
  ['INSERT INTO b (id) SELECT id FROM c', ['b:write', 'c:read'], 'insert'],
  ['UPDATE audit.events SET a = 1 WHERE id IN (SELECT id FROM c)', ['audit.events:write', 'c:read'], 'update'],
  ['DELETE FROM d WHERE id = $1', ['d:write'], 'delete'],
  ['DELETE FROM d USING e WHERE d.id = e.id', ['d:write', 'e:read'], 'delete'],
  [
    'WITH recent AS (SELECT * FROM orders) SELECT * FROM recent JOIN users ON users.id = recent.user_id',
    ['orders:read', 'users:read'],
    'select',
  ],
  [
    'WITH moved AS (DELETE FROM cart_items RETURNING *) INSERT INTO order_items SELECT * FROM moved',
    ['cart_items:write', 'order_items:write'],
    'insert',
  ],
  ['TRUNCATE orders, payments', ['orders:write', 'payments:write'], 'truncate'],
  ['INSERT INTO t (a) VALUES ($1) ON CONFLICT (a) DO UPDATE SET a = EXCLUDED.a', ['t:write'], 'insert'],
  ['SELECT * FROM users WHERE id = $1 FOR UPDATE', ['users:read'], 'select'],
  ['SELECT extract(epoch from created_at) AS ts FROM orders', ['orders:read'], 'select'],
  [
    'MERGE INTO stock s USING incoming i ON s.sku = i.sku WHEN MATCHED THEN UPDATE SET qty = i.qty',
    ['incoming:read', 'stock:write'],
    'merge',
  ],
  ['SELECT * FROM ${table} WHERE id = $1', [], 'select', true],
  ['SELECT * FROM orders WHERE id = ${id} AND status = ${status}', ['orders:read'], 'select'],
  ['UPDATE ${this.tableName} SET deleted_at = now() WHERE id = $1', [], 'update', true],
  ['SELECT a.id FROM accounts a, ledger l WHERE a.id = l.account_id', ['accounts:read', 'ledger:read'], 'select'],
  ['SELECT * FROM generate_series(1, 10) g JOIN slots ON slots.n = g', ['slots:read'], 'select'],
  ['select count(*)::int as n from orders where status = any($1::text[])', ['orders:read'], 'select'],
  ['SELECT * FROM users WHERE email = :email', ['users:read'], 'select'],
  ['BEGIN', [], 'begin'],
  ['COMMIT', [], 'commit'],
  ['ROLLBACK', [], 'rollback'],
  ['SELECT 1', [], 'select'],
  // vendor syntax no grammar takes: the scan still finds the tables
  [
    "INSERT INTO events (payload) VALUES ($1::jsonb) ON CONFLICT ON CONSTRAINT events_pk DO NOTHING RETURNING id, payload #>> '{a}'",
    ['events:write'],
    'insert',
  ],
  // DDL: every table named is changed; the grammar parses ALTER without listing its table
  ['ALTER TABLE "posts" DROP CONSTRAINT "FK_55d9"', ['posts:write'], 'alter'],
  ['DROP TABLE IF EXISTS "quiz"', ['quiz:write'], 'drop'],
  [
    'CREATE TABLE IF NOT EXISTS processed_messages (id VARCHAR(255) PRIMARY KEY, at TIMESTAMP DEFAULT NOW())',
    ['processed_messages:write'],
    'create',
  ],
  ['-- comment FROM nowhere\nSELECT /* FROM hidden */ name FROM products', ['products:read'], 'select'],
];

describe('parseSql', () => {
  it.each(cases)('%s', (sql, tables, statement, dynamic) => {
    const parsed = parseSql(sql);
    expect(parsed.tables.map((t) => `${t.name}:${t.mode}`)).toEqual(tables);
    expect(parsed.statement).toBe(statement);
    expect(parsed.dynamic ?? false).toBe(dynamic ?? false);
    expect(parsed.error).toBeUndefined();
  });

  it('calls SQL assembled from unfollowed fragments dynamic, not malformed', () => {
    expect(parseSql('${SESSION_SELECT} WHERE id = $1 LIMIT 1')).toEqual({ tables: [], statement: 'unknown', dynamic: true });
  });

  it('reports text that is not SQL', () => {
    expect(parseSql('hello there').error).toBeDefined();
    expect(parseSql('   ').error).toBeDefined();
  });

  it('memoises by text', () => {
    expect(parseSql('SELECT * FROM memo_a')).toBe(parseSql('SELECT * FROM memo_a'));
  });
});

describe('parseSql with an interpolated schema', () => {
  it('keeps the table name', () => {
    const parsed = parseSql('delete from ${escapedSchema}._private_jobs as jobs using unnest($1::bigint[]) n(n) where id = n');
    expect(parsed.tables.map((t) => `${t.name}:${t.mode}`)).toEqual(['_private_jobs:write']);
    expect(parsed.dynamic).toBeUndefined();
  });
  it('is dynamic when the table part is interpolated', () => {
    expect(parseSql('select * from audit.${table}').dynamic).toBe(true);
  });
});

describe('parseSql with interpolations in value positions', () => {
  it('reads the SQL after each interpolation', () => {
    const parsed = parseSql(
      'UPDATE orders SET status = ${status} WHERE id = ${ids.map((i) => `${i}`).join()} RETURNING (SELECT 1 FROM audit_log)',
    );
    expect(parsed.tables.map((t) => `${t.name}:${t.mode}`)).toEqual(['audit_log:read', 'orders:write']);
  });
});

describe('readDdl', () => {
  it('reads tables, columns and foreign keys, with psql schema variables', async () => {
    const { readDdl } = await import('../../src/access/sql/ddl.js');
    const ddl = readDdl(`create table :SCHEMA.jobs (id bigserial primary key, queue_name text references :SCHEMA.job_queues (queue_name));
create table if not exists "Orders" (id int, customer_id int, CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers(id));
alter table orders add column coupon_id int references coupons (id);
alter table :SCHEMA.jobs rename to _private_jobs;
drop table if exists legacy;`);
    const show = (c: (typeof ddl.changes)[number]): string =>
      'create' in c
        ? `+${c.create.name}:${c.create.line}:${c.create.columns.join('|')}`
        : 'rename' in c
          ? `${c.rename.from}=>${c.rename.to}`
          : 'drop' in c
            ? `-${c.drop}`
            : `view ${c.view.name}`;
    expect(ddl.changes.map(show)).toEqual(['+jobs:1:id|queue_name', '+Orders:2:customer_id|id', 'jobs=>_private_jobs', '-legacy']);
    expect(ddl.references.map((r) => `${r.from}.${r.column} -> ${r.to}`)).toEqual([
      'jobs.queue_name -> job_queues',
      'Orders.customer_id -> customers',
      'orders.coupon_id -> coupons',
    ]);
  });
});
