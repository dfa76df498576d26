/**
 * Reads a saved analysis.json (`carve report`, `--baseline`): bounded, parsed,
 * and checked against the result schema, so a damaged or foreign file is an
 * input error naming the problem instead of a crash or a broken page.
 */
import { CarveError } from '../util/errors.js';
import { readBoundedText } from '../util/read-bounded.js';
import { SCHEMA_VERSION, type AnalysisResult } from './result.js';
import { resultSchema } from './result-schema.js';

/** Far above real results (20,000 files give ~30 MB), below what one JS string can hold. */
export const MAX_RESULT_BYTES = 256 * 1024 * 1024;

const SHOWN_ISSUES = 3;

/** JSON.parse's message with a line and column, and without the snippet of the file it quotes (it may be any file). */
function jsonProblem(text: string, error: Error): string {
  const message = error.message.replace(/, ".*"(\.\.\.)? is not valid JSON$/s, '');
  const at = /position (\d+)/.exec(message);
  if (!at) return message;
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '')} at line ${line}, column ${column}`;
}

/** `what` names the role of the file in messages ("baseline"). */
export function readResult(file: string, what?: string): AnalysisResult {
  const text = readBoundedText(file, MAX_RESULT_BYTES, what ?? 'result');
  const label = what ? `${what} ${file}` : file;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CarveError(`${label} is not valid JSON: ${jsonProblem(text, error as Error)}`);
  }
  const head = raw as Partial<AnalysisResult> | null;
  if (typeof head !== 'object' || head === null || Array.isArray(head) || head.tool?.name !== 'carve') {
    throw new CarveError(`${label} is not a carve analysis.json (no "tool": { "name": "carve" })`);
  }
  if (head.schemaVersion !== SCHEMA_VERSION) {
    throw new CarveError(
      `${label} has schemaVersion ${String(head.schemaVersion)}; this carve reads ${SCHEMA_VERSION} — re-run carve analyze`,
    );
  }
  const checked = resultSchema.safeParse(raw);
  if (!checked.success) {
    const issues = checked.error.issues;
    const lines = issues.slice(0, SHOWN_ISSUES).map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
    const more = issues.length > SHOWN_ISSUES ? ` (and ${issues.length - SHOWN_ISSUES} more)` : '';
    throw new CarveError(`${label} does not match the result schema — ${lines.join('; ')}${more}`);
  }
  return raw as AnalysisResult;
}
