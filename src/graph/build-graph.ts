/**
 * The decomposition graph: every unit and table as a node (sorted), every
 * registered edge signal applied in order. Cached per result object and
 * weights, because the browser report rescores the same result on each edit.
 */
import { EDGE_SIGNALS } from './edge-signals/index.js';
import type { GraphInput } from './edge-signals/signal.js';
import { tableNode, unitNode, WeightedGraph } from './weighted-graph.js';
import { resolveWeights, type Weights } from './weights.js';

export type { GraphInput } from './edge-signals/signal.js';

const cache = new WeakMap<GraphInput, Map<string, WeightedGraph>>();

export function buildGraph(input: GraphInput, overrides?: Partial<Weights>): WeightedGraph {
  const weights = resolveWeights(overrides);
  const key = JSON.stringify(weights);
  let byWeights = cache.get(input);
  const hit = byWeights?.get(key);
  if (hit) return hit;

  const graph = new WeightedGraph();
  for (const unit of input.units) graph.addNode(unitNode(unit.id));
  for (const table of input.tables) graph.addNode(tableNode(table.id));
  const add = (a: string, b: string, kind: string, weight: number): void => graph.addEdge(a, b, kind, weight);
  for (const signal of EDGE_SIGNALS) signal.contribute({ input, weights }, add);

  if (!byWeights) cache.set(input, (byWeights = new Map()));
  byWeights.set(key, graph);
  return graph;
}
