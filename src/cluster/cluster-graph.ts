/**
 * The graph Louvain runs on: the decomposition graph with the shared kernel
 * removed and nodes grouped (by folder at `--granularity folder`, by pin for
 * pinned units and tables). Adjacency maps make repair and merging cheap.
 */
import { isTableNode, nodeId, type WeightedGraph } from '../graph/weighted-graph.js';
import { compareStrings } from '../util/sort.js';

export interface ClusterGraph {
  /** Sorted. */
  nodes: string[];
  adjacency: Map<string, Map<string, number>>;
  /** Units (files) each node stands for; tables count 0. */
  size: Map<string, number>;
  /** Members (decomposition-graph nodes: `unit:…`, `table:…`) of each cluster node. */
  members: Map<string, string[]>;
  /** Folder a node belongs to, for fallback placement of isolated nodes. */
  folder: Map<string, string>;
  totalWeight: number;
}

/** `group` maps a decomposition-graph node to its cluster node, or undefined to leave it out. */
export function buildClusterGraph(
  graph: WeightedGraph,
  group: (node: string) => string | undefined,
  folderOf: (node: string) => string,
): ClusterGraph {
  const members = new Map<string, string[]>();
  const size = new Map<string, number>();
  const folder = new Map<string, string>();
  const target = new Map<string, string>();
  for (const node of graph.nodes()) {
    const g = group(node);
    if (g === undefined) continue;
    target.set(node, g);
    let list = members.get(g);
    if (!list) {
      members.set(g, (list = []));
      size.set(g, 0);
      folder.set(g, folderOf(node));
    }
    list.push(node);
    if (!isTableNode(node)) size.set(g, size.get(g)! + 1);
  }
  const adjacency = new Map<string, Map<string, number>>();
  for (const g of members.keys()) adjacency.set(g, new Map());
  let totalWeight = 0;
  for (const edge of graph.edges()) {
    const a = target.get(edge.a);
    const b = target.get(edge.b);
    if (a === undefined || b === undefined || a === b) continue;
    const ma = adjacency.get(a)!;
    const mb = adjacency.get(b)!;
    ma.set(b, (ma.get(b) ?? 0) + edge.weight);
    mb.set(a, (mb.get(a) ?? 0) + edge.weight);
    totalWeight += edge.weight;
  }
  return { nodes: [...members.keys()].sort(compareStrings), adjacency, size, members, folder, totalWeight };
}

/** Units (ids) behind a set of cluster nodes, sorted. */
export function unitsOf(cg: ClusterGraph, nodes: Iterable<string>): string[] {
  const out: string[] = [];
  for (const n of nodes) for (const m of cg.members.get(n) ?? []) if (!isTableNode(m)) out.push(nodeId(m));
  return out.sort(compareStrings);
}

export function tablesOf(cg: ClusterGraph, nodes: Iterable<string>): string[] {
  const out: string[] = [];
  for (const n of nodes) for (const m of cg.members.get(n) ?? []) if (isTableNode(m)) out.push(nodeId(m));
  return out.sort(compareStrings);
}

/** A partition: cluster node → community label. */
export type Partition = Map<string, number>;

export function communities(partition: Partition): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const [node, label] of partition) {
    let list = out.get(label);
    if (!list) out.set(label, (list = []));
    list.push(node);
  }
  for (const list of out.values()) list.sort(compareStrings);
  return out;
}

/** Newman modularity (γ = 1) of a partition of the cluster graph. */
export function partitionModularity(cg: ClusterGraph, partition: Partition): number {
  if (cg.totalWeight === 0) return 0;
  const m = cg.totalWeight;
  const inside = new Map<number, number>();
  const degree = new Map<number, number>();
  for (const [node, neighbours] of cg.adjacency) {
    const c = partition.get(node)!;
    for (const [other, w] of neighbours) {
      degree.set(c, (degree.get(c) ?? 0) + w);
      if (partition.get(other) === c) inside.set(c, (inside.get(c) ?? 0) + w);
    }
  }
  let q = 0;
  // Each internal edge was seen from both ends: inside holds 2·W_c.
  for (const [c, d] of degree) q += (inside.get(c) ?? 0) / (2 * m) - (d / (2 * m)) ** 2;
  return q;
}

/**
 * Relabel communities 0..k−1 in order of first appearance. Every partition
 * here is keyed in sorted node order, so that is the order of each
 * community's smallest node: labels stop depending on Louvain's internals.
 */
export function normalizeLabels(partition: Partition): Partition {
  const relabel = new Map<number, number>();
  const out: Partition = new Map();
  for (const [node, label] of partition) {
    let next = relabel.get(label);
    if (next === undefined) relabel.set(label, (next = relabel.size));
    out.set(node, next);
  }
  return out;
}
