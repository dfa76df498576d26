/**
 * Read and validate a carve-baseline.json. The file sits in the analysed
 * repository, so it is untrusted: read bounded, never through a link, and
 * checked against its schema before use.
 */
import { lstatSync } from 'node:fs';
import { z } from 'zod';
import { CarveError } from '../util/errors.js';
import { readBoundedText } from '../util/read-bounded.js';

export const BASELINE_FILE = 'carve-baseline.json';
export const BASELINE_VERSION = 1;
/** Far above any real baseline (an identity is ~100 bytes): a larger file is not one. */
const MAX_BYTES = 32 * 1024 * 1024;

const figures = z
  .object({
    sharedDatabaseCoupling: z.number(),
    multiWriterTables: z.number(),
    sagaCandidates: z.number(),
    icp: z.number(),
    unresolvedImports: z.number(),
  })
  .partial()
  .strict();

export const baselineSchema = z
  .object({
    $schema: z.string().optional(),
    kind: z.literal('carve-baseline'),
    version: z.literal(BASELINE_VERSION),
    /** Identities of the known violations, sorted. */
    violations: z.array(z.string().max(4096)),
    /** The guarded figures when it was written; they may not get worse. */
    figures,
  })
  .strict();

export type Baseline = z.infer<typeof baselineSchema>;

/** Read a file of at most `max` bytes that is a regular file, not a link: the untrusted-input rules of the guard. */
export function readBoundedFile(file: string, max: number, what: string): string {
  let link: boolean;
  try {
    link = lstatSync(file).isSymbolicLink();
  } catch (error) {
    throw new CarveError(`cannot read ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (link) throw new CarveError(`${what} ${file} is a symbolic link; carve reads it only as a plain file`);
  return readBoundedText(file, max, what);
}

export function readBaseline(file: string): Baseline {
  const text = readBoundedFile(file, MAX_BYTES, 'baseline');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CarveError(`baseline ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const r = raw as { tool?: { name?: string }; units?: unknown } | null;
  if (r?.tool?.name === 'carve' && Array.isArray(r.units))
    throw new CarveError(
      `${file} is an analysis.json; carve check reads a ${BASELINE_FILE} — write one with carve check --update-baseline`,
    );
  const parsed = baselineSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CarveError(`baseline ${file} is not a carve baseline: ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

export function serializeBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}
