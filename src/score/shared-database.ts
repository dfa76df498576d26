/**
 * Shared-database coupling: per table who reads and who writes it, the
 * multi-writer tables, ownership entropy, foreign keys and transactions that
 * cross service boundaries (saga candidates), and one overall score. Reaching
 * a table through a repository counts as using it (see `effectiveAccesses`).
 */
import type { CrossServiceRelation, SagaCandidate, SagaStep, SharedDatabaseMetrics, TableUsage } from '../model/decomposition.js';
import { compareStrings } from '../util/sort.js';
import { MODE_WEIGHT } from '../graph/weights.js';
import type { AssignmentIndex, ScoreInput } from './assignment-index.js';

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort(compareStrings);

/**
 * Normalised Shannon entropy of how a table's access weight spreads over
 * services (after CARGO's transactional entropy, Nitin et al. 2022; writes
 * weigh MODE_WEIGHT.write): H = −Σ p_s log2 p_s / log2 K, 0 when K < 2.
 */
export function ownershipEntropy(weightByService: ReadonlyMap<string, number>, serviceCount: number): number {
  const total = [...weightByService.values()].reduce((s, w) => s + w, 0);
  if (total === 0 || serviceCount < 2) return 0;
  let h = 0;
  for (const w of weightByService.values()) {
    if (w <= 0) continue;
    const p = w / total;
    h -= p * Math.log2(p);
  }
  return h / Math.log2(serviceCount);
}

/** A foreign key weighs as one read: cutting it moves a join into code or an API call. */
export const FOREIGN_KEY_WEIGHT = 1;

/**
 * Shared-database coupling in [0, 1]: the access weight (write 2, read 1) of
 * every distinct (unit, table, mode) access — direct or through a repository —
 * made from outside the table's owner, plus one per foreign key joining tables
 * of two services, over all access weight plus one per foreign key. A table
 * gaining a foreign reader or writer, or a foreign key across owners, raises
 * it; handing a table to the service that uses it lowers it.
 */
export function sharedDatabaseScore(index: AssignmentIndex, keys: ForeignKeyCount = { all: 0, cross: 0 }): number {
  let total = keys.all * FOREIGN_KEY_WEIGHT;
  let foreign = keys.cross * FOREIGN_KEY_WEIGHT;
  for (const a of index.accesses) {
    const w = MODE_WEIGHT[a.mode];
    total += w;
    if (index.ownerOfTable.get(a.table) !== a.service) foreign += w;
  }
  return total === 0 ? 0 : foreign / total;
}

export interface ForeignKeyCount {
  all: number;
  cross: number;
}

/** Distinct unordered table pairs joined by a relation (both sides of one key count once), outside the platform group. */
export function foreignKeyCount(input: ScoreInput, index: AssignmentIndex): ForeignKeyCount {
  const all = new Set<string>();
  const cross = new Set<string>();
  for (const r of input.relations) {
    if (r.from === r.to || index.shared.has(r.from) || index.shared.has(r.to)) continue;
    const key = r.from < r.to ? `${r.from}\u0000${r.to}` : `${r.to}\u0000${r.from}`;
    all.add(key);
    const a = index.ownerOfTable.get(r.from);
    const b = index.ownerOfTable.get(r.to);
    if (a !== undefined && b !== undefined && a !== b) cross.add(key);
  }
  return { all: all.size, cross: cross.size };
}

