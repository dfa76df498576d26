/** The terminal summary printed after `carve analyze`: code, data access, decomposition. */
import type { AnalysisResult } from '../model/result.js';
import { formatAccessSummary } from './access-summary.js';
import { formatCodeSummary } from './code-summary.js';
import { formatDecompositionSummary } from './decomposition-summary.js';

export function formatTextReport(result: AnalysisResult): string {
  return [...formatCodeSummary(result), '', ...formatAccessSummary(result), '', ...formatDecompositionSummary(result)].join('\n');
}
