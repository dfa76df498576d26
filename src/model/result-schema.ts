/**
 * The published JSON Schema of analysis.json, as zod. Written by
 * `scripts/write-schemas.mjs` to `schema/analysis.schema.json`; a test checks
 * every fixture's result against it. Objects are open (`looseObject`) so a
 * newer carve can add fields without breaking older readers.
 */
import { z } from 'zod';
import { EDGE_KINDS } from './result.js';

const entryPoint = z.looseObject({
  kind: z.enum(['http', 'message', 'event', 'queue', 'cron']),
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
  schemaVersion: z.literal(1),
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
  unresolvedImports: z.array(z.looseObject({ from: z.string(), specifier: z.string(), line: z.number().int() })),
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
    z.looseObject({ unit: z.string(), symbol: z.string(), line: z.number().int(), orm: z.string(), reason: z.string() }),
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
  problems: z.array(z.looseObject({ path: z.string(), source: z.string(), message: z.string() })),
  decomposition: z
    .looseObject({
      services: z.array(z.looseObject({ name: z.string(), units: z.array(z.string()), tables: z.array(z.string()) })),
      verdict: z.looseObject({ kind: z.enum(['split', 'modular-monolith', 'dont-split']), reasons: z.array(z.string()) }),
      metrics: metrics.optional(),
    })
    .optional(),
});
