/** Integration advice, contracts, migration order and the verdict, on hand-built results. */
import { describe, expect, test } from 'vitest';
import type { Assignment, DecompositionMetrics } from '../../src/model/decomposition.js';
import { planDecomposition, scoreDecomposition } from '../../src/score/score-decomposition.js';
import { decideVerdict } from '../../src/score/verdict.js';
import { access, edge, handResult, table, transaction, unit } from './hand-result.js';

// orders (o1, o2) calls billing (b1) code, writes billing's invoices inside a transaction with its own orders
// table, and reads billing's prices directly. billing uses nothing of orders.
const input = handResult({
  units: ['o1', 'o2', 'b1', 'b2'].map((id) => unit(id)),
  edges: [edge('o1', 'o2', ['x']), edge('o1', 'b1', ['charge']), edge('o2', 'b2', ['Invoice'], 'type-only'), edge('b1', 'b2', ['y'])],
  tables: [table('orders'), table('invoices'), table('prices')],
  accesses: [
    access('o2', 'orders', 'write'),
    access('o2', 'invoices', 'write'),
    access('o1', 'prices', 'read'),
    access('b2', 'invoices', 'write'),
    access('b2', 'prices', 'write'),
  ],
  transactions: [
    transaction('o2', [
      ['orders', 'write'],
      ['invoices', 'write'],
    ]),
  ],
});
const assignment: Assignment = {
  services: [
    { name: 'billing', units: ['b1', 'b2'], tables: ['db:invoices', 'db:prices'] },
    { name: 'orders', units: ['o1', 'o2'], tables: ['db:orders'] },
  ],
  shared: [],
};

