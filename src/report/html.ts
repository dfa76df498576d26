/** The self-contained HTML report. (Implementation pending: the report work replaces this stub.) */
import type { AnalysisResult } from '../model/result.js';

export function renderHtml(result: AnalysisResult): string {
  return `<!doctype html><meta charset="utf-8"><title>carve — ${result.project.replace(/[<&>"]/g, '')}</title><p>Report UI pending.</p>`;
}
