/**
 * Decomposition: graph → cluster → score → verdict.
 * (Implementation pending: the decomposition work replaces this stub.)
 */
import type { CarveConfig } from '../config/options.js';
import type { Decomposition } from '../model/decomposition.js';
import type { AnalysisResult } from '../model/result.js';

export type DecomposeConfig = Pick<
  CarveConfig,
  'granularity' | 'services' | 'seed' | 'resolution' | 'minServiceSize' | 'weights' | 'shared' | 'pins' | 'apart'
>;

export function decompose(_result: Omit<AnalysisResult, 'decomposition'>, _config: DecomposeConfig): Decomposition {
  return { services: [], verdict: { kind: 'dont-split', reasons: ['decomposition not implemented yet'] } };
}
