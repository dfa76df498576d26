/**
 * Decomposition: graph → cluster → score → verdict. Works on the analysis
 * result only, so the browser report can rerun any part of it.
 */
import { clusterServices } from '../cluster/index.js';
import type { CarveConfig } from '../config/options.js';
import type { Assignment, Decomposition } from '../model/decomposition.js';
import type { AnalysisResult } from '../model/result.js';
import { planDecomposition, scoreDecomposition } from './score-decomposition.js';
import { decideVerdict } from './verdict.js';

export type DecomposeConfig = Pick<
  CarveConfig,
  'granularity' | 'services' | 'seed' | 'resolution' | 'minServiceSize' | 'weights' | 'shared' | 'pins' | 'apart'
>;

export function decompose(result: Omit<AnalysisResult, 'decomposition'>, config: DecomposeConfig): Decomposition {
  const clustered = clusterServices(result, {
    granularity: config.granularity,
    seed: config.seed,
    resolution: config.resolution,
    services: config.services,
    minServiceSize: config.minServiceSize,
    weights: config.weights,
    shared: config.shared,
    pins: config.pins,
    apart: config.apart,
  });
  const assignment: Assignment = {
    services: clustered.services.map(({ name, units, tables }) => ({ name, units, tables })),
    shared: clustered.shared.map((s) => s.unit),
  };
  const scoreConfig = { weights: config.weights };
  const metrics = scoreDecomposition(result, assignment, scoreConfig);
  const plan = planDecomposition(result, assignment, metrics, scoreConfig);
  const verdict = decideVerdict({
    files: result.units.length,
    lines: result.units.reduce((s, u) => s + u.lines, 0),
    metrics,
    alternatives: clustered.clustering.alternatives,
  });
  return {
    services: clustered.services,
    verdict,
    shared: clustered.shared,
    metrics,
    ...plan,
    clustering: clustered.clustering,
  };
}
