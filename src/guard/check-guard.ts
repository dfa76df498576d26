/**
 * The CI guard: compare a result's headline figures with the configured
 * thresholds and with a baseline result. Findings only — the CLI turns them
 * into exit code 1.
 */
import type { CarveConfig } from '../config/options.js';
import type { AnalysisResult } from '../model/result.js';

export type GuardMetric = keyof NonNullable<CarveConfig['thresholds']>;

export interface GuardFinding {
  metric: GuardMetric;
  value: number;
  limit: number;
  source: 'threshold' | 'baseline';
}

/** The figures the guard tracks, read from a result. Higher is worse for each. */
export function guardFigures(result: AnalysisResult): Record<GuardMetric, number> {
  const m = result.decomposition?.metrics;
  return {
    sharedDatabaseCoupling: m?.sharedDatabaseCoupling ?? 0,
    multiWriterTables: m?.sharedDatabase.multiWriterTables.length ?? 0,
    sagaCandidates: m?.sharedDatabase.sagaCandidates.length ?? 0,
    icp: m?.icp ?? 0,
    unresolvedImports: result.summary.unresolvedImports,
  };
}

/** Small float noise must not fail a build: figures are compared at this precision. */
const EPSILON = 1e-6;

export function checkGuard(result: AnalysisResult, thresholds: CarveConfig['thresholds'] = {}, baseline?: AnalysisResult): GuardFinding[] {
  return compareFigures(guardFigures(result), thresholds, baseline ? guardFigures(baseline) : undefined);
}

/** Figures over their threshold, or worse than before. */
export function compareFigures(
  figures: Record<GuardMetric, number>,
  thresholds: CarveConfig['thresholds'] = {},
  before?: Partial<Record<GuardMetric, number>>,
): GuardFinding[] {
  const findings: GuardFinding[] = [];
  for (const [metric, limit] of Object.entries(thresholds) as [GuardMetric, number][]) {
    if (figures[metric] > limit + EPSILON) findings.push({ metric, value: figures[metric], limit, source: 'threshold' });
  }
  for (const [metric, limit] of Object.entries(before ?? {}) as [GuardMetric, number][]) {
    if (figures[metric] > limit + EPSILON) findings.push({ metric, value: figures[metric], limit, source: 'baseline' });
  }
  return findings;
}

export function formatGuardFindings(findings: GuardFinding[]): string[] {
  const round = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(3));
  return findings.map((f) =>
    f.source === 'threshold'
      ? `over threshold: ${f.metric} ${round(f.value)} > ${round(f.limit)}`
      : `worse than baseline: ${f.metric} ${round(f.limit)} → ${round(f.value)}`,
  );
}
