/**
 * The decomposition part of the analysis result. The cluster and score stages
 * fill it; reporters and the browser report read it.
 * Owned by the decomposition work (graph/, cluster/, score/); extend freely,
 * but keep the STABLE names.
 *
 * Everything below `services` and `verdict` can be recomputed for any edited
 * assignment by `scoreDecomposition` / `planDecomposition` in
 * `src/score/score-decomposition.ts` (browser-safe).
 */
export type VerdictKind = 'split' | 'modular-monolith' | 'dont-split' | 'already-distributed';

export interface Service {
  name: string; // STABLE
  units: string[]; // STABLE: unit ids, sorted
  tables: string[]; // STABLE: table ids owned, sorted
  /** True when `config.pins` named this service. */
  pinned?: boolean;
}

export interface Verdict {
  kind: VerdictKind;
  reasons: string[];
}

/** A unit set aside as shared kernel / platform, with why. */
export interface SharedUnit {
  unit: string;
  reasons: string[];
  /** In an already-split repository: the library (workspace package, `libs/<name>`) the unit belongs to. */
  library?: string;
}

/** The partition carve (or a user) proposes: what the scores are computed for. */
export interface Assignment {
  services: { name: string; units: string[]; tables: string[] }[];
  /** Unit ids (and table ids) kept out of every service: the platform group. */
  shared: string[];
}

export interface ApiSymbol {
  unit: string;
  symbol: string;
  /** Services that use it, sorted. */
  consumers: string[];
}

export interface ServiceMetrics {
  name: string;
  files: number;
  lines: number;
  tablesOwned: string[];
  /** Tables owned by another service that this one reads or writes. */
  foreignTables: string[];
  /** Tables it touches that at least one other service touches too. */
  sharedTables: string[];
  /** Share of the tables it touches that no other service touches (1 when it touches none). */
  exclusivity: number;
  entryPoints: number;
  /** `METHOD /path` or `kind topic` of its entry points, sorted. */
  routes: string[];
  /** Exported symbols other services use today. */
  api: ApiSymbol[];
  apiSize: number;
  /** Dependency weight from other services into this one / from this one out. */
  inWeight: number;
  outWeight: number;
  /** Internal weight / (internal + boundary weight), in [0, 1]. */
  cohesion: number;
}

export interface TableUsage {
  table: string;
  owner: string | null;
  /** Services that read / write it, directly or through a repository (propagated). */
  readers: string[];
  writers: string[];
  /** Of those, the ones that reach it only through other code (a repository, a data-access library). */
  propagatedReaders: string[];
  propagatedWriters: string[];
  /** Touched by more than one service. */
  shared: boolean;
  /** Written by more than one service: the worst case. */
  multiWriter: boolean;
  /** Touched by at least half of the services (and by 3 or more): a finding, not hidden. */
  hot: boolean;
  /** Normalised ownership entropy in [0, 1]: 0 = one service, 1 = evenly spread. */
  entropy: number;
}

export interface CrossServiceRelation {
  from: string;
  to: string;
  fromService: string;
  toService: string;
  kind: string;
  field?: string;
}

export interface SagaStep {
  table: string;
  mode: 'read' | 'write';
  service: string | null;
}

export interface SagaCandidate {
  transaction: string; // transaction id, `file:line`
  unit: string;
  symbol: string;
  kind: string;
  services: string[];
  steps: SagaStep[];
}

export interface SharedDatabaseMetrics {
  tables: TableUsage[];
  sharedTables: string[];
  multiWriterTables: string[];
  hotTables: string[];
  /** Access-weighted mean of the tables' normalised ownership entropy. */
  ownershipEntropy: number;
  crossServiceRelations: CrossServiceRelation[];
  /** Distinct table pairs joined by a foreign key, and those whose tables have different owners. */
  foreignKeys: number;
  crossServiceForeignKeys: number;
  sagaCandidates: SagaCandidate[];
  /** Shared-database coupling in [0, 1]: weighted share of data access and foreign keys that cross ownership. */
  score: number;
  /** How much of the code using a database carve read; `low` means the figures above are incomplete. */
  coverage?: DataCoverage;
}

export interface DataCoverage {
  files: number;
  read: number;
  share: number;
  low: boolean;
}

