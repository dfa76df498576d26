/**
 * carve-history.jsonl: one line per recorded check (headline figures,
 * violation counts, commit, date). analysis.json never holds a date; this file does.
 */
import { z } from 'zod';
import type { HistoryEntry } from '../model/check-result.js';
import { CarveError } from '../util/errors.js';
import { readBoundedFile } from './read-baseline.js';

export const HISTORY_FILE = 'carve-history.jsonl';
const MAX_BYTES = 64 * 1024 * 1024;

const entrySchema = z
  .object({
    commit: z.string().max(100).nullable(),
    date: z.string().max(100),
    figures: z.object({
      sharedDatabaseCoupling: z.number(),
      multiWriterTables: z.number(),
      sagaCandidates: z.number(),
      icp: z.number(),
      unresolvedImports: z.number(),
    }),
    violations: z.object({ errors: z.number(), warnings: z.number() }),
  })
  .strip();

export function historyLine(entry: HistoryEntry): string {
  return `${JSON.stringify(entry)}\n`;
}

export function readHistory(file: string): HistoryEntry[] {
  const text = readBoundedFile(file, MAX_BYTES, 'history');
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter((l) => l.line)
    .map(({ line, n }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        throw new CarveError(`${file}:${n} is not a JSON line`);
      }
      const parsed = entrySchema.safeParse(raw);
      if (!parsed.success)
        throw new CarveError(
          `${file}:${n} is not a carve history entry: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`,
        );
      return parsed.data;
    });
}
