/** Reporters: each is a function of the analysis result (or of the check report) only. */
import type { CheckReport, DecompositionExport } from '../model/check-result.js';
import type { AnalysisResult } from '../model/result.js';
import { serializeResult } from '../model/serialize.js';
import { formatCheckGithub } from './check-github.js';
import { formatCheckJson } from './check-json.js';
import { formatCheckMarkdown } from './check-markdown.js';
import { formatCheckSarif } from './check-sarif.js';
import { formatCheckText } from './check-text.js';
import { formatCml } from './export-cml.js';
import { formatDot } from './export-dot.js';
import { formatMermaid } from './export-mermaid.js';
import { renderHtml } from './html.js';
import { formatTextReport } from './text.js';
export { formatTrend } from './trend-text.js';

export const reporters = {
  json: serializeResult,
  html: renderHtml,
  text: formatTextReport,
} satisfies Record<string, (result: AnalysisResult) => string>;

export type ReporterName = keyof typeof reporters;

export const checkReporters = {
  text: formatCheckText,
  json: formatCheckJson,
  markdown: formatCheckMarkdown,
  sarif: formatCheckSarif,
  github: formatCheckGithub,
} satisfies Record<string, (report: CheckReport) => string>;

export type CheckFormat = keyof typeof checkReporters;

/** `carve export` formats: the decomposition at service level. */
export const exporters = {
  cml: formatCml,
  mermaid: formatMermaid,
  dot: formatDot,
  json: (d: DecompositionExport) => `${JSON.stringify(d, null, 2)}\n`,
} satisfies Record<string, (d: DecompositionExport, project: string) => string>;

export type ExportFormat = keyof typeof exporters;
