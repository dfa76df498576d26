/** Reporters: each is a function of the analysis result only. */
import type { AnalysisResult } from '../model/result.js';
import { serializeResult } from '../model/serialize.js';
import { renderHtml } from './html.js';
import { formatTextReport } from './text.js';

export const reporters = {
  json: serializeResult,
  html: renderHtml,
  text: formatTextReport,
} satisfies Record<string, (result: AnalysisResult) => string>;

export type ReporterName = keyof typeof reporters;
