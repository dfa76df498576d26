/** The guarded figures of the declared decomposition, scored by the same engine that scores carve's proposal. */
import type { Weights } from '../graph/weights.js';
import type { Assignment } from '../model/decomposition.js';
import type { GuardedFigure } from '../model/check-result.js';
import type { AnalysisResult } from '../model/result.js';
import { scoreDecomposition } from '../score/score-decomposition.js';

export function declaredFigures(result: AnalysisResult, assignment: Assignment, weights: Partial<Weights>): Record<GuardedFigure, number> {
  const m = scoreDecomposition(result, assignment, { weights });
  return {
    sharedDatabaseCoupling: m.sharedDatabaseCoupling,
    multiWriterTables: m.sharedDatabase.multiWriterTables.length,
    sagaCandidates: m.sharedDatabase.sagaCandidates.length,
    icp: m.icp,
    unresolvedImports: result.summary.unresolvedImports,
  };
}
