/** Read a decomposition file — the report's "Decomposition JSON" export or `carve export --format json` — checked before use. */
import { z } from 'zod';
import type { Assignment } from '../model/decomposition.js';
import { CarveError } from '../util/errors.js';
import { readBoundedFile } from './read-baseline.js';

const MAX_BYTES = 64 * 1024 * 1024;

const decompositionSchema = z.looseObject({
  services: z.array(
    z.looseObject({ name: z.string().min(1).max(200), units: z.array(z.string()), tables: z.array(z.string()).default([]) }),
  ),
  shared: z.array(z.string()).default([]),
});

export function readDecomposition(file: string): Assignment {
  const text = readBoundedFile(file, MAX_BYTES, 'decomposition');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CarveError(`decomposition ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = decompositionSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CarveError(
      `${file} is not a decomposition (services with units and tables): ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`,
    );
  }
  const names = parsed.data.services.map((s) => s.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new CarveError(`${file} names the service "${twice}" twice`);
  return { services: parsed.data.services.map((s) => ({ name: s.name, units: s.units, tables: s.tables })), shared: parsed.data.shared };
}
