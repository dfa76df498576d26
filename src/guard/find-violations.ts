/** Every violation of the declared boundaries, by kind: each finder is one module. */
import type { CarveConfig } from '../config/options.js';
import type { Violation } from '../model/check-result.js';
import type { AnalysisResult } from '../model/result.js';
import { boundaryRules } from './boundary-rules.js';
import { findCodeViolations, type EdgeEntries } from './code-violations.js';
import type { DeclaredBoundaries } from './declared-boundaries.js';
import { findForeignKeyViolations } from './foreign-key-violations.js';
import { findServiceCycles } from './service-cycles.js';
import { findTableViolations } from './table-violations.js';
import { findTransactionViolations } from './transaction-violations.js';
import { ViolationCollector } from './violation-collector.js';

export function findViolations(
  result: AnalysisResult,
  declared: DeclaredBoundaries,
  rules: NonNullable<CarveConfig['boundaryRules']>,
  edgeEntries: EdgeEntries,
): Violation[] {
  const out = new ViolationCollector(boundaryRules(rules, new Set(declared.services.keys())));
  findCodeViolations(result, declared, edgeEntries, out);
  findServiceCycles(result, declared, edgeEntries, out);
  findTableViolations(result, declared, out);
  findForeignKeyViolations(result, declared, out);
  findTransactionViolations(result, declared, out);
  return out.violations();
}
