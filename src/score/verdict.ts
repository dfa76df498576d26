/**
 * The verdict: split, modular monolith first, or don't split — with the
 * numbers behind it. Microservices buy independent deployment and scaling at
 * the price of a network, distributed data and operations; the thresholds
 * below say when that price is not worth paying (docs/metrics.md).
 */
import type { DecompositionMetrics, ResolutionAlternative, Verdict } from '../model/decomposition.js';

export const VERDICT_THRESHOLDS = {
  /** Below this many files (or lines) nothing pays for a second deployable. */
  tooSmallFiles: 20,
  tooSmallLines: 800,
  /** Below this many files one team owns the code: modules first. */
  smallFiles: 150,
  /** Services averaging fewer lines than this are nanoservices: each costs a deployable for little code. */
  nanoServiceLines: 1500,
  /** This share of dependency weight crossing services or more: they would call each other constantly. */
  chattyIcp: 0.3,
  /** This share of the files or more in the shared kernel: every service would depend on one big shared library. */
  sharedKernelShare: 0.3,
  /** Modularity below this at every resolution: no boundaries to cut along. */
  noBoundaries: 0.3,
  /** Modularity below this: boundaries exist but are weak. */
  weakBoundaries: 0.45,
  /** Shared-database coupling at or above this: one shared database core. */
  sharedCore: 0.3,
  /** This share of accessed tables (and at least 2) written by several services. */
  multiWriterShare: 0.2,
  /** This many foreign keys across services (and this share of all of them) or more: the schema does not divide yet. */
  crossForeignKeys: 3,
  crossForeignKeyShare: 0.2,
} as const;

export interface VerdictInput {
  files: number;
  lines: number;
  metrics: DecompositionMetrics;
  alternatives: readonly ResolutionAlternative[];
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const fix = (x: number): string => x.toFixed(2);

export function decideVerdict({ files, lines, metrics, alternatives }: VerdictInput, t = VERDICT_THRESHOLDS): Verdict {
  const db = metrics.sharedDatabase;
  const accessed = db.tables.filter((x) => x.readers.length + x.writers.length > 0).length;
  const bestQ = Math.max(metrics.modularity, ...alternatives.map((a) => a.modularity));
  const k = metrics.services;

  const stop: string[] = [];
  if (k < 2) stop.push(`one cohesive component: no boundary found that is worth a network hop (${k} service${k === 1 ? '' : 's'})`);
  if (files < t.tooSmallFiles || lines < t.tooSmallLines) {
    stop.push(`too small to pay for the operational cost of several deployables: ${files} files, ${lines} lines`);
  }
  if (k >= 2 && bestQ < t.noBoundaries) {
    stop.push(`no clear boundaries: modularity at most ${fix(bestQ)} at every resolution scanned (below ${t.noBoundaries})`);
  }
  if (stop.length > 0) return { kind: 'dont-split', reasons: stop };

  const caution: string[] = [];
  if (files < t.smallFiles) {
    caution.push(`small for microservices: ${files} files, ${lines} lines — one team can own it; separate modules in one deployable first`);
  }
  if (k >= 2 && lines / k < t.nanoServiceLines) {
    caution.push(
      `too fine-grained: ${k} services average ${Math.round(lines / k)} lines (below ${t.nanoServiceLines}) — group them into fewer, larger modules first`,
    );
  }
  if (files > 0 && metrics.sharedUnits / files >= t.sharedKernelShare) {
    caution.push(
      `a large shared kernel: ${metrics.sharedUnits} of ${files} files (${pct(metrics.sharedUnits / files)}) are used across services — split or version it before extracting services`,
    );
  }
  if (k >= 2 && metrics.icp >= t.chattyIcp) {
    caution.push(
      `chatty boundaries: ${pct(metrics.icp)} of dependency weight crosses services (ICP ${fix(metrics.icp)}, at or above ${t.chattyIcp})`,
    );
  }
  if (metrics.modularity < t.weakBoundaries)
    caution.push(`weak boundaries: modularity ${fix(metrics.modularity)} (below ${t.weakBoundaries})`);
  if (db.score >= t.sharedCore) {
    caution.push(
      `the database is one shared core: ${pct(db.score)} of data access crosses table ownership (shared-database coupling ${fix(db.score)})`,
    );
  }
  const multi = db.multiWriterTables.length;
  if (multi >= 2 && multi >= t.multiWriterShare * accessed) {
    caution.push(`${multi} of ${accessed} tables are written by several services (${db.multiWriterTables.join(', ')})`);
  }
  const fks = db.crossServiceForeignKeys;
  if (fks >= t.crossForeignKeys && fks >= t.crossForeignKeyShare * db.foreignKeys) {
    caution.push(
      `${fks} of ${db.foreignKeys} foreign keys join tables of different services (${pct(fks / db.foreignKeys)}) — each must be cut, or the tables kept together`,
    );
  }
  if (db.hotTables.length > 0) caution.push(`tables used by most services: ${db.hotTables.join(', ')}`);

  const evidence = [
    `${k} services with modularity ${fix(metrics.modularity)}, ICP ${pct(metrics.icp)} of dependency weight crossing services`,
    `shared-database coupling ${fix(db.score)}, ${db.sharedTables.length} shared table${db.sharedTables.length === 1 ? '' : 's'}, ${db.crossServiceForeignKeys} cross-service foreign key${db.crossServiceForeignKeys === 1 ? '' : 's'}, ${db.sagaCandidates.length} saga candidate${db.sagaCandidates.length === 1 ? '' : 's'}`,
  ];
  if (caution.length > 0) return { kind: 'modular-monolith', reasons: [...caution, ...evidence] };
  return { kind: 'split', reasons: [`clear boundaries and a database that divides: ${evidence[0]}`, evidence[1]] };
}
