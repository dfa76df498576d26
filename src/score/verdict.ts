/**
 * The verdict: split, modular monolith first, or don't split — with the
 * numbers behind it. Microservices buy independent deployment and scaling at
 * the price of a network, distributed data and operations; the thresholds
 * below say when that price is not worth paying (docs/metrics.md).
 */
import { blindDataReason } from './data-coverage.js';
import type { DecompositionMetrics, ResolutionAlternative, Verdict } from '../model/decomposition.js';
import type { AnalysisResult } from '../model/result.js';

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
  const blind = blindDataReason(db.coverage);
  if (stop.length > 0) return { kind: 'dont-split', reasons: blind ? [...stop, blind] : stop };

  const caution: string[] = [];
  if (blind) caution.push(blind);
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

/**
 * An already-split repository: the verdict names what exists and the
 * coupling between the deployables — tables several of them use (worst:
 * several write), libraries shared that do data access (domain logic in a
 * shared library), topics consumed by several, and code imported across
 * deployables — not a re-split of their insides.
 */
export function asIsVerdict(result: Pick<AnalysisResult, 'deployables' | 'libraries'>, metrics: DecompositionMetrics): Verdict {
  const deployables = result.deployables ?? [];
  const back = deployables.filter((d) => d.kind === 'service' || d.kind === 'worker');
  const clients = deployables.filter((d) => d.kind === 'client' || d.kind === 'cli');
  const reasons = [
    `already distributed: ${back.length} back-end deployables (${back.map((d) => `${d.name} at ${d.root}`).join(', ')})${clients.length > 0 ? ` and ${clients.length} client app${clients.length === 1 ? '' : 's'} (${clients.map((d) => d.name).join(', ')})` : ''}`,
  ];
  const db = metrics.sharedDatabase;
  if (db.multiWriterTables.length > 0) {
    reasons.push(
      `${db.multiWriterTables.length} table${db.multiWriterTables.length === 1 ? ' is' : 's are'} written by several deployables: ${db.multiWriterTables.join(', ')}`,
    );
  }
  const readOnlyShared = db.sharedTables.filter((t) => !db.multiWriterTables.includes(t));
  if (readOnlyShared.length > 0)
    reasons.push(
      `${readOnlyShared.length} table${readOnlyShared.length === 1 ? ' is' : 's are'} read across deployables: ${readOnlyShared.join(', ')}`,
    );
  for (const lib of result.libraries ?? []) {
    if (lib.usedBy.length < 2) continue;
    reasons.push(
      lib.tables.length > 0
        ? `shared library ${lib.name} (${lib.root}) carries data access to ${lib.tables.length} table${lib.tables.length === 1 ? '' : 's'} and is used by ${lib.usedBy.join(', ')}: domain logic shared across deployables`
        : `shared library ${lib.name} (${lib.root}) is used by ${lib.usedBy.join(', ')}`,
    );
  }
  const topicUsers = new Map<string, string[]>();
  for (const d of back) for (const t of d.topics) topicUsers.set(t, [...(topicUsers.get(t) ?? []), d.name]);
  const sharedTopics = [...topicUsers]
    .filter(([, ds]) => ds.length > 1)
    .map(([t]) => t)
    .sort();
  if (sharedTopics.length > 0) reasons.push(`topics consumed by several deployables: ${sharedTopics.join(', ')}`);
  if (metrics.icp > 0)
    reasons.push(`${pct(metrics.icp)} of dependency weight crosses deployables (imports between them, ICP ${fix(metrics.icp)})`);
  const stores = [...new Set(back.flatMap((d) => d.stores))].sort();
  if (stores.length > 0)
    reasons.push(
      `stores: ${back
        .filter((d) => d.stores.length > 0)
        .map((d) => `${d.name} → ${d.stores.join(', ')}`)
        .join('; ')}`,
    );
  return { kind: 'already-distributed', reasons };
}
