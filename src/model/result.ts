/**
 * The analysis result: the one artifact every reporter reads (`analysis.json`).
 * Field names marked STABLE are read by tooling around carve; do not rename them.
 */
import type { EntryPoint } from './entry-point.js';
import type { Decomposition } from './decomposition.js';

export type { EntryPoint } from './entry-point.js';

export const SCHEMA_VERSION = 1;

export type EdgeKind = 'import' | 'type-only' | 'dynamic' | 'require' | 're-export' | 'di';
export const EDGE_KINDS: readonly EdgeKind[] = ['import', 'type-only', 'dynamic', 'require', 're-export', 'di'];

export interface Unit {
  id: string; // STABLE: relative POSIX path
  folder: string;
  lines: number;
  /** Role tags: controller, service, repository, entity, module, dto, config, … */
  tags: string[];
  entryPoints: EntryPoint[];
  /** Workspace package the file belongs to, when the repo has several. */
  workspace?: string;
  parseErrors?: number;
}

export interface Edge {
  from: string; // STABLE: unit id
  to: string; // STABLE: unit id
  kind: EdgeKind; // STABLE
  weight: number; // STABLE
  /** Distinct symbols used through this edge, sorted. */
  symbols: string[];
  /** Line of the (first) import in `from` that makes this edge; absent for dependency injection. */
  line?: number;
}

export interface SkippedFile {
  path: string; // STABLE
  reason: string; // STABLE
}

export interface UnresolvedImport {
  from: string;
  specifier: string;
  line: number;
  /** Why, when carve can tell (a missing tsconfig base, a workspace package without source). */
  hint?: string;
}

export interface Summary {
  files: number; // STABLE
  lines: number;
  skipped: SkippedFile[]; // STABLE
  parseErrors: { path: string; diagnostics: number }[];
  edgesByKind: Record<EdgeKind, number>;
  unresolvedImports: number;
  /** Imports of non-code files (styles, templates, JSON): not linked, not unresolved. */
  assetImports: number;
  externalPackages: string[];
  tsconfigs: string[];
  workspaces: { name: string; path: string }[];
  entryPoints: number;
  /** Consumers whose topic is a constant carve could not follow to its string (kept as written). */
  unresolvedTopics?: number;
}

export type AccessMode = 'read' | 'write';

export interface Table {
  id: string; // STABLE: `${store}:${name}`
  store: string; // STABLE
  name: string; // STABLE
  orm: string;
  entity?: string;
  declaredIn?: string; // `file:line`
  columns?: string[];
}

export interface Relation {
  from: string; // table id holding the reference
  to: string; // table id referenced
  kind: 'many-to-one' | 'one-to-one' | 'one-to-many' | 'many-to-many' | 'foreign-key' | 'ref';
  field?: string;
  declaredIn?: string;
  orm: string;
}

export interface Access {
  unit: string; // STABLE: unit id
  symbol: string; // STABLE: `Class.method`, `fn`, `<module>`
  table: string; // STABLE: table id
  mode: AccessMode; // STABLE
  count: number;
  lines: number[];
  orm: string;
  /** What performs it: `prisma.order.create`, or for propagated access `OrderRepository.save`. */
  via: string;
  /** True when inherited from a callee (repository method) rather than performed here. */
  propagated: boolean;
}

/**
 * Why carve saw a data access but could not name its table: the closed set of
 * codes (STABLE; the README's result section says what each means).
 */
export const UNRESOLVED_REASONS = [
  'ambiguous-store', // the model exists in more than one store and the client does not say which
  'dynamic-model', // the model or entity is chosen at run time (`models[name]`, a parameter)
  'dynamic-sql', // the SQL text is built at run time and could not be followed
  'dynamic-table-name', // a table name is interpolated from something that is not a constant
  'generic-model', // a generic repository or base class whose model no subclass binds
  'no-table', // a write statement or chain that names no table
  'dynamic-sql', // a query call whose SQL argument is not text carve can read
  'raw-command', // a raw database command (`$runCommandRaw`) that names no table
  'typed-sql', // Prisma TypedSQL: the statement lives in a .sql file facts do not carry
  'unknown-model', // a model or entity name that no schema declares
  'unknown-table', // raw SQL naming a table no adapter declares
  'unparsable-sql', // SQL that could not be parsed, even tolerantly
] as const;

export type UnresolvedReason = (typeof UNRESOLVED_REASONS)[number];

export interface UnresolvedAccess {
  unit: string;
  symbol: string;
  line: number;
  orm: string;
  reason: UnresolvedReason; // STABLE
  detail?: string;
}

