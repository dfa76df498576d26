/**
 * Louvain can return communities that are internally disconnected (Traag et
 * al., "From Louvain to Leiden", 2019). Each connected part of a community
 * becomes its own community; `mergeSmall` then folds the fragments back into
 * their strongest neighbour.
 */
import type { ClusterGraph, Partition } from './cluster-graph.js';
import { normalizeLabels } from './cluster-graph.js';

export function splitDisconnected(cg: ClusterGraph, partition: Partition): Partition {
  const out: Partition = new Map();
  let next = 0;
  for (const start of cg.nodes) {
    if (out.has(start)) continue;
    const label = partition.get(start);
    const stack = [start];
    out.set(start, next);
    while (stack.length > 0) {
      const node = stack.pop()!;
      for (const other of cg.adjacency.get(node)!.keys()) {
        if (out.has(other) || partition.get(other) !== label) continue;
        out.set(other, next);
        stack.push(other);
      }
    }
    next++;
  }
  return normalizeLabels(new Map(cg.nodes.map((n) => [n, out.get(n)!])));
}
