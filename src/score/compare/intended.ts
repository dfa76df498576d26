/**
 * A fixture's intended decomposition (`expected.json`):
 *   "services": { "<name>": ["<unit id or glob>", …] }, "shared": ["<glob>", …]
 * turned into unit labels. Units no entry names are left out of comparisons.
 */
import { globMatcher } from '../../util/glob.js';
import { compareStrings } from '../../util/sort.js';
import type { Labels } from './partition.js';

export const SHARED_LABEL = '(shared)';

export interface IntendedDecomposition {
  services: Record<string, string[]>;
  shared?: string[];
}

export function intendedLabels(units: readonly string[], intended: IntendedDecomposition): Labels {
  const rules = [
    ...Object.keys(intended.services)
      .sort(compareStrings)
      .map((label) => ({ label, patterns: intended.services[label] })),
    { label: SHARED_LABEL, patterns: intended.shared ?? [] },
  ].map((r) => ({ ...r, matchers: r.patterns.map(globMatcher) }));
  const out = new Map<string, string>();
  for (const unit of units) {
    // A file named exactly wins over a folder pattern that also covers it.
    const hit = rules.find((r) => r.patterns.includes(unit)) ?? rules.find((r) => r.matchers.some((m) => m(unit)));
    if (hit) out.set(unit, hit.label);
  }
  return out;
}
