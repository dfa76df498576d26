import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../src/model/result.js';
import { formatAccessSummary } from '../../../src/report/access-summary.js';

function result(over: Partial<AnalysisResult>): AnalysisResult {
  return {
    tables: [],
    relations: [],
    accesses: [],
    unresolvedAccesses: [],
    transactions: [],
    adapters: [],
    problems: [],
    ...over,
  } as AnalysisResult;
}

const access = (unit: string, table: string, propagated: boolean, count = 1) => ({
  unit,
  symbol: 'f',
  table,
  mode: 'read' as const,
  count,
  lines: [1],
  orm: 'prisma',
  via: 'x',
  propagated,
});

describe('formatAccessSummary', () => {
  it('says when no adapter ran', () => {
    expect(formatAccessSummary(result({}))).toEqual(['Data access: no ORM or SQL client in use (no adapter enabled)']);
  });

  it('lists tables by store and ORM, access, transactions, unresolved reasons and adapters', () => {
    const lines = formatAccessSummary(
      result({
        tables: [
          { id: 'billing:Invoice', store: 'billing', name: 'Invoice', orm: 'prisma' },
          { id: 'default:orders', store: 'default', name: 'orders', orm: 'prisma' },
          { id: 'default:users', store: 'default', name: 'users', orm: 'prisma' },
          { id: 'default:audit', store: 'default', name: 'audit', orm: 'raw-sql' },
        ],
        accesses: [access('a.ts', 'default:orders', false, 3), access('b.ts', 'default:orders', true)],
        unresolvedAccesses: [
          { unit: 'a.ts', symbol: 'f', line: 4, orm: 'raw-sql', reason: 'dynamic-sql' },
          { unit: 'a.ts', symbol: 'f', line: 9, orm: 'raw-sql', reason: 'dynamic-table-name', detail: 'SELECT * FROM ${t}' },
          { unit: 'b.ts', symbol: 'g', line: 2, orm: 'raw-sql', reason: 'dynamic-table-name' },
        ],
        transactions: [
          {
            id: 'a.ts:3',
            unit: 'a.ts',
            symbol: 'f',
            line: 3,
            orm: 'prisma',
            kind: 'prisma.$transaction',
            tables: [
              { table: 'default:orders', mode: 'write', propagated: false },
              { table: 'default:users', mode: 'read', propagated: true },
            ],
          },
        ],
        problems: [{ path: 'a.ts', line: 4, source: 'sql', message: 'not recognisable as SQL' }],
        adapters: [
          {
            name: 'prisma',
            enabledBy: ['import @prisma/client (2 files)', 'schema prisma/schema.prisma'],
            tables: 3,
            accesses: 3,
            unresolved: 0,
          },
          { name: 'raw-sql', enabledBy: ['import pg (1 file)'], tables: 1, accesses: 0, unresolved: 3 },
        ],
      }),
    );
    expect(lines).toEqual([
      'Data access: 4 tables in 2 stores, 0 relations',
      '  billing: 1 (prisma 1)',
      '  default: 3 (prisma 2, raw-sql 1)',
      '  access: 3 sites → 1 direct edges, 1 propagated edges',
      '  transactions: 1 (1 touching several tables)',
      '  unresolved data-access sites: 3 (50% of data-access sites) — dynamic-table-name 2, dynamic-sql 1',
      '    e.g. a.ts:4 dynamic-sql',
      '    e.g. a.ts:9 dynamic-table-name (SELECT * FROM ${t})',
      '  problems: 1 (sql 1)',
      '  adapters:',
      '    prisma: 3 tables, 3 sites, 0 unresolved sites — import @prisma/client (2 files); schema prisma/schema.prisma',
      '    raw-sql: 1 tables, 0 sites, 3 unresolved sites — import pg (1 file)',
    ]);
  });
});
