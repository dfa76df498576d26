/**
 * The published JSON Schema of analysis.json, as zod. Written by
 * `scripts/write-schemas.mjs` to `schema/analysis.schema.json`; a test checks
 * every fixture's result against it. Objects are open (`looseObject`) so a
 * newer carve can add fields without breaking older readers.
 */
import { z } from 'zod';
import { ENTRY_POINT_KINDS } from './entry-point.js';
import { EDGE_KINDS, SCHEMA_VERSION, UNRESOLVED_REASONS, type AnalysisResult } from './result.js';

const entryPoint = z.looseObject({
  kind: z.enum(ENTRY_POINT_KINDS),
  framework: z.string(),
  method: z.string().optional(),
  route: z.string().optional(),
  topic: z.string().optional(),
  transport: z.string().optional(),
  topicRef: z.string().optional(),
  symbol: z.string(),
  line: z.number().int(),
});
const mode = z.enum(['read', 'write']);
const coverageFigure = { files: z.number().int().nonnegative(), read: z.number().int().nonnegative(), share: z.number().min(0).max(1) };
const flowSite = z.looseObject({ unit: z.string(), symbol: z.string(), line: z.number().int() });
// The figures the CI guard and the report's headline read: a finite number each.
const metrics = z.looseObject({
  services: z.number().int(),
  modularity: z.number(),
  icp: z.number(),
  sharedDatabaseCoupling: z.number(),
  perService: z.array(z.looseObject({ name: z.string() })),
  sharedDatabase: z.looseObject({
    tables: z.array(z.looseObject({})),
    multiWriterTables: z.array(z.string()),
    sagaCandidates: z.array(z.looseObject({})),
  }),
});

export const resultSchema = z.looseObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  tool: z.looseObject({ name: z.literal('carve'), version: z.string() }),
  configHash: z.string(),
  project: z.string(),
  summary: z.looseObject({
    files: z.number().int(),
    lines: z.number().int(),
    skipped: z.array(z.looseObject({ path: z.string(), reason: z.string() })),
    parseErrors: z.array(z.looseObject({ path: z.string(), diagnostics: z.number().int() })),
    edgesByKind: z.record(z.string(), z.number().int()),
    unresolvedImports: z.number().int(),
    externalPackages: z.array(z.string()),
  }),
  units: z.array(
    z.looseObject({
      id: z.string(),
      folder: z.string(),
      lines: z.number().int(),
      tags: z.array(z.string()),
      entryPoints: z.array(entryPoint),
    }),
  ),
  edges: z.array(
    z.looseObject({
      from: z.string(),
      to: z.string(),
      kind: z.enum(EDGE_KINDS as [string, ...string[]]),
      weight: z.number().nonnegative(),
      symbols: z.array(z.string()),
    }),
  ),
  unresolvedImports: z.array(
    z.looseObject({ from: z.string(), specifier: z.string(), line: z.number().int(), hint: z.string().optional() }),
  ),
  tables: z.array(z.looseObject({ id: z.string(), store: z.string(), name: z.string(), orm: z.string() })),
  relations: z.array(z.looseObject({ from: z.string(), to: z.string(), kind: z.string(), orm: z.string() })),
  accesses: z.array(
    z.looseObject({
      unit: z.string(),
      symbol: z.string(),
      table: z.string(),
      mode,
      count: z.number().int().positive(),
      lines: z.array(z.number().int()),
      orm: z.string(),
      via: z.string(),
      propagated: z.boolean(),
    }),
  ),
  unresolvedAccesses: z.array(
    z.looseObject({ unit: z.string(), symbol: z.string(), line: z.number().int(), orm: z.string(), reason: z.enum(UNRESOLVED_REASONS) }),
  ),
  transactions: z.array(
    z.looseObject({
      id: z.string(),
      unit: z.string(),
      symbol: z.string(),
      line: z.number().int(),
      orm: z.string(),
      kind: z.string(),
      tables: z.array(z.looseObject({ table: z.string(), mode, propagated: z.boolean() })),
    }),
  ),
  flows: z.array(
    z.looseObject({
      topic: z.string(),
      transport: z.string(),
      producers: z.array(z.string()),
      consumers: z.array(z.string()),
      sites: z.looseObject({ producers: z.array(flowSite), consumers: z.array(flowSite) }),
    }),
  ),
  adapters: z.array(z.looseObject({ name: z.string(), enabledBy: z.array(z.string()) })),
  accessCoverage: z
    .looseObject({
      ...coverageFigure,
      low: z.boolean(),
      byAdapter: z.array(z.looseObject({ name: z.string(), ...coverageFigure })),
      byStore: z.array(z.looseObject({ store: z.string(), ...coverageFigure })),
      blind: z.array(
        z.looseObject({ unit: z.string(), orm: z.string(), store: z.string(), reason: z.literal('no-access-read'), detail: z.string() }),
      ),
    })
    .optional(),
  problems: z.array(z.looseObject({ path: z.string(), source: z.string(), message: z.string() })),
  deployables: z
    .array(
      z.looseObject({
        name: z.string(),
        root: z.string(),
        kind: z.enum(['service', 'worker', 'client', 'cli']),
        evidence: z.array(z.string()),
        units: z.number().int(),
        stores: z.array(z.string()),
        tables: z.array(z.string()),
        libraries: z.array(z.string()),
        topics: z.array(z.string()),
      }),
    )
    .optional(),
  libraries: z
    .array(
      z.looseObject({
        name: z.string(),
        root: z.string(),
        units: z.number().int(),
        usedBy: z.array(z.string()),
        tables: z.array(z.string()),
      }),
    )
    .optional(),
  decomposition: z
    .looseObject({
      services: z.array(z.looseObject({ name: z.string(), units: z.array(z.string()), tables: z.array(z.string()) })),
      verdict: z.looseObject({
        kind: z.enum(['split', 'modular-monolith', 'dont-split', 'already-distributed']),
        reasons: z.array(z.string()),
      }),
      metrics: metrics.optional(),
    })
    .optional(),
});

/** The schema's own fields, without the open objects' index signatures. */
type Declared<T> = T extends readonly (infer U)[]
  ? Declared<U>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : K]: Declared<T[K]> }
    : T;

/** result.ts is the source of truth: a result the schema would reject is a compile error here. */
export const resultFitsSchema = (result: AnalysisResult): Declared<z.output<typeof resultSchema>> => result;
