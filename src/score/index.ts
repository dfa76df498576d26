/**
 * Decomposition: graph → cluster → score → verdict. Works on the analysis
 * result only, so the browser report can rerun any part of it.
 */
import { asIsServices, isAlreadyDistributed } from '../cluster/as-is.js';
import { clusterServices, type ClusterOutput } from '../cluster/index.js';
import type { CarveConfig } from '../config/options.js';
import type { Assignment, Decomposition } from '../model/decomposition.js';
import type { AnalysisResult } from '../model/result.js';
import { planDecomposition, scoreDecomposition } from './score-decomposition.js';
import { asIsVerdict, decideVerdict } from './verdict.js';

export type DecomposeConfig = Pick<
  CarveConfig,
  'granularity' | 'services' | 'seed' | 'resolution' | 'minServiceSize' | 'weights' | 'shared' | 'pins' | 'apart'
>;

export function decompose(result: Omit<AnalysisResult, 'decomposition'>, config: DecomposeConfig): Decomposition {
  // Pins are the user's own boundaries (an export from the report): they win over the as-is view.
  const distributed = isAlreadyDistributed(result) && Object.keys(config.pins).length === 0;
  const clustered: ClusterOutput = distributed
    ? asIsServices(result, config.seed)
    : clusterServices(result, {
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
  const verdict = distributed
    ? asIsVerdict(result, metrics)
    : decideVerdict({
        files: result.units.length,
        lines: result.units.reduce((s, u) => s + u.lines, 0),
        metrics,
        alternatives: clustered.clustering.alternatives,
      });
  return {
    services: clustered.services,
    verdict,
    shared: clustered.shared,
    ...(clustered.clients && clustered.clients.length > 0 ? { clients: clustered.clients } : {}),
    metrics,
    ...plan,
    clustering: clustered.clustering,
  };
}
