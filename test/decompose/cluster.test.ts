/** Clustering on hand-built results: shared kernel, determinism, pins, apart, repair, sizes, names. */
import { describe, expect, test } from 'vitest';
import { clusterServices, type ClusterOptions } from '../../src/cluster/index.js';
import { globMatcher } from '../../src/util/glob.js';
import { mergeSmall } from '../../src/cluster/merge-small.js';
import { nameServices } from '../../src/cluster/naming.js';
import { splitDisconnected } from '../../src/cluster/repair.js';
import { mulberry32 } from '../../src/cluster/seeded-rng.js';
import type { ClusterGraph } from '../../src/cluster/cluster-graph.js';
import { decompose } from '../../src/score/index.js';
import { handResult, twoDomains, unit } from './hand-result.js';

const options = (extra: Partial<ClusterOptions> = {}): ClusterOptions => ({
  granularity: 'file',
  seed: 42,
  minServiceSize: 3,
  shared: [],
  pins: {},
  apart: [],
  ...extra,
});

/** A cluster graph from an edge list; every node one unit. */
function smallGraph(links: [string, string, number][], extraNodes: string[] = []): ClusterGraph {
  const nodes = [...new Set([...links.flatMap(([a, b]) => [a, b]), ...extraNodes])].sort();
  const adjacency = new Map(nodes.map((n) => [n, new Map<string, number>()]));
  let totalWeight = 0;
  for (const [a, b, w] of links) {
    adjacency.get(a)!.set(b, w);
    adjacency.get(b)!.set(a, w);
    totalWeight += w;
  }
  return {
    nodes,
    adjacency,
    size: new Map(nodes.map((n) => [n, 1])),
    members: new Map(nodes.map((n) => [n, [`unit:${n}`]])),
    folder: new Map(nodes.map((n) => [n, '.'])),
    totalWeight,
  };
}

