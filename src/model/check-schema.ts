/**
 * The published JSON Schema of `carve check --format json`, as zod; written by
 * scripts/write-schemas.mjs to schema/check.schema.json. Objects are open so a
 * newer carve can add fields; `schemaVersion` changes when a field changes meaning.
 */
import { z } from 'zod';
import { VIOLATION_KINDS } from '../config/options.js';
import { CHECK_SCHEMA_VERSION } from './check-result.js';

const figure = z.enum(['sharedDatabaseCoupling', 'multiWriterTables', 'sagaCandidates', 'icp', 'unresolvedImports']);
const figures = z.looseObject({
  sharedDatabaseCoupling: z.number(),
  multiWriterTables: z.number().int(),
  sagaCandidates: z.number().int(),
  icp: z.number(),
  unresolvedImports: z.number().int(),
});

export const checkSchema = z.looseObject({
  schemaVersion: z.literal(CHECK_SCHEMA_VERSION),
  kind: z.literal('carve-check'),
  tool: z.looseObject({ name: z.literal('carve'), version: z.string() }),
  project: z.string(),
  boundariesDeclared: z.boolean(),
  violations: z.array(
    z.looseObject({
      id: z.string().describe('Stable identity: kind, services, subject, source file; no line numbers or counts.'),
      kind: z.enum(VIOLATION_KINDS),
      severity: z.enum(['error', 'warn']),
      from: z.string(),
      to: z.string(),
      file: z.string().describe('Relative POSIX path of the source.'),
      line: z.number().int().min(1),
      message: z.string(),
      status: z.enum(['new', 'known']),
    }),
  ),
  stale: z.array(z.string()).describe('Baseline identities no longer found: the baseline must shrink.'),
  figures,
  figureFindings: z.array(
    z.looseObject({ metric: figure, value: z.number(), limit: z.number(), source: z.enum(['threshold', 'baseline']) }),
  ),
  counts: z.looseObject({ known: z.number().int(), new: z.number().int(), fixed: z.number().int(), warnings: z.number().int() }),
  affected: z.looseObject({ rev: z.string(), changedFiles: z.number().int(), hiddenViolations: z.number().int() }).optional(),
  baseline: z.looseObject({ file: z.string(), found: z.boolean() }),
  coverage: z.looseObject({
    unassignedFiles: z.number().int(),
    unownedTables: z.array(z.string()),
    inferredOwners: z.array(z.looseObject({ table: z.string(), owner: z.string() })),
  }),
  map: z.looseObject({
    source: z.enum(['boundaries', 'proposal']),
    services: z.array(z.looseObject({ name: z.string(), files: z.number().int(), tables: z.array(z.string()) })),
    dependencies: z.array(
      z.looseObject({
        from: z.string(),
        to: z.string(),
        weight: z.number(),
        tables: z.array(z.string()),
        declared: z.boolean().optional(),
      }),
    ),
    sharedTables: z.array(z.looseObject({ table: z.string(), owner: z.string().nullable(), services: z.array(z.string()) })),
  }),
  passed: z.boolean(),
});
