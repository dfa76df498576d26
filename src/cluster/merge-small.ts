/**
 * Merge communities below the minimum service size (and, for `--services N`,
 * the smallest ones until N remain) into the neighbour they are most strongly
 * connected to. Communities holding a pin never merge away; merges that would
 * join two pins or an `apart` pair are skipped. A community with no allowed
 * neighbour joins the one sharing most of its folders, else the largest.
 */
import { compareStrings } from '../util/sort.js';
import type { ClusterGraph, Partition } from './cluster-graph.js';
import { communities, normalizeLabels } from './cluster-graph.js';

export interface MergeRules {
  minSize: number;
  /** Merge on until at most this many communities with units remain. */
  target?: number;
  /** True when the community's nodes hold a pin (it keeps its identity). */
  isPinned: (nodes: readonly string[]) => boolean;
  /** True when a and b must not be merged. */
  conflicts: (a: readonly string[], b: readonly string[]) => boolean;
}

interface Community {
  label: number;
  nodes: string[];
  size: number;
  first: string;
}

export function mergeSmall(cg: ClusterGraph, partition: Partition, rules: MergeRules): Partition {
  const live = new Map<number, Community>();
  for (const [label, nodes] of communities(partition)) {
    const size = nodes.reduce((s, n) => s + (cg.size.get(n) ?? 0), 0);
    live.set(label, { label, nodes, size, first: nodes[0] });
  }
  const labelOf = new Map(partition);
  const withUnits = (): number => [...live.values()].filter((c) => c.size > 0).length;

  const stuck = new Set<number>();
  for (;;) {
    const overTarget = rules.target !== undefined && withUnits() > rules.target;
    const candidates = [...live.values()]
      .filter((c) => !stuck.has(c.label) && !rules.isPinned(c.nodes))
      .sort((a, b) => a.size - b.size || compareStrings(a.first, b.first));
    const small = overTarget ? candidates[0] : candidates.find((c) => c.size < rules.minSize);
    if (!small || live.size <= 1) break;
    const into = strongestNeighbour(cg, small, live, labelOf, rules) ?? fallback(cg, small, live, rules);
    if (!into) {
      stuck.add(small.label);
      continue;
    }
    for (const n of small.nodes) labelOf.set(n, into.label);
    into.nodes = [...into.nodes, ...small.nodes].sort(compareStrings);
    into.size += small.size;
    into.first = into.nodes[0];
    live.delete(small.label);
  }
  return normalizeLabels(labelOf);
}

function strongestNeighbour(
  cg: ClusterGraph,
  small: Community,
  live: Map<number, Community>,
  labelOf: Map<string, number>,
  rules: MergeRules,
): Community | undefined {
  const weight = new Map<number, number>();
  for (const n of small.nodes) {
    for (const [other, w] of cg.adjacency.get(n)!) {
      const label = labelOf.get(other)!;
      if (label !== small.label && live.has(label)) weight.set(label, (weight.get(label) ?? 0) + w);
    }
  }
  const ranked = [...weight].sort((a, b) => b[1] - a[1] || compareStrings(live.get(a[0])!.first, live.get(b[0])!.first));
  for (const [label] of ranked) {
    const c = live.get(label)!;
    if (!rules.conflicts(small.nodes, c.nodes)) return c;
  }
  return undefined;
}

function fallback(cg: ClusterGraph, small: Community, live: Map<number, Community>, rules: MergeRules): Community | undefined {
  const folders = new Set(small.nodes.map((n) => cg.folder.get(n)));
  let best: { c: Community; shared: number } | undefined;
  for (const c of [...live.values()].sort((a, b) => compareStrings(a.first, b.first))) {
    if (c.label === small.label || c.size === 0 || rules.conflicts(small.nodes, c.nodes)) continue;
    const shared = c.nodes.filter((n) => folders.has(cg.folder.get(n))).length;
    if (!best || shared > best.shared || (shared === best.shared && c.size > best.c.size)) best = { c, shared };
  }
  return best?.c;
}
