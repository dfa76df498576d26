/**
 * The result of `carve check`: violations of the declared boundaries, the
 * guarded figures, and how both compare with the committed baseline. The
 * check reporters (src/report/check-*.ts) read only this.
 */
import type { ViolationKind } from '../config/options.js';

export type { ViolationKind } from '../config/options.js';

/** Version of the `carve check --format json` document (schema/check.schema.json). */
export const CHECK_SCHEMA_VERSION = 1;

export type Severity = 'error' | 'warn';

export interface Violation {
  /** Stable across unrelated edits: no line numbers, no counts. */
  id: string;
  kind: ViolationKind;
  severity: Severity;
  /** Service the offending code (or table) belongs to. */
  from: string;
  /** Service whose boundary it crosses (a cycle: the services joined by `→`). */
  to: string;
  /** Source of the violation, relative POSIX path. */
  file: string;
  line: number;
  message: string;
  /** Against the baseline: `known` passes, `new` fails (errors only). */
  status: 'new' | 'known';
}

export type GuardedFigure = 'sharedDatabaseCoupling' | 'multiWriterTables' | 'sagaCandidates' | 'icp' | 'unresolvedImports';

export interface FigureFinding {
  metric: GuardedFigure;
  value: number;
  limit: number;
  source: 'threshold' | 'baseline';
}

/** A service of the decomposition that is checked or exported: declared boundaries, else carve's proposal. */
export interface MapService {
  name: string;
  files: number;
  tables: string[];
}

export interface MapDependency {
  from: string;
  to: string;
  /** Code dependency weight (imports, injections) from `from` into `to`. */
  weight: number;
  /** Tables of `to` that `from` reads or writes directly. */
  tables: string[];
  /** Declared: `to` is in the `dependsOn` of `from`. */
  declared?: boolean;
}

export interface ServiceMap {
  source: 'boundaries' | 'proposal';
  services: MapService[];
  dependencies: MapDependency[];
  /** Tables touched by more than one service, with the services touching them. */
  sharedTables: { table: string; owner: string | null; services: string[] }[];
}

export interface CheckCoverage {
  /** Files in no declared boundary and not shared: carve checks nothing for them. */
  unassignedFiles: number;
  /** Tables with no owner (none declared, none inferable): their access is not checked. */
  unownedTables: string[];
  /** Tables whose owner carve inferred (declaring file, else most writes) rather than read from `tables`. */
  inferredOwners: { table: string; owner: string }[];
}

export interface CheckReport {
  schemaVersion: number;
  kind: 'carve-check';
  tool: { name: 'carve'; version: string };
  project: string;
  /** False when the config declares no boundaries: only the figures are guarded. */
  boundariesDeclared: boolean;
  /** Sorted by file, line, id. */
  violations: Violation[];
  /** Listed in the baseline, no longer found: the baseline must shrink. */
  stale: string[];
  figures: Record<GuardedFigure, number>;
  figureFindings: FigureFinding[];
  counts: { known: number; new: number; fixed: number; warnings: number };
  /** `--affected <rev>`: only violations whose source changed since `rev` are listed. */
  affected?: { rev: string; changedFiles: number; hiddenViolations: number };
  baseline: { file: string; found: boolean };
  coverage: CheckCoverage;
  map: ServiceMap;
  passed: boolean;
}

/** One line of carve-history.jsonl. */
export interface HistoryEntry {
  commit: string | null;
  date: string;
  figures: Record<GuardedFigure, number>;
  violations: { errors: number; warnings: number };
}

/** `carve export --format json`: the decomposition with its files, as `carve init --boundaries --from` reads it. */
export interface DecompositionExport {
  kind: 'carve-decomposition';
  version: 1;
  source: ServiceMap['source'];
  services: { name: string; units: string[]; tables: string[] }[];
  shared: string[];
  dependencies: MapDependency[];
  sharedTables: ServiceMap['sharedTables'];
}
