import type { AnalysisResult } from './result.js';

/** The canonical text of a result: what `analysis.json` holds, byte-identical for identical input. */
export function serializeResult(result: AnalysisResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
