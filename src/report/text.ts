/** The terminal summary printed after `carve analyze`: code, data access, decomposition. */
import type { AnalysisResult } from '../model/result.js';
import { formatAccessSummary } from './access-summary.js';
import { formatCodeSummary } from './code-summary.js';
import { escapeTerminal } from '../util/terminal-text.js';
import { formatDecompositionSummary } from './decomposition-summary.js';

/** Each line is escaped on its own: a newline inside a name cannot start a line of its own. */
export function formatTextReport(result: AnalysisResult): string {
  const lines = [...formatCodeSummary(result), '', ...formatAccessSummary(result), '', ...formatDecompositionSummary(result)];
  return lines.map((line) => escapeTerminal(line)).join('\n');
}