export function sharedDatabaseMetrics(input: ScoreInput, index: AssignmentIndex): SharedDatabaseMetrics {
  const k = index.names.length;
  interface Usage {
    readers: Set<string>;
    writers: Set<string>;
    directReaders: Set<string>;
    directWriters: Set<string>;
    weight: Map<string, number>;
  }
  const byTable = new Map<string, Usage>();
  const usage = (table: string): Usage => {
    let u = byTable.get(table);
    if (!u) {
      u = { readers: new Set(), writers: new Set(), directReaders: new Set(), directWriters: new Set(), weight: new Map() };
      byTable.set(table, u);
    }
    return u;
  };
  for (const table of input.tables) usage(table.id);
  for (const a of index.accesses) {
    const u = usage(a.table);
    (a.mode === 'write' ? u.writers : u.readers).add(a.service);
    if (!a.propagated) (a.mode === 'write' ? u.directWriters : u.directReaders).add(a.service);
    u.weight.set(a.service, (u.weight.get(a.service) ?? 0) + MODE_WEIGHT[a.mode]);
  }

  const tables: TableUsage[] = [];
  let entropySum = 0;
  let entropyWeight = 0;
  for (const table of sorted(byTable.keys())) {
    if (index.shared.has(table)) continue;
    const u = byTable.get(table)!;
    const owner = index.ownerOfTable.get(table) ?? null;
    const touching = new Set([...u.readers, ...u.writers]);
    const parties = new Set(touching);
    if (owner !== null) parties.add(owner);
    const entropy = ownershipEntropy(u.weight, k);
    const weight = [...u.weight.values()].reduce((s, w) => s + w, 0);
    entropySum += entropy * weight;
    entropyWeight += weight;
    tables.push({
      table,
      owner,
      readers: sorted(u.readers),
      writers: sorted(u.writers),
      propagatedReaders: sorted([...u.readers].filter((s) => !u.directReaders.has(s))),
      propagatedWriters: sorted([...u.writers].filter((s) => !u.directWriters.has(s))),
      shared: parties.size > 1,
      multiWriter: u.writers.size > 1,
      hot: touching.size >= 3 && touching.size * 2 >= k,
      entropy,
    });
  }

  const keys = foreignKeyCount(input, index);
  return {
    tables,
    sharedTables: tables.filter((t) => t.shared).map((t) => t.table),
    multiWriterTables: tables.filter((t) => t.multiWriter).map((t) => t.table),
    hotTables: tables.filter((t) => t.hot).map((t) => t.table),
    ownershipEntropy: entropyWeight === 0 ? 0 : entropySum / entropyWeight,
    crossServiceRelations: crossServiceRelations(input, index),
    foreignKeys: keys.all,
    crossServiceForeignKeys: keys.cross,
    sagaCandidates: sagaCandidates(input, index),
    score: sharedDatabaseScore(index, keys),
  };
}

function crossServiceRelations(input: ScoreInput, index: AssignmentIndex): CrossServiceRelation[] {
  const out: CrossServiceRelation[] = [];
  for (const r of input.relations) {
    const fromService = index.ownerOfTable.get(r.from);
    const toService = index.ownerOfTable.get(r.to);
    if (!fromService || !toService || fromService === toService) continue;
    out.push({ from: r.from, to: r.to, fromService, toService, kind: r.kind, ...(r.field ? { field: r.field } : {}) });
  }
  return out.sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to) || compareStrings(a.field ?? '', b.field ?? ''));
}

/** A transaction whose tables (or whose own unit) span services would become a saga after the split. */
function sagaCandidates(input: ScoreInput, index: AssignmentIndex): SagaCandidate[] {
  const out: SagaCandidate[] = [];
  for (const tx of input.transactions) {
    const steps = new Map<string, SagaStep>();
    for (const t of tx.tables) {
      const key = `${t.table}\u0000${t.mode}`;
      if (!steps.has(key)) steps.set(key, { table: t.table, mode: t.mode, service: index.ownerOfTable.get(t.table) ?? null });
    }
    const services = new Set<string>();
    for (const step of steps.values()) if (step.service) services.add(step.service);
    const runner = index.serviceOfUnit.get(tx.unit);
    if (runner) services.add(runner);
    if (services.size < 2) continue;
    out.push({
      transaction: tx.id,
      unit: tx.unit,
      symbol: tx.symbol,
      kind: tx.kind,
      services: sorted(services),
      steps: [...steps.values()].sort((a, b) => compareStrings(a.table, b.table) || compareStrings(a.mode, b.mode)),
    });
  }
  return out.sort((a, b) => compareStrings(a.transaction, b.transaction));
}