describe('plan', () => {
  const metrics = scoreDecomposition(input, assignment);
  const plan = planDecomposition(input, assignment, metrics);

  test('one advice per dependency, the strongest kind that crosses, with its evidence and what it gives up', () => {
    expect(plan.integration.map((a) => [a.from, a.to, a.kind, a.why, a.tables, a.symbols, a.evidence])).toEqual([
      [
        'orders',
        'billing',
        'command-saga',
        'writes db:invoices owned by billing; transaction o2:1 spans orders and billing',
        ['db:invoices', 'db:prices'],
        ['b1#charge', 'b2#Invoice'],
        ['o1 → b1', 'o1:1', 'o2 → b2', 'o2:1'],
      ],
    ]);
    expect(plan.integration[0].givesUp).toMatch(/^atomicity/);
  });

  test('without the write, a direct read asks for an API call or a replicated read model', () => {
    const reads = { ...input, accesses: input.accesses.filter((a) => !(a.unit === 'o2' && a.table === 'db:invoices')), transactions: [] };
    const p = planDecomposition(reads, assignment, scoreDecomposition(reads, assignment));
    expect(p.integration.map((a) => [a.from, a.to, a.kind])).toEqual([['orders', 'billing', 'read-model']]);
    expect(p.integration[0].givesUp).toMatch(/stale/);
  });

  test('calls: a sync API when the call reads the callee’s data, an event when it only writes, a contract for types only', () => {
    const calls = handResult({
      units: ['o1', 'b1', 'b2', 'b3'].map((id) => unit(id)),
      edges: [edge('o1', 'b1', ['quote']), edge('b1', 'o1', ['Order'], 'type-only')],
      tables: [table('prices'), table('orders')],
      accesses: [
        { ...access('b1', 'prices', 'read'), symbol: 'Billing.quote' },
        { ...access('o1', 'prices', 'read', true), symbol: 'Orders.place', via: 'Billing.quote' },
        { ...access('o1', 'orders', 'write'), symbol: 'Orders.place' },
      ],
    });
    const two: Assignment = {
      services: [
        { name: 'billing', units: ['b1', 'b2', 'b3'], tables: ['db:prices'] },
        { name: 'orders', units: ['o1'], tables: ['db:orders'] },
      ],
      shared: [],
    };
    const p = planDecomposition(calls, two, scoreDecomposition(calls, two));
    expect(p.integration.map((a) => [a.from, a.to, a.kind])).toEqual([
      ['billing', 'orders', 'shared-contract'],
      ['orders', 'billing', 'sync-api'],
    ]);
    expect(p.integration[1].advice).toMatch(/timeout, retries with jitter, a circuit breaker and a bulkhead/);
    const writesOnly = {
      ...calls,
      accesses: [
        { ...access('b1', 'prices', 'write'), symbol: 'Billing.quote' },
        { ...access('o1', 'prices', 'write', true), symbol: 'Orders.place', via: 'Billing.quote' },
      ],
    };
    const q = planDecomposition(writesOnly, two, scoreDecomposition(writesOnly, two));
    expect(q.integration.find((a) => a.from === 'orders')?.kind).toBe('event');
  });

  test('contracts list what other services use today', () => {
    expect(plan.contracts).toEqual([
      {
        service: 'billing',
        tests: [
          { subject: 'b1#charge', consumers: ['orders'] },
          { subject: 'b2#Invoice', consumers: ['orders'] },
        ],
      },
      { service: 'orders', tests: [] },
    ]);
  });

  test('hot spots first, then the least effort; each step with what must change and its effort', () => {
    // orders: 2 files + 4 crossings + 1·2 replicated + 5·1 saga = 13; billing: 2 + 4 + 2·2 handed over + 5·1 = 15.
    expect(plan.migration.map((s) => [s.order, s.kind, s.service, s.effort])).toEqual([
      [1, 'fix', '(monolith)', 5],
      [2, 'extract', 'orders', 13],
      [3, 'extract', 'billing', 15],
    ]);
    const [fix, orders, billing] = plan.migration;
    expect(fix.hotSpots).toEqual(['multi-writer table db:invoices: written by billing, orders — route every write through billing']);
    expect(orders.replaceImports).toEqual([{ from: 'orders', to: 'billing', symbols: ['b1#charge', 'b2#Invoice'] }]);
    expect(orders.replicateTables).toEqual(['db:invoices', 'db:prices']);
    expect(orders.sagas).toEqual(['transaction o2:1']);
    expect(orders.foreignKeys).toEqual([]);
    expect(billing.handOverTables).toEqual(['db:invoices', 'db:prices']);
    expect(billing.contracts).toEqual(['b1#charge', 'b2#Invoice']);
  });
});

