/**
 * The ratchet by identity: known violations pass, new ones fail, listed ones
 * that are gone fail as stale so the baseline shrinks. Figures may not get
 * worse than the baseline's.
 */
import type { FigureFinding, GuardedFigure, Violation } from '../model/check-result.js';
import { compareStrings } from '../util/sort.js';
import { compareFigures } from './check-guard.js';
import { BASELINE_VERSION, type Baseline } from './read-baseline.js';

export interface Ratcheted {
  violations: Violation[];
  stale: string[];
  figureFindings: FigureFinding[];
}

/** Warnings never fail and are not kept in the baseline. */
export function ratchet(violations: Violation[], figures: Record<GuardedFigure, number>, baseline: Baseline | undefined): Ratcheted {
  const known = new Set(baseline?.violations ?? []);
  const marked = violations.map((v) => ({
    ...v,
    status: v.severity === 'error' && known.has(v.id) ? ('known' as const) : ('new' as const),
  }));
  const found = new Set(violations.filter((v) => v.severity === 'error').map((v) => v.id));
  const stale = [...known].filter((id) => !found.has(id)).sort(compareStrings);
  const figureFindings: FigureFinding[] = compareFigures(figures, {}, baseline?.figures);
  return { violations: marked, stale, figureFindings };
}

/**
 * The baseline to write: today's error identities and figures. Without
 * `allowNew` it may only shrink: new identities stay out and a worse figure
 * keeps its old value, so the check still fails on them.
 */
export function nextBaseline(
  violations: Violation[],
  figures: Record<GuardedFigure, number>,
  old: Baseline | undefined,
  allowNew: boolean,
): Baseline {
  const known = new Set(old?.violations ?? []);
  const ids = violations.filter((v) => v.severity === 'error' && (allowNew || !old || known.has(v.id))).map((v) => v.id);
  const next: Record<string, number> = {};
  for (const [metric, value] of Object.entries(figures) as [GuardedFigure, number][]) {
    const before = old?.figures[metric];
    next[metric] = allowNew || before === undefined ? value : Math.min(before, value);
  }
  return { kind: 'carve-baseline', version: BASELINE_VERSION, violations: [...new Set(ids)].sort(compareStrings), figures: next };
}
