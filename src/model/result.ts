/**
 * The analysis result: the one artifact every reporter reads (`analysis.json`).
 * Field names marked STABLE are read by tooling around carve; do not rename them.
 */
import type { EntryPoint } from '../extract/file-facts.js';
import type { Decomposition } from './decomposition.js';

export type { EntryPoint } from '../extract/file-facts.js';

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

export interface UnresolvedAccess {
  unit: string;
  symbol: string;
  line: number;
  orm: string;
  /** Short stable code, e.g. `dynamic-table-name`, `unknown-entity`. */
  reason: string;
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
  schemaVersion: number;
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
  problems: Problem[];
  decomposition?: Decomposition; // STABLE: .services, .verdict
}
