/**
 * The access stage: enable adapters, run them (each sees the tables of the
 * ones before it), aggregate their sites into access edges, propagate
 * through the data layer, and assemble transactions.
 */
import type { FileFacts } from '../extract/file-facts.js';
import type { ProjectIndex } from '../link/project-index.js';
import type { Access, AccessCoverage, AdapterUse, Problem, Relation, Table, Transaction, UnresolvedAccess } from '../model/result.js';
import type { AccessSite, AdapterOutput, SchemaFile } from './adapter.js';
import { adapters } from './adapters/index.js';
import { aggregateSites } from './aggregate-sites.js';
import { createCallResolver, symbolKey } from './call-graph.js';
import { measureCoverage } from './coverage.js';
import { deployableStores, type PackageDir } from './deployable-stores.js';
import { enableAdapters } from './enable-adapters.js';
import { addUndeclaredTables, adoptDeclaredTables } from './undeclared-tables.js';
import { memoizeIndex } from './memo-index.js';
import { migrationUnits } from './migration-units.js';
import { findForks, withForks } from './package-forks.js';
import { type Propagation, propagate } from './propagate.js';
import { parseSql } from './sql/parse-sql.js';
import { assembleTransactions, type OwnedTransaction } from './transactions.js';

export interface CollectAccessInput {
  files: readonly FileFacts[];
  index: ProjectIndex;
  /** Non-TypeScript files the adapters may read (`*.prisma`, …), relative POSIX paths. */
  schemaFiles: readonly SchemaFile[];
  /** Dependency names from every package.json in the project. */
  packages: ReadonlySet<string>;
  /** Package folders of the project (workspaces, or every package.json found): deployables may have their own database. */
  packageDirs?: readonly PackageDir[];
}

export interface AccessResult {
  tables: Table[];
  relations: Relation[];
  accesses: Access[];
  unresolvedAccesses: UnresolvedAccess[];
  transactions: Transaction[];
  adapters: AdapterUse[];
  coverage: AccessCoverage;
  problems: Problem[];
}

export const DEFAULT_STORE = 'default';

