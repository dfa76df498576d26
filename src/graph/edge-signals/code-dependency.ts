/** Code dependencies (imports, re-exports, DI), weighted by kind. */
import type { Edge, EdgeKind } from '../../model/result.js';
import { unitNode } from '../weighted-graph.js';
import type { WeightKey, Weights } from '../weights.js';
import type { EdgeSignal } from './signal.js';

const weightKeyOf: Record<EdgeKind, WeightKey> = {
  import: 'import',
  'type-only': 'typeOnly',
  dynamic: 'dynamic',
  require: 'require',
  're-export': 'reExport',
  di: 'di',
};

/** Sub-linear in the edge's own weight (symbols used): a file importing ten names from a DTO is not ten times as bound to it. */
export const dependencyStrength = (edgeWeight: number): number => 1 + Math.log(Math.max(1, edgeWeight));

/** The weight one code edge carries, in the graph and in every code-dependency score. */
export const codeEdgeWeight = (edge: Edge, weights: Weights): number => weights[weightKeyOf[edge.kind]] * dependencyStrength(edge.weight);

export const codeDependency: EdgeSignal = {
  name: 'code',
  contribute({ input, weights }, add) {
    for (const edge of input.edges) {
      add(unitNode(edge.from), unitNode(edge.to), edge.kind, codeEdgeWeight(edge, weights));
    }
  },
};
