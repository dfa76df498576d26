/**
 * Constraints from config. Pins: every unit or table matching a pin's globs
 * is contracted into one cluster node `pin:<name>` before clustering, so it
 * cannot be separated; a community that ends up with two pins is split
 * between them. Apart: a community holding both sides of an `apart` pair is
 * split the same way. Splitting grows each side from its seeds along the
 * strongest connections.
 */
import { compareStrings } from '../util/sort.js';
import type { ClusterGraph, Partition } from './cluster-graph.js';
import { communities, normalizeLabels } from './cluster-graph.js';

export const PIN_PREFIX = 'pin:';
export const isPinNode = (node: string): boolean => node.startsWith(PIN_PREFIX);

export interface ApartPair {
  a: Set<string>;
  b: Set<string>;
}

export function applyConstraints(cg: ClusterGraph, partition: Partition, apart: readonly ApartPair[]): Partition {
  let current = new Map(partition);
  let next = Math.max(-1, ...current.values()) + 1;
  const split = (nodes: string[], seeds: string[][]): void => {
    const groups = splitBySeeds(cg, nodes, seeds);
    groups.forEach((group, i) => {
      if (i === 0) return;
      for (const n of group) current.set(n, next);
      next++;
    });
  };
  for (const nodes of communities(current).values()) {
    const pins = nodes.filter(isPinNode);
    if (pins.length > 1)
      split(
        nodes,
        pins.map((p) => [p]),
      );
  }
  for (const pair of apart) {
    for (const nodes of communities(current).values()) {
      const a = nodes.filter((n) => pair.a.has(n) && !pair.b.has(n));
      const b = nodes.filter((n) => pair.b.has(n) && !pair.a.has(n));
      if (a.length > 0 && b.length > 0) split(nodes, [a, b]);
    }
  }
  current = normalizeLabels(current);
  return current;
}

/**
 * Split `nodes` into one group per seed list: repeatedly give each unplaced
 * node to the group it is most strongly connected to; nodes connected to no
 * group join the first.
 */
export function splitBySeeds(cg: ClusterGraph, nodes: readonly string[], seeds: readonly string[][]): string[][] {
  const inside = new Set(nodes);
  const groupOf = new Map<string, number>();
  seeds.forEach((list, i) => list.forEach((n) => groupOf.set(n, i)));
  let pending = nodes.filter((n) => !groupOf.has(n)).sort(compareStrings);
  while (pending.length > 0) {
    const placed: [string, number][] = [];
    for (const node of pending) {
      const pull = new Map<number, number>();
      for (const [other, w] of cg.adjacency.get(node)!) {
        const g = inside.has(other) ? groupOf.get(other) : undefined;
        if (g !== undefined) pull.set(g, (pull.get(g) ?? 0) + w);
      }
      const best = [...pull].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0];
      if (best) placed.push([node, best[0]]);
    }
    if (placed.length === 0) {
      for (const n of pending) groupOf.set(n, 0);
      break;
    }
    // Place after the sweep, so the result does not depend on sweep order.
    for (const [n, g] of placed) groupOf.set(n, g);
    pending = pending.filter((n) => !groupOf.has(n));
  }
  const groups: string[][] = seeds.map(() => []);
  for (const n of nodes) groups[groupOf.get(n)!].push(n);
  return groups.map((g) => g.sort(compareStrings));
}
