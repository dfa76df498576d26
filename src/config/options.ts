/**
 * The one table of carve's options. Each config key says its schema, its
 * default, and its CLI flag (or `null` when it is config-file only). The zod
 * schema, `schema/carve.config.schema.json`, the CLI flags and their help all
 * derive from it, so a key without a flag decision is a compile error.
 */
import { z } from 'zod';

/**
 * Upper bounds that keep every figure finite: edge weights are summed and
 * multiplied, so a weight of 1e308 would overflow to Infinity and NaN.
 */
export const LIMITS = {
  weight: 1000,
  resolution: 100,
  services: 10_000,
  maxFileSize: 256 * 1024 * 1024,
  workers: 64,
} as const;

const weight = z.number().min(0).max(LIMITS.weight);
const edgeWeights = z
  .object({
    import: weight,
    typeOnly: weight,
    dynamic: weight,
    require: weight,
    reExport: weight,
    di: weight,
    read: weight,
    write: weight,
    coAccess: weight,
    transaction: weight,
    entryPoint: weight,
    nameStem: weight,
  })
  .partial()
  .strict();

const thresholds = z
  .object({
    sharedDatabaseCoupling: z.number().min(0).max(1),
    multiWriterTables: z.number().int().min(0),
    sagaCandidates: z.number().int().min(0),
    icp: z.number().min(0).max(1),
    unresolvedImports: z.number().int().min(0),
  })
  .partial()
  .strict();

/** A declared service: its files, and optionally its tables, public files and allowed dependencies. */
const boundary = z.union([
  z.array(z.string()).min(1),
  z
    .object({
      paths: z.array(z.string()).min(1).describe('Globs of the files the service holds.'),
      tables: z.array(z.string()).optional().describe('Tables it owns: `name`, `store:name`.'),
      api: z.array(z.string()).optional().describe('Globs of its public files; other services may import only these (default: all).'),
      dependsOn: z.array(z.string()).optional().describe('Services it may depend on (default: any).'),
      deprecated: z.array(z.string()).optional().describe('Dependencies still allowed but on their way out: reported as warnings.'),
    })
    .strict(),
]);

export const VIOLATION_KINDS = [
  'api-import',
  'undeclared-dependency',
  'service-cycle',
  'table-read',
  'table-write',
  'foreign-key',
  'cross-service-transaction',
  'deprecated-dependency',
] as const;
export type ViolationKind = (typeof VIOLATION_KINDS)[number];

const level = z.enum(['error', 'warn', 'off']);
const severities = z.partialRecord(z.enum(VIOLATION_KINDS), level);

const boundaryRules = z
  .object({
    severity: severities.optional().describe('Severity per violation kind: error (fails), warn (reported), off.'),
    pairs: z
      .record(z.string(), severities)
      .optional()
      .describe('Per pair of services, `from→to` (or `from->to`): severities that override `severity`.'),
    allow: z
      .array(z.string())
      .optional()
      .describe(
        'Allowed exceptions: "shipping may read orders.orders", "… may write …", "… may import <glob>", "… may depend on <service>", "… may reference <table>", "… may transact with <service>".',
      ),
  })
  .strict();

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    include: z.array(z.string()).describe('Globs of files to analyse (default: what tsconfig includes).'),
    exclude: z.array(z.string()).describe('Globs of files to leave out, on top of the defaults.'),
    includeTests: z.boolean().describe('Analyse test files (*.spec.ts, *.test.ts, __tests__/, test/, e2e/).'),
    maxFileSize: z.number().int().positive().max(LIMITS.maxFileSize).describe('Files larger than this many bytes are skipped.'),
    out: z.string().min(1).describe('Folder for analysis.json and index.html.'),
    cache: z.boolean().describe('Cache per-file facts in the cache folder (--no-cache: parse every file, read and write no cache).'),
    cacheDir: z
      .string()
      .min(1)
      .optional()
      .describe('Cache folder (default: $XDG_CACHE_HOME/carve or ~/.cache/carve); never inside the analysed tree.'),
    workers: z
      .union([z.number().int().min(0).max(LIMITS.workers), z.literal('auto')])
      .describe(
        `Worker threads for parsing: a number (0 = none, at most ${LIMITS.workers}; more than the cores is cut to the cores) or 'auto' (from 4 cores up).`,
      ),
    granularity: z
      .enum(['auto', 'file', 'folder'])
      .describe('Cluster files, whole folders, or (auto) module folders where the code is organised in modules, else files.'),
    services: z.number().int().min(1).max(LIMITS.services).optional().describe('Target number of services.'),
    seed: z.number().int().describe('Seed of the clustering RNG.'),
    resolution: z.number().positive().max(LIMITS.resolution).optional().describe('Louvain resolution (default: chosen by carve).'),
    minServiceSize: z.number().int().min(1).describe('Smallest service, in units, before it is merged into its neighbour.'),
    weights: edgeWeights.describe('Edge weights of the decomposition graph, by kind.'),
    shared: z.array(z.string()).describe('Globs of files that are shared kernel / platform, kept out of services.'),
    pins: z.record(z.string(), z.array(z.string())).describe('Service name → globs of files or table ids (`store:name`) pinned to it.'),
    apart: z.array(z.tuple([z.string(), z.string()])).describe('Pairs of globs / table ids that must land in different services.'),
    thresholds: thresholds.describe('CI limits; exceeding any exits with 1.'),
    baseline: z
      .string()
      .optional()
      .describe('carve check: the carve-baseline.json (default: at the analysed root). carve analyze: a previous analysis.json.'),
    boundaries: z
      .record(z.string(), boundary)
      .describe('Declared services for carve check: name → globs, or { paths, tables, api, dependsOn, deprecated }.'),
    boundaryRules: boundaryRules.describe('carve check: severities per violation kind and per pair, and allowed exceptions.'),
  })
  .strict();