export interface DecompositionMetrics {
  services: number;
  sharedUnits: number;
  /** Newman modularity of the service partition on the decomposition graph. */
  modularity: number;
  structuralModularity: number;
  /** Inter-call percentage: share of code dependency weight crossing services. */
  icp: number;
  /** Interface number: mean count of symbols a service exposes to others. */
  ifn: number;
  /** Non-extreme distribution: share of units in services of extreme size (lower is better). */
  ned: number;
  /** 1 − Gini of service sizes: 1 = equal sizes. */
  sizeBalance: number;
  sharedDatabaseCoupling: number;
  perService: ServiceMetrics[];
  sharedDatabase: SharedDatabaseMetrics;
}

export type IntegrationKind =
  'command-saga' | 'read-model' | 'sync-api' | 'event' | 'anti-corruption-layer' | 'message' | 'shared-contract';

/** How one service would talk to another after the split: one kind per (from, to) pair. */
export interface IntegrationAdvice {
  from: string;
  to: string;
  kind: IntegrationKind;
  why: string;
  /** What to build. */
  advice: string;
  givesUp: string;
  symbols: string[];
  tables: string[];
  /** `transport topic` of messages that already cross. */
  topics: string[];
  /** Number of crossings (import lines, access sites, message sites, transactions). */
  crossings: number;
  /** `file:line` of the crossings, sorted, at most 25. */
  evidence: string[];
  weight: number;
}

export interface SagaPlanStep {
  order: number;
  service: string;
  unit: string;
  line: number;
  table?: string;
  /** `transport topic` of the message that triggers a choreography step. */
  topic?: string;
  action: string;
  compensation: string;
}

/** A use case that writes tables of several services (orchestration), or a chain of messages across services (choreography). */
export interface SagaPlan {
  kind: 'orchestration' | 'choreography';
  /** `unit#symbol` of the entry point (orchestration) or the unit that starts the chain (choreography). */
  entry: string;
  /** The route or topic that starts it. */
  trigger: string;
  /** The service that would orchestrate it; null for a choreography. */
  coordinator: string | null;
  services: string[];
  steps: SagaPlanStep[];
}

export interface ServiceContract {
  service: string;
  /** Consumer-driven contract tests to write before extracting it. */
  tests: { subject: string; consumers: string[] }[];
}

export interface MigrationStep {
  order: number;
  /** `merge` a trivial fragment into a neighbour, `fix` hot spots inside the monolith, `extract` a service. */
  kind: 'merge' | 'fix' | 'extract';
  service: string;
  why: string;
  mergeInto?: string;
  hotSpots?: string[];
  inboundWeight: number;
  sharedTables: number;
  /** See `src/score/migration-plan.ts` (docs/metrics.md, section 7). */
  effort: number;
  /** Cross-service foreign keys to cut, `from → to (field)`. */
  foreignKeys: string[];
  handOverTables: string[];
  replicateTables: string[];
  sagas: string[];
  /** Contract subjects (API symbols, routes) to cover with consumer-driven tests first. */
  contracts: string[];
  replaceImports: { from: string; to: string; symbols: string[] }[];
}

export interface ResolutionAlternative {
  resolution: number;
  services: number;
  modularity: number;
}

/** A front end or CLI the repository deploys: a client of the services, never one of them. */
export interface ClientApp {
  name: string;
  root: string;
  units: string[];
}

export interface ClusteringInfo {
  /** `deployable`: an already-split repository, its deployables kept as they are. */
  granularity: 'file' | 'folder' | 'deployable';
  seed: number;
  resolution: number;
  criterion: string;
  alternatives: ResolutionAlternative[];
  requestedServices?: number;
  /** Seed-to-seed stability: the choice run for consecutive seeds, the medoid partition kept. */
  stability?: SeedStability;
}

export interface SeedStability {
  seeds: number[];
  /** Services each seed's choice gave, in `seeds` order. */
  services: number[];
  /** Seed whose partition is proposed (the medoid: highest mean ARI to the others). */
  chosenSeed: number;
  /** Mean and lowest pairwise adjusted Rand index between the seeds' partitions (1 = identical). */
  meanAri: number;
  minAri: number;
}

export interface Decomposition {
  services: Service[]; // STABLE
  verdict: Verdict; // STABLE
  shared?: SharedUnit[];
  /** Client apps (front ends, CLIs), kept out of the services. */
  clients?: ClientApp[];
  metrics?: DecompositionMetrics;
  integration?: IntegrationAdvice[];
  contracts?: ServiceContract[];
  sagas?: SagaPlan[];
  migration?: MigrationStep[];
  clustering?: ClusteringInfo;
}
