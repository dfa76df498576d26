/**
 * Terminal lines about data access: tables by store and ORM, access edges
 * (direct and propagated), transactions, unresolved accesses with their top
 * reasons, and which adapters ran and why. Reads only the result.
 */
import type { AnalysisResult } from '../model/result.js';
import { compareStrings } from '../util/sort.js';

const TOP_REASONS = 3;
const SAMPLE_UNRESOLVED = 2;

/** `a 3, b 1` for counts, largest first, then by name. */
function ranked(counts: Map<string, number>, limit = Infinity): string {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))
    .slice(0, limit)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
}

function countBy<T>(items: readonly T[], key: (item: T) => string, weight: (item: T) => number = () => 1): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + weight(item));
  return counts;
}

export function formatAccessSummary(result: AnalysisResult): string[] {
  if (result.adapters.length === 0) return ['Data access: no ORM or SQL client in use (no adapter enabled)'];
  const direct = result.accesses.filter((a) => !a.propagated);
  const propagated = result.accesses.filter((a) => a.propagated);
  const sites = direct.reduce((n, a) => n + a.count, 0);
  const unresolved = result.unresolvedAccesses.length;
  const stores = [...new Set(result.tables.map((t) => t.store))].sort(compareStrings);

  const lines = [
    `Data access: ${result.tables.length} tables in ${stores.length} ${stores.length === 1 ? 'store' : 'stores'}, ${result.relations.length} relations`,
  ];
  for (const store of stores) {
    const tables = result.tables.filter((t) => t.store === store);
    lines.push(`  ${store}: ${tables.length} (${ranked(countBy(tables, (t) => t.orm))})`);
  }
  lines.push(`  access: ${sites} sites → ${direct.length} direct edges, ${propagated.length} propagated edges`);
  const multiTable = result.transactions.filter((t) => new Set(t.tables.map((x) => x.table)).size > 1).length;
  lines.push(
    `  transactions: ${result.transactions.length}${result.transactions.length ? ` (${multiTable} touching several tables)` : ''}`,
  );
  if (unresolved > 0) {
    const share = sites + unresolved === 0 ? 0 : Math.round((unresolved / (sites + unresolved)) * 1000) / 10;
    lines.push(
      `  unresolved data-access sites: ${unresolved} (${share}% of data-access sites) — ${ranked(
        countBy(result.unresolvedAccesses, (u) => u.reason),
        TOP_REASONS,
      )}`,
    );
    for (const u of result.unresolvedAccesses.slice(0, SAMPLE_UNRESOLVED))
      lines.push(`    e.g. ${u.unit}:${u.line} ${u.reason}${u.detail ? ` (${u.detail})` : ''}`);
  }
  const dataProblems = result.problems.filter((p) => p.source === 'sql' || p.source.startsWith('adapter') || p.source.endsWith('schema'));
  if (dataProblems.length) lines.push(`  problems: ${dataProblems.length} (${ranked(countBy(dataProblems, (p) => p.source))})`);
  lines.push(...formatCoverage(result));
  lines.push('  adapters:');
  const byAdapter = new Map(result.accessCoverage?.byAdapter.map((c) => [c.name, c]));
  for (const a of result.adapters) {
    const c = byAdapter.get(a.name);
    const read = c ? `, read ${c.read} of ${c.files} client files` : '';
    lines.push(
      `    ${a.name}: ${a.tables} tables, ${a.accesses} sites, ${a.unresolved} unresolved sites${read} — ${a.enabledBy.join('; ')}`,
    );
  }
  return lines;
}

/** Coverage: how many files that use a client carve could read, per store, and a few it could not. */
function formatCoverage(result: AnalysisResult): string[] {
  const c = result.accessCoverage;
  if (!c || c.files === 0) return [];
  const stores = c.byStore.length > 1 ? ` (${c.byStore.map((s) => `${s.store} ${pct(s.share)}`).join(', ')})` : '';
  const lines = [`  coverage: read ${c.read} of ${c.files} files that use a database client, ${pct(c.share)}${stores}`];
  if (c.low) lines.push('    LOW: carve is blind to much of the data access; the shared-database figures and the verdict are incomplete');
  if (c.blind.length > 0) {
    lines.push(
      `    no-access-read: ${c.blind.length} — e.g. ${c.blind
        .slice(0, SAMPLE_UNRESOLVED)
        .map((b) => `${b.unit} (${b.detail})`)
        .join('; ')}`,
    );
  }
  return lines;
}

const pct = (share: number): string => `${Math.round(share * 100)}%`;
