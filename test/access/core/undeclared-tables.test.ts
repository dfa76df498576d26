import { describe, expect, it } from 'vitest';
import { addUndeclaredTables } from '../../../src/access/undeclared-tables.js';
import type { Table } from '../../../src/model/result.js';

describe('addUndeclaredTables', () => {
  it('adds tables that sites and relations use but no adapter declared, first use wins', () => {
    const tables = new Map<string, Table>([['default:orders', { id: 'default:orders', store: 'default', name: 'orders', orm: 'prisma' }]]);
    addUndeclaredTables(
      tables,
      [
        { table: 'default:orders', orm: 'typeorm', unit: 'src/a.ts', line: 1 },
        { table: 'billing:Invoice', orm: 'typeorm', unit: 'src/b.ts', line: 7 },
        { table: 'billing:Invoice', orm: 'raw-sql', unit: 'src/c.ts', line: 2 },
      ],
      [{ from: 'default:orders', to: 'default:audit.events', kind: 'foreign-key', orm: 'sql', declaredIn: 'db/1.sql:4' }],
      'default',
    );
    expect([...tables.values()].map((t) => `${t.id} ${t.store} ${t.name} ${t.orm} ${t.declaredIn}`)).toEqual([
      'default:orders default orders prisma undefined',
      'billing:Invoice billing Invoice typeorm src/b.ts:7',
      'default:audit.events default audit.events sql db/1.sql:4',
    ]);
  });
});
