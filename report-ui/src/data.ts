/** Reads the analysis embedded by src/report/html.ts. */
import type { AnalysisResult } from '../../src/model/result.js';

export function readEmbeddedResult(doc: Document): AnalysisResult {
  const text = doc.getElementById('carve-data')?.textContent ?? '';
  const result = JSON.parse(text) as AnalysisResult;
  if (!result || !Array.isArray(result.units)) throw new Error('the embedded analysis has no units');
  // Older or partial results may lack lists the views iterate over.
  for (const key of ['edges', 'tables', 'relations', 'accesses', 'transactions', 'unresolvedAccesses', 'problems'] as const) {
    if (!Array.isArray(result[key])) (result as unknown as Record<string, unknown>)[key] = [];
  }
  return result;
}