export interface Transaction {
  id: string; // `file:line`
  unit: string;
  symbol: string;
  line: number;
  orm: string;
  kind: string; // e.g. `prisma.$transaction`, `typeorm.transaction`
  tables: { table: string; mode: AccessMode; propagated: boolean }[];
}

export interface AdapterUse {
  name: string;
  /** Why it is on: packages found, schema files found. */
  enabledBy: string[];
  tables: number;
  accesses: number;
  unresolved: number;
}

export interface Problem {
  path: string;
  line?: number;
  source: string; // `prisma-schema`, `sql`, `config`, …
  message: string;
}

export type DeployableKind = 'service' | 'worker' | 'client' | 'cli';

/** Something the repository deploys on its own: a back-end service, a worker, a client app, a CLI. */
export interface Deployable {
  /** Package name without scope, else the folder name; unique. */
  name: string;
  /** Folder, relative POSIX (`.` for the analysed root). */
  root: string;
  kind: DeployableKind;
  /** Why it is one: `package.json scripts.start`, `Dockerfile`, `NestFactory.create in src/main.ts:5`, … (sorted). */
  evidence: string[];
  /** Analysed files under its root. */
  units: number;
  /** Stores (databases) its code accesses directly, sorted. */
  stores: string[];
  /** Tables its code accesses directly, sorted. */
  tables: string[];
  /** Workspace libraries its code imports, by library name, sorted. */
  libraries: string[];
  /** Message and event topics its handlers consume, sorted. */
  topics: string[];
}

/** Code outside every deployable that deployables import: a workspace or monorepo library. */
export interface Library {
  name: string;
  root: string;
  units: number;
  /** Deployables whose code imports it, sorted. */
  usedBy: string[];
  /** Tables its own code accesses (a library that does data access carries domain logic), sorted. */
  tables: string[];
}

export interface FlowSite {
  unit: string;
  symbol: string;
  line: number;
}

/** A topic (queue, subject, event, socket message) with the units that send and receive it. */
export interface Flow {
  topic: string; // STABLE
  transport: string; // STABLE: nats, kafka, rabbitmq, bullmq, bull, sqs, sns, redis, nest-microservices, event-emitter, websocket
  producers: string[]; // STABLE: unit ids, sorted
  consumers: string[]; // STABLE: unit ids, sorted
  /** Each send and each handler, `unit` + `symbol` + `line`: the evidence. */
  sites: { producers: FlowSite[]; consumers: FlowSite[] };
}

export interface AnalysisResult {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: { name: 'carve'; version: string };
  /** sha256 of the effective config (only keys that change the result). */
  configHash: string;
  /** Name of the analysed root folder (never an absolute path). */
  project: string;
  summary: Summary;
  units: Unit[]; // STABLE
  edges: Edge[]; // STABLE
  unresolvedImports: UnresolvedImport[];
  tables: Table[]; // STABLE
  relations: Relation[];
  accesses: Access[]; // STABLE
  unresolvedAccesses: UnresolvedAccess[];
  transactions: Transaction[];
  /** Message flows: who publishes and who consumes each topic. */
  flows: Flow[];
  adapters: AdapterUse[];
  /** Absent only in results written before carve measured it. */
  accessCoverage?: AccessCoverage;
  problems: Problem[];
  /** The as-is topology: what the repository already deploys separately (empty for a single deployable with no evidence). */
  deployables?: Deployable[];
  libraries?: Library[];
  decomposition?: Decomposition; // STABLE: .services, .verdict
}

/** How much of the code that uses a database carve could read: files with an access or an unresolved site over files that use the client. */
export interface CoverageFigure {
  /** Files that use the ORM or driver: import it, or receive its client through a project type (`type Db = Knex`, `class X extends Repository<Y>`). */
  files: number;
  /** Of those, files where carve read an access (direct or propagated) or recorded an unresolved site. */
  read: number;
  /** read / files, rounded to 3 decimals; 1 when no file uses a client. */
  share: number;
}

/** A file that uses a database client and in which carve read nothing: a blind spot, not a file without data access. */
export interface BlindFile {
  unit: string;
  orm: string;
  store: string;
  reason: 'no-access-read';
  /** What makes it a client file: `imports knex`, `uses Db (src/lib/db.ts)`. */
  detail: string;
}

export interface AccessCoverage extends CoverageFigure {
  /** Under half of the files that use a client were read (overall or in a store with enough of them): the data figures are incomplete. */
  low: boolean;
  byAdapter: (CoverageFigure & { name: string })[];
  byStore: (CoverageFigure & { store: string })[];
  blind: BlindFile[];
}
