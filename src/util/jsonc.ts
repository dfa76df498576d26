/**
 * JSON with comments and trailing commas (tsconfig.json, carve.config.json), read
 * with TypeScript's own config reader. TypeScript is required here, on first
 * use, not imported: a run that parses nothing else (`--version`, a plain-JSON
 * tsconfig, every file cached) then never loads its 9 MB.
 */
import { createRequire } from 'node:module';
import type { ts } from 'ts-morph';

const require = createRequire(import.meta.url);

/** The parsed value, or the reader's message when the text is not JSON with comments. */
export function parseJsonc(file: string, text: string): { value: unknown } | { error: string } {
  const typescript = (require('ts-morph') as { ts: typeof ts }).ts;
  const parsed = typescript.parseConfigFileTextToJson(file, text);
  if (parsed.error) return { error: typescript.flattenDiagnosticMessageText(parsed.error.messageText, ' ') };
  return { value: parsed.config as unknown };
}