export function collectAccess(input: CollectAccessInput): AccessResult {
  const files = [...input.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const forks = findForks(files, new Set(adapters.flatMap((a) => a.enablers)));
  const index = memoizeIndex(withForks(input.index, forks));
  const tables = new Map<string, Table>();
  const relations: Relation[] = [];
  const sites: (AccessSite & { orm: string })[] = [];
  const unresolved: UnresolvedAccess[] = [];
  const adapterOf = new Map<UnresolvedAccess, string>();
  const scopes: OwnedTransaction[] = [];
  const problems: Problem[] = [];
  const uses: AdapterUse[] = [];
  const provisional = new Set<string>();
  const enabled = enableAdapters(adapters, files, input.schemaFiles, forks);
  const storeOf = deployableStores(files, input.packageDirs ?? [], DEFAULT_STORE);

  for (const { adapter, enabledBy, schemaFiles } of enabled) {
    const out = runAdapter(adapter.name, () =>
      adapter.analyze({ files, schemaFiles, index, defaultStore: DEFAULT_STORE, storeOf, knownTables: [...tables.values()], parseSql }),
    );
    // the first adapter to declare a table owns it; later ones (raw SQL) refer to it.
    // A provisional table (only seen in use or in a type) gives way to a later declaration of it.
    const weak = new Set(out.provisional);
    let declared = 0;
    for (const table of out.tables) {
      const existing = tables.get(table.id);
      if (existing && !(provisional.has(table.id) && !weak.has(table.id))) continue;
      tables.set(table.id, table);
      if (weak.has(table.id)) provisional.add(table.id);
      else provisional.delete(table.id);
      declared++;
    }
    relations.push(...out.relations);
    for (const site of out.accesses) sites.push({ ...site, orm: adapter.name });
    unresolved.push(...out.unresolved);
    for (const u of out.unresolved) adapterOf.set(u, adapter.name);
    for (const scope of out.transactions) scopes.push({ ...scope, orm: adapter.name });
    problems.push(...out.problems);
    uses.push({ name: adapter.name, enabledBy, tables: declared, accesses: out.accesses.length, unresolved: out.unresolved.length });
  }

  const migrations = migrationUnits(files);
  if (migrations.size) {
    dropFrom(sites, (s) => migrations.has(s.unit));
    dropFrom(unresolved, (u) => migrations.has(u.unit));
    dropFrom(scopes, (t) => migrations.has(t.unit));
  }
  // Per-adapter figures count what the result keeps (migration files left out), so they add up to the totals.
  for (const use of uses) {
    use.accesses = sites.filter((s) => s.orm === use.name).length;
    use.unresolved = unresolved.filter((u) => adapterOf.get(u) === use.name).length;
  }
  adoptDeclaredTables(tables, provisional, sites, relations);
  addUndeclaredTables(tables, sites, relations, DEFAULT_STORE);
  // propagation and transactions are derived facts: if they fail, the direct ones still stand
  const propagation = guarded('propagation', problems, NO_PROPAGATION, () =>
    propagate(files, sites, createCallResolver(index, new Set(sites.map((s) => symbolKey(s.unit, s.symbol))))),
  );
  const accesses = aggregateSites([
    ...sites.map((s) => ({ ...s, propagated: false })),
    ...propagation.sites.map((s) => ({ ...s, propagated: true })),
  ]);
  const filesByPath = new Map(files.map((f) => [f.path, f]));
  const transactions = guarded('transactions', problems, [], () => assembleTransactions(scopes, sites, filesByPath, propagation));
  const tableList = [...tables.values()].sort((a, b) => cmp(a.id, b.id));
  const coverage = measureCoverage({
    files,
    index,
    adapters: enabled.map(({ adapter }) => ({
      name: adapter.name,
      packages: new Set([...adapter.enablers, ...[...forks].filter(([, orm]) => adapter.enablers.includes(orm)).map(([fork]) => fork)]),
    })),
    tables: tableList,
    accesses,
    unresolved,
    migrations,
    defaultStore: DEFAULT_STORE,
  });

  return {
    tables: tableList,
    relations: dedupeRelations(relations),
    accesses,
    unresolvedAccesses: unresolved.sort(
      (a, b) =>
        cmp(a.unit, b.unit) || a.line - b.line || cmp(a.symbol, b.symbol) || cmp(a.reason, b.reason) || cmp(a.detail ?? '', b.detail ?? ''),
    ),
    transactions,
    adapters: uses,
    coverage,
    problems: problems.sort(
      (a, b) => cmp(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0) || cmp(a.source, b.source) || cmp(a.message, b.message),
    ),
  };
}

function dropFrom<T>(items: T[], drop: (item: T) => boolean): void {
  let kept = 0;
  for (const item of items) if (!drop(item)) items[kept++] = item;
  items.length = kept;
}

const NO_PROPAGATION: Propagation = { sites: [], reachOfCall: () => [] };

function guarded<T>(step: string, problems: Problem[], fallback: T, run: () => T): T {
  try {
    return run();
  } catch (error) {
    problems.push({
      path: '.',
      source: `access:${step}`,
      message: `${step} failed: ${error instanceof Error ? error.message : String(error)}`,
    });
    return fallback;
  }
}

/** An adapter that throws loses its own findings, not the run. */
function runAdapter(name: string, run: () => AdapterOutput): AdapterOutput {
  try {
    return run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      tables: [],
      relations: [],
      accesses: [],
      unresolved: [],
      transactions: [],
      problems: [{ path: '.', source: `adapter:${name}`, message: `adapter failed: ${message}` }],
    };
  }
}

function dedupeRelations(relations: readonly Relation[]): Relation[] {
  const byKey = new Map<string, Relation>();
  for (const r of relations) {
    const key = [r.from, r.to, r.kind, r.field ?? ''].join('\0');
    if (!byKey.has(key)) byKey.set(key, r);
  }
  return [...byKey.values()].sort(
    (a, b) => cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.kind, b.kind) || cmp(a.field ?? '', b.field ?? ''),
  );
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