export type CarveConfig = z.infer<typeof configSchema>;
export type ConfigKey = Exclude<keyof CarveConfig, '$schema'>;

export const defaults: Omit<CarveConfig, '$schema' | 'services' | 'resolution' | 'baseline' | 'cacheDir'> = {
  include: [],
  exclude: [],
  includeTests: false,
  maxFileSize: 3_000_000,
  out: 'carve-report',
  cache: true,
  workers: 'auto',
  granularity: 'file',
  seed: 42,
  minServiceSize: 3,
  weights: {},
  shared: [],
  pins: {},
  apart: [],
  thresholds: {},
  boundaries: {},
  boundaryRules: {},
};

export interface FlagSpec {
  /** commander flag syntax, e.g. `--services <n>`. */
  flag: string;
  parse?: (raw: string) => unknown;
  /** Help text when the key's description does not fit the flag (a `--no-` flag says what turning it off does). */
  help?: string;
}

// Number('') and Number(' ') are 0: an empty value must not become a silent zero.
const int = (raw: string): number => {
  const n = raw.trim() ? Number(raw) : NaN;
  if (!Number.isInteger(n)) throw new Error(`expected an integer, got "${raw}"`);
  return n;
};
const num = (raw: string): number => {
  const n = raw.trim() ? Number(raw) : NaN;
  if (!Number.isFinite(n)) throw new Error(`expected a number, got "${raw}"`);
  return n;
};
const list = (raw: string): string[] =>
  raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Every config key must decide its flag: a compile error otherwise. */
export const flags: Record<ConfigKey, FlagSpec | null> = {
  include: { flag: '--include <globs>', parse: list },
  exclude: { flag: '--exclude <globs>', parse: list },
  includeTests: { flag: '--include-tests' },
  maxFileSize: { flag: '--max-file-size <bytes>', parse: int },
  out: { flag: '--out <dir>' },
  cache: { flag: '--no-cache', help: 'do not read or write the per-file facts cache (parse every file afresh)' },
  cacheDir: { flag: '--cache-dir <dir>' },
  workers: { flag: '--workers <n|auto>', parse: (raw) => (raw === 'auto' ? raw : int(raw)) },
  granularity: { flag: '--granularity <auto|file|folder>' },
  services: { flag: '--services <n>', parse: int },
  seed: { flag: '--seed <n>', parse: int },
  resolution: { flag: '--resolution <r>', parse: num },
  minServiceSize: { flag: '--min-service-size <n>', parse: int },
  weights: null,
  shared: { flag: '--shared <globs>', parse: list },
  pins: null,
  apart: null,
  thresholds: null,
  baseline: { flag: '--baseline <file>' },
  boundaries: null,
  boundaryRules: null,
};

/**
 * Keys that name a path carve writes or reads beyond the analysed code. From a
 * config file found in the analysed tree (untrusted) they must stay under the
 * folder carve runs in; only flags and an explicit `--config` may point elsewhere.
 */
export const pathKeys: readonly ConfigKey[] = ['out', 'baseline'];

/** Keys that do not change the analysis result (left out of the config hash). */
export const presentationKeys: readonly ConfigKey[] = [
  'out',
  'cache',
  'cacheDir',
  'workers',
  'thresholds',
  'baseline',
  'boundaries',
  'boundaryRules',
];
