/**
 * An edge signal reads the analysis result and adds weighted edges of its own
 * kind. New signals (git co-change, code ownership, …) are one more file in
 * this folder and one line in index.ts; clustering never changes.
 */
import type { AnalysisResult } from '../../model/result.js';
import type { Weights } from '../weights.js';

export type GraphInput = Pick<AnalysisResult, 'units' | 'edges' | 'tables' | 'accesses' | 'transactions' | 'relations'>;

export interface SignalContext {
  input: GraphInput;
  weights: Weights;
}

export type AddEdge = (a: string, b: string, kind: string, weight: number) => void;

export interface EdgeSignal {
  name: string;
  contribute(ctx: SignalContext, add: AddEdge): void;
}