describe('verdict', () => {
  const metrics = (
    over: Partial<DecompositionMetrics> = {},
    db: Partial<DecompositionMetrics['sharedDatabase']> = {},
  ): DecompositionMetrics => ({
    services: 4,
    sharedUnits: 0,
    modularity: 0.6,
    structuralModularity: 0.2,
    icp: 0.1,
    ifn: 2,
    ned: 0.2,
    sizeBalance: 0.9,
    sharedDatabaseCoupling: db.score ?? 0.05,
    perService: [],
    sharedDatabase: {
      tables: [],
      sharedTables: [],
      multiWriterTables: [],
      hotTables: [],
      ownershipEntropy: 0,
      crossServiceRelations: [],
      foreignKeys: 0,
      crossServiceForeignKeys: 0,
      sagaCandidates: [],
      score: 0.05,
      ...db,
    },
    ...over,
  });
  const alternatives = [{ resolution: 1, services: 4, modularity: 0.6 }];

  test('split: big enough, clear boundaries, a database that divides', () => {
    const v = decideVerdict({ files: 400, lines: 40_000, metrics: metrics(), alternatives });
    expect(v.kind).toBe('split');
    expect(v.reasons[0]).toContain('modularity 0.60');
  });

  test('modular monolith first when the services would be nanoservices', () => {
    const v = decideVerdict({ files: 400, lines: 4_000, metrics: metrics(), alternatives });
    expect(v.kind).toBe('modular-monolith');
    expect(v.reasons[0]).toBe('too fine-grained: 4 services average 1000 lines (below 1500) — group them into fewer, larger modules first');
    expect(decideVerdict({ files: 400, lines: 6_000, metrics: metrics(), alternatives }).kind).toBe('split');
  });

  test('modular monolith first when the services would call each other constantly', () => {
    const v = decideVerdict({ files: 400, lines: 40_000, metrics: metrics({ icp: 0.35 }), alternatives });
    expect(v.kind).toBe('modular-monolith');
    expect(v.reasons[0]).toBe('chatty boundaries: 35% of dependency weight crosses services (ICP 0.35, at or above 0.3)');
  });

  test('modular monolith first when much of the code is a shared kernel', () => {
    const v = decideVerdict({ files: 400, lines: 40_000, metrics: metrics({ sharedUnits: 160 }), alternatives });
    expect(v.kind).toBe('modular-monolith');
    expect(v.reasons[0]).toBe(
      'a large shared kernel: 160 of 400 files (40%) are used across services — split or version it before extracting services',
    );
    expect(decideVerdict({ files: 400, lines: 40_000, metrics: metrics({ sharedUnits: 100 }), alternatives }).kind).toBe('split');
  });

  test("don't split: too small, or no boundaries at any resolution", () => {
    expect(decideVerdict({ files: 12, lines: 400, metrics: metrics(), alternatives }).reasons).toEqual([
      'too small to pay for the operational cost of several deployables: 12 files, 400 lines',
    ]);
    const flat = decideVerdict({
      files: 400,
      lines: 40_000,
      metrics: metrics({ modularity: 0.2 }),
      alternatives: [{ resolution: 1, services: 4, modularity: 0.25 }],
    });
    expect(flat).toEqual({
      kind: 'dont-split',
      reasons: ['no clear boundaries: modularity at most 0.25 at every resolution scanned (below 0.3)'],
    });
    expect(decideVerdict({ files: 400, lines: 40_000, metrics: metrics({ services: 1 }), alternatives }).kind).toBe('dont-split');
  });

  test('modular monolith: one shared database core', () => {
    const v = decideVerdict({ files: 400, lines: 40_000, metrics: metrics({}, { score: 0.45 }), alternatives });
    expect(v.kind).toBe('modular-monolith');
    expect(v.reasons[0]).toBe(
      'the database is one shared core: 45% of data access crosses table ownership (shared-database coupling 0.45)',
    );
  });

  test('modular monolith: small, or weak boundaries', () => {
    expect(decideVerdict({ files: 60, lines: 3_000, metrics: metrics(), alternatives }).reasons[0]).toMatch(
      /^small for microservices: 60 files/,
    );
    expect(decideVerdict({ files: 400, lines: 40_000, metrics: metrics({ modularity: 0.35 }), alternatives }).reasons[0]).toBe(
      'weak boundaries: modularity 0.35 (below 0.45)',
    );
  });
});

test('a write reached through a third service is advised on the hop that makes it', () => {
  const chain = handResult({
    units: ['p1', 'b1', 'e1'].map((id) => unit(id)),
    edges: [edge('p1', 'b1', ['issue']), edge('b1', 'e1', ['markSold'])],
    tables: [table('seats')],
    accesses: [
      { ...access('e1', 'seats', 'write'), symbol: 'Events.markSold' },
      { ...access('b1', 'seats', 'write', true), symbol: 'Bookings.issue', via: 'Events.markSold' },
      { ...access('p1', 'seats', 'write', true), symbol: 'Payments.pay', via: 'Bookings.issue' },
    ],
  });
  const split: Assignment = {
    services: [
      { name: 'bookings', units: ['b1'], tables: [] },
      { name: 'events', units: ['e1'], tables: ['db:seats'] },
      { name: 'payments', units: ['p1'], tables: [] },
    ],
    shared: [],
  };
  const plan = planDecomposition(chain, split, scoreDecomposition(chain, split));
  expect(plan.integration.map((a) => `${a.from}->${a.to} ${a.kind}`)).toEqual(['bookings->events event', 'payments->bookings event']);
});
