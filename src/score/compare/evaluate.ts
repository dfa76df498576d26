/** Score carve's services and the trivial baselines against an intended decomposition. */
import type { AnalysisResult } from '../../model/result.js';
import { adjustedRandIndex } from './ari.js';
import { folderBaseline, importLouvainBaseline, nameStemBaseline } from './baselines.js';
import { intendedLabels, SHARED_LABEL, type IntendedDecomposition } from './intended.js';
import { mojoFM } from './mojofm.js';
import { normalizedMutualInformation } from './nmi.js';
import type { Labels } from './partition.js';

export type Method = 'carve' | 'folders' | 'name-stem' | 'import-louvain';

export interface EvaluationRow {
  method: Method;
  ari: number;
  nmi: number;
  mojofm: number;
}

export function carveLabels(result: Pick<AnalysisResult, 'decomposition'>): Labels {
  const out = new Map<string, string>();
  for (const s of result.decomposition?.services ?? []) for (const u of s.units) out.set(u, s.name);
  // The platform carve sets aside is one cluster; an existing library (as-is topology) is its own.
  for (const s of result.decomposition?.shared ?? [])
    out.set(s.unit, s.library === undefined ? SHARED_LABEL : `${SHARED_LABEL} ${s.library}`);
  for (const c of result.decomposition?.clients ?? []) for (const u of c.units) out.set(u, `client:${c.name}`);
  return out;
}

/**
 * Intended services smaller than carve's minimum service size are outside what
 * it is built to propose (it merges such fragments on purpose); comparisons on
 * such fixtures are printed but not held against it.
 */
export function smallestIntendedService(result: Pick<AnalysisResult, 'units'>, intended: IntendedDecomposition): number {
  const truth = intendedLabels(
    result.units.map((u) => u.id),
    intended,
  );
  const sizes = new Map<string, number>();
  for (const label of truth.values()) if (label !== SHARED_LABEL) sizes.set(label, (sizes.get(label) ?? 0) + 1);
  return Math.min(...Object.keys(intended.services).map((name) => sizes.get(name) ?? 0));
}

export function evaluate(result: AnalysisResult, intended: IntendedDecomposition, seed: number): EvaluationRow[] {
  return evaluateLabels(
    result,
    intendedLabels(
      result.units.map((u) => u.id),
      intended,
    ),
    seed,
  );
}

/** Score carve and every baseline against unit labels (a truth derived from the repository itself). */
export function evaluateLabels(result: AnalysisResult, truth: Labels, seed: number): EvaluationRow[] {
  const units = result.units.map((u) => u.id);
  const methods: [Method, Labels][] = [
    ['carve', carveLabels(result)],
    ['folders', folderBaseline(units)],
    ['name-stem', nameStemBaseline(units)],
    ['import-louvain', importLouvainBaseline(result, seed)],
  ];
  return methods.map(([method, labels]) => ({
    method,
    ari: adjustedRandIndex(labels, truth),
    nmi: normalizedMutualInformation(labels, truth),
    mojofm: mojoFM(labels, truth),
  }));
}
