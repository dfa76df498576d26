/**
 * The trivial decompositions carve must beat: grouping files by their
 * top-level folder (below the source root: folders holding nearly all files
 * are looked into), grouping them by the domain stem of their name across
 * layers (`services/cart.ts` with `models/cart.ts`), and plain Louvain on
 * the import graph alone (no tables, no shared kernel, resolution 1).
 */
import { buildClusterGraph } from '../../cluster/cluster-graph.js';
import { runLouvain } from '../../cluster/louvain.js';
import { codeDependency } from '../../graph/edge-signals/code-dependency.js';
import { nameStem } from '../../graph/edge-signals/name-stem.js';
import type { GraphInput } from '../../graph/edge-signals/signal.js';
import { isTableNode, nodeId, unitNode, WeightedGraph } from '../../graph/weighted-graph.js';
import { resolveWeights } from '../../graph/weights.js';
import type { Labels } from './partition.js';

/** A folder holding at least this share of the files is a source root, not a module: look inside it. */
const SOURCE_ROOT_SHARE = 0.8;

export function folderBaseline(units: readonly string[]): Labels {
  const out = new Map<string, string>();
  const descend = (ids: readonly string[], depth: number): void => {
    const groups = new Map<string, string[]>();
    for (const id of ids) {
      const parts = id.split('/');
      const key = depth < parts.length - 1 ? parts.slice(0, depth + 1).join('/') : `${parts.slice(0, depth).join('/')}/.`;
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push(id);
    }
    for (const [key, list] of groups) {
      const isFolder = !key.endsWith('/.');
      if (isFolder && list.length >= SOURCE_ROOT_SHARE * ids.length && list.length > 1) descend(list, depth + 1);
      else for (const id of list) out.set(id, key);
    }
  };
  descend(units, 0);
  return out;
}

export function importLouvainBaseline(input: GraphInput, seed: number): Labels {
  const graph = new WeightedGraph();
  for (const u of input.units) graph.addNode(unitNode(u.id));
  codeDependency.contribute({ input, weights: resolveWeights(undefined) }, (a, b, kind, w) => graph.addEdge(a, b, kind, w));
  const cg = buildClusterGraph(
    graph,
    (n) => (isTableNode(n) ? undefined : n),
    () => '.',
  );
  const partition = runLouvain(cg, 1, seed);
  return new Map(cg.nodes.map((n) => [nodeId(n), `c${partition.get(n)}`]));
}

/** Files by the domain stem of their name; files with none are each their own group. */
export function nameStemBaseline(units: readonly string[]): Labels {
  return new Map(units.map((id) => [id, nameStem(id) ?? `file:${id}`]));
}
