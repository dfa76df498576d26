/**
 * Seeded Louvain (graphology-communities-louvain) on the cluster graph:
 * nodes and edges are inserted in sorted order and the random walk draws from
 * mulberry32(seed), so the same graph and seed give the same communities.
 */
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import type { ClusterGraph, Partition } from './cluster-graph.js';
import { normalizeLabels } from './cluster-graph.js';
import { mulberry32 } from './seeded-rng.js';

// The package is CommonJS: under NodeNext its typed default import is the module namespace.
const louvain = louvainModule as unknown as typeof louvainModule.default;

const built = new WeakMap<ClusterGraph, UndirectedGraph>();

function toGraphology(cg: ClusterGraph): UndirectedGraph {
  const hit = built.get(cg);
  if (hit) return hit;
  const g = new UndirectedGraph({ allowSelfLoops: false });
  for (const node of cg.nodes) g.addNode(node);
  for (const node of cg.nodes) {
    const neighbours = [...cg.adjacency.get(node)!].filter(([other]) => node < other).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    for (const [other, weight] of neighbours) g.addUndirectedEdge(node, other, { weight });
  }
  built.set(cg, g);
  return g;
}

export function runLouvain(cg: ClusterGraph, resolution: number, seed: number): Partition {
  const graph = toGraphology(cg);
  if (graph.size === 0) return normalizeLabels(new Map(cg.nodes.map((n, i) => [n, i])));
  const { communities } = louvain.detailed(graph, { resolution, rng: mulberry32(seed), getEdgeWeight: 'weight' });
  return normalizeLabels(new Map(cg.nodes.map((n) => [n, communities[n]])));
}
