/** Hand-built analysis results for decomposition unit tests: no parsing, every number known. */
import type { Access, AnalysisResult, Edge, EdgeKind, Relation, Table, Transaction, Unit } from '../../src/model/result.js';

export type HandResult = Pick<AnalysisResult, 'units' | 'edges' | 'tables' | 'accesses' | 'transactions' | 'relations'>;

export const unit = (id: string, lines = 10, extra: Partial<Unit> = {}): Unit => ({
  id,
  folder: id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : '.',
  lines,
  tags: [],
  entryPoints: [],
  ...extra,
});

export const edge = (from: string, to: string, symbols: string[] = [], kind: EdgeKind = 'import', weight = 3): Edge => ({
  from,
  to,
  kind,
  weight,
  symbols,
});

export const table = (name: string): Table => ({ id: `db:${name}`, store: 'db', name, orm: 'prisma' });

export const access = (unitId: string, tableName: string, mode: 'read' | 'write', propagated = false): Access => ({
  unit: unitId,
  symbol: '<module>',
  table: `db:${tableName}`,
  mode,
  count: 1,
  lines: [1],
  orm: 'prisma',
  via: `prisma.${tableName}.op`,
  propagated,
});

export const relation = (from: string, to: string): Relation => ({
  from: `db:${from}`,
  to: `db:${to}`,
  kind: 'many-to-one',
  orm: 'prisma',
});

export const transaction = (unitId: string, tables: [string, 'read' | 'write'][]): Transaction => ({
  id: `${unitId}:1`,
  unit: unitId,
  symbol: 'run',
  line: 1,
  orm: 'prisma',
  kind: 'prisma.$transaction',
  tables: tables.map(([t, mode]) => ({ table: `db:${t}`, mode, propagated: false })),
});

export function handResult(parts: Partial<HandResult>): HandResult {
  return { units: [], edges: [], tables: [], accesses: [], transactions: [], relations: [], ...parts };
}

/**
 * Two domains of five files each (orders/, billing/), each a chain of imports
 * with its own table, joined by one import; plus a logger everyone imports.
 */
export function twoDomains(): HandResult {
  const domain = (name: string): { units: Unit[]; edges: Edge[] } => {
    const ids = ['controller', 'service', 'repository', 'dto', 'mapper'].map((r) => `src/${name}/${name}.${r}.ts`);
    const [c, s, r, d, m] = ids;
    return {
      units: ids.map((id) => unit(id)),
      edges: [
        edge(c, s, ['Service']),
        edge(s, r, ['Repo']),
        edge(c, d, ['Dto'], 'type-only'),
        edge(s, m, ['map']),
        edge(m, d, ['Dto'], 'type-only'),
        edge(r, d, ['Dto'], 'type-only'),
      ],
    };
  };
  const orders = domain('orders');
  const billing = domain('billing');
  const logger = unit('src/shared/logger.ts');
  const everyone = [...orders.units, ...billing.units].map((u) => edge(u.id, logger.id, ['log']));
  return handResult({
    units: [...orders.units, ...billing.units, logger].sort((a, b) => (a.id < b.id ? -1 : 1)),
    edges: [
      ...orders.edges,
      ...billing.edges,
      ...everyone,
      edge('src/orders/orders.service.ts', 'src/billing/billing.service.ts', ['charge']),
    ],
    tables: [table('orders'), table('invoices')],
    accesses: [
      access('src/orders/orders.repository.ts', 'orders', 'write'),
      access('src/orders/orders.repository.ts', 'orders', 'read'),
      access('src/billing/billing.repository.ts', 'invoices', 'write'),
      access('src/billing/billing.repository.ts', 'orders', 'read'),
    ],
  });
}
