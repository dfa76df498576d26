/** What each violation kind means: the rule descriptions of SARIF and the docs' table. */
import type { ViolationKind } from '../model/check-result.js';

export const VIOLATION_RULES: Record<ViolationKind, { name: string; description: string }> = {
  'api-import': { name: 'ApiImport', description: "Imports or injects a file of another service that is not in that service's `api`." },
  'undeclared-dependency': { name: 'UndeclaredDependency', description: "Depends on a service that is not in the service's `dependsOn`." },
  'service-cycle': { name: 'ServiceCycle', description: 'Services depend on each other in a cycle (runtime imports and injections).' },
  'table-read': { name: 'ForeignTableRead', description: 'Reads a table that another service owns.' },
  'table-write': { name: 'ForeignTableWrite', description: 'Writes a table that another service owns: the worst data coupling.' },
  'foreign-key': { name: 'CrossServiceForeignKey', description: "A foreign key or ORM relation from one service's table to another's." },
  'cross-service-transaction': {
    name: 'CrossServiceTransaction',
    description: 'One database transaction spans the tables of several services.',
  },
  'deprecated-dependency': {
    name: 'DeprecatedDependency',
    description: 'Depends on a service listed as `deprecated`: reported, never fails.',
  },
};

/** Findings that are not violations of a boundary, but fail the check too. */
export const CHECK_RULES = {
  'stale-baseline-entry': {
    name: 'StaleBaselineEntry',
    description: 'A violation listed in the baseline is fixed: rewrite the baseline so it shrinks.',
  },
  'figure-threshold': { name: 'FigureOverThreshold', description: 'A guarded figure is over its configured threshold.' },
  'figure-baseline': { name: 'FigureWorseThanBaseline', description: 'A guarded figure got worse than the baseline.' },
} as const;