describe('clusterServices', () => {
  test('finds the two domains, owns each table where it is written, sets the logger aside', () => {
    const out = clusterServices(twoDomains(), options());
    expect(out.services.map((s) => [s.name, s.units.map((u) => u.split('/')[1]), s.tables])).toEqual([
      ['billing', ['billing', 'billing', 'billing', 'billing', 'billing'], ['db:invoices']],
      ['orders', ['orders', 'orders', 'orders', 'orders', 'orders'], ['db:orders']],
    ]);
    expect(out.shared).toEqual([{ unit: 'src/shared/logger.ts', reasons: ['generic role "logger" (imported by 10 files)'] }]);
    expect(out.clustering.alternatives.map((a) => a.resolution)).toEqual([0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4, 6]);
  });

  test('same input and seed → identical decomposition', () => {
    const a = decompose(twoDomains() as never, { ...options(), weights: {} });
    const b = decompose(twoDomains() as never, { ...options(), weights: {} });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  test('pins are honoured exactly and name their service', () => {
    const out = clusterServices(
      twoDomains(),
      options({ pins: { money: ['src/orders/orders.service.ts', 'src/billing/**', 'db:orders'] } }),
    );
    const money = out.services.find((s) => s.name === 'money')!;
    expect(money.pinned).toBe(true);
    expect(money.units).toEqual(expect.arrayContaining(['src/orders/orders.service.ts', 'src/billing/billing.service.ts']));
    expect(money.tables).toContain('db:orders');
    for (const s of out.services.filter((x) => x.name !== 'money')) {
      expect(s.units).not.toContain('src/orders/orders.service.ts');
      expect(s.tables).not.toContain('db:orders');
    }
  });

  test('a full pinning reproduces the pinned services', () => {
    const pins = {
      left: ['src/orders/**', 'src/billing/billing.dto.ts', 'db:invoices'],
      right: ['src/billing/**', 'src/shared/**', 'db:orders'],
    };
    const out = clusterServices(twoDomains(), options({ pins }));
    const byName = Object.fromEntries(out.services.map((s) => [s.name, s]));
    expect(Object.keys(byName)).toEqual(['left', 'right']);
    expect(byName.left.units).toContain('src/billing/billing.dto.ts');
    expect(byName.left.tables).toEqual(['db:invoices']);
    expect(byName.right.units).toContain('src/shared/logger.ts');
    expect(byName.right.units).not.toContain('src/billing/billing.dto.ts');
    expect(out.shared).toEqual([]);
  });

  test('apart splits a community holding both sides', () => {
    const out = clusterServices(
      twoDomains(),
      options({ minServiceSize: 1, apart: [['src/orders/orders.controller.ts', 'src/orders/orders.repository.ts']] }),
    );
    const holder = (id: string) => out.services.find((s) => s.units.includes(id))?.name;
    expect(holder('src/orders/orders.controller.ts')).toBeDefined();
    expect(holder('src/orders/orders.controller.ts')).not.toBe(holder('src/orders/orders.repository.ts'));
  });

  test('--services N merges down to N', () => {
    const out = clusterServices(twoDomains(), options({ services: 1 }));
    expect(out.services).toHaveLength(1);
    expect(out.clustering.requestedServices).toBe(1);
  });

  test('config.shared patterns set files aside with the pattern as reason', () => {
    const out = clusterServices(twoDomains(), options({ shared: ['src/billing/billing.dto.ts'] }));
    expect(out.shared.find((s) => s.unit === 'src/billing/billing.dto.ts')?.reasons).toEqual([
      'matches shared pattern "src/billing/billing.dto.ts"',
    ]);
  });

  test('folder granularity keeps each folder whole', () => {
    const input = twoDomains();
    const moved = { ...input, units: input.units.map((u) => (u.id.endsWith('orders.dto.ts') ? { ...u, folder: 'src/billing' } : u)) };
    const out = clusterServices(moved, options({ granularity: 'folder', minServiceSize: 1 }));
    const holder = out.services.find((s) => s.units.includes('src/orders/orders.dto.ts'))!;
    expect(holder.units).toContain('src/billing/billing.service.ts');
  });
});

describe('repair and minimum size', () => {
  test('a disconnected community is split into its connected parts', () => {
    const cg = smallGraph([
      ['a', 'b', 1],
      ['c', 'd', 1],
    ]);
    const repaired = splitDisconnected(
      cg,
      new Map([
        ['a', 0],
        ['b', 0],
        ['c', 0],
        ['d', 0],
      ]),
    );
    expect(repaired.get('a')).toBe(repaired.get('b'));
    expect(repaired.get('a')).not.toBe(repaired.get('c'));
  });

  test('a fragment below the minimum size joins its strongest neighbour', () => {
    // {a,b,c} and {d,e,f}; x hangs on c (weight 1) and on d (weight 3).
    const cg = smallGraph([
      ['a', 'b', 1],
      ['b', 'c', 1],
      ['d', 'e', 1],
      ['e', 'f', 1],
      ['x', 'c', 1],
      ['x', 'd', 3],
    ]);
    const p = new Map([
      ['a', 0],
      ['b', 0],
      ['c', 0],
      ['d', 1],
      ['e', 1],
      ['f', 1],
      ['x', 2],
    ]);
    const merged = mergeSmall(cg, p, { minSize: 2, isPinned: () => false, conflicts: () => false });
    expect(merged.get('x')).toBe(merged.get('d'));
    expect(new Set(merged.values()).size).toBe(2);
  });

  test('an isolated fragment joins the largest community when nothing connects it', () => {
    const cg = smallGraph(
      [
        ['a', 'b', 1],
        ['b', 'c', 1],
        ['d', 'e', 1],
      ],
      ['z'],
    );
    const p = new Map([
      ['a', 0],
      ['b', 0],
      ['c', 0],
      ['d', 1],
      ['e', 1],
      ['z', 2],
    ]);
    const merged = mergeSmall(cg, p, { minSize: 2, isPinned: () => false, conflicts: () => false });
    expect(merged.get('z')).toBe(merged.get('a'));
  });
});

describe('names, globs, rng', () => {
  test('names come from dominant folders and tables, unique', () => {
    const names = nameServices([
      { units: ['src/orders/a.ts', 'src/orders/b.ts'], tables: ['db:orders'], tableName: (t) => t.slice(3) },
      { units: ['src/controllers/orders.controller.ts', 'src/services/orders.service.ts'], tables: [], tableName: (t) => t },
      { units: ['src/x/index.ts'], tables: [], tableName: (t) => t, pin: 'edge' },
    ]);
    expect(names[0]).toBe('orders');
    expect(names[1]).not.toBe('orders');
    expect(names[2]).toBe('edge');
  });

  test('globs', () => {
    expect(globMatcher('src/**/*.dto.ts')('src/a/b/x.dto.ts')).toBe(true);
    expect(globMatcher('src/**/*.dto.ts')('src/x.dto.ts')).toBe(true);
    expect(globMatcher('src/*.ts')('src/a/x.ts')).toBe(false);
    expect(globMatcher('src/shared')('src/shared/logger.ts')).toBe(true);
    expect(globMatcher('db:orders')('db:orders')).toBe(true);
  });

  test('mulberry32 is seeded', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

test('a unit with no edges still lands in a service', () => {
  const input = twoDomains();
  const lonely = { ...input, units: [...input.units, unit('src/orders/orders.constants-extra.ts')] };
  const out = clusterServices(lonely, options());
  expect(out.services.some((s) => s.units.includes('src/orders/orders.constants-extra.ts'))).toBe(true);
});

test('empty and edgeless projects decompose without failing', () => {
  const config = { ...options(), weights: {} };
  const empty = decompose(handResult({}) as never, config);
  expect(empty.services).toEqual([]);
  expect(empty.verdict.kind).toBe('dont-split');
  const loose = decompose(handResult({ units: ['a.ts', 'b.ts', 'c.ts', 'd.ts'].map((id) => unit(id)) }) as never, config);
  expect(loose.services.flatMap((s) => s.units).sort()).toEqual(['a.ts', 'b.ts', 'c.ts', 'd.ts']);
  expect(loose.verdict.kind).toBe('dont-split');
});
