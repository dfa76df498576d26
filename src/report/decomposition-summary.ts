/**
 * Terminal lines about the decomposition: the verdict with its reasons, the
 * services table (files, tables owned, shared tables touched, API size), the
 * platform group, the top shared tables, the saga candidates and the headline
 * metrics. Reads only the result.
 */
import type { TableUsage } from '../model/decomposition.js';
import type { AnalysisResult } from '../model/result.js';
import { compareStrings } from '../util/sort.js';

const TOP_SHARED_TABLES = 8;
const TOP_SAGAS = 5;
const TOP_FLOWS = 8;
const TOP_INTEGRATION = 5;
const TOP_STEPS = 10;

const VERDICT_TITLE: Record<string, string> = {
  split: 'split into services',
  'modular-monolith': 'modular monolith first',
  'dont-split': "don't split",
  'already-distributed': 'already split: the coupling between its deployables',
};

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const fix = (x: number): string => x.toFixed(2);

/** Left-aligned first column, right-aligned numbers. */
function table(header: string[], rows: (string | number)[][]): string[] {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  return cells.map((r) => `  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`.trimEnd());
}

/** Multi-writer tables first, then by how many services touch them. */
function topShared(tables: readonly TableUsage[]): TableUsage[] {
  const parties = (t: TableUsage): number => new Set([...t.readers, ...t.writers, ...(t.owner ? [t.owner] : [])]).size;
  return tables
    .filter((t) => t.shared)
    .sort((a, b) => Number(b.multiWriter) - Number(a.multiWriter) || parties(b) - parties(a) || compareStrings(a.table, b.table))
    .slice(0, TOP_SHARED_TABLES);
}

export function formatDecompositionSummary(result: AnalysisResult): string[] {
  const d = result.decomposition;
  if (!d) return ['Decomposition: not computed'];
  const lines = [
    `Verdict: ${d.verdict.kind} — ${VERDICT_TITLE[d.verdict.kind] ?? d.verdict.kind}`,
    ...d.verdict.reasons.map((r) => `  • ${r}`),
  ];
  const m = d.metrics;
  if (!m) return lines;

  const c = d.clustering;
  const asIs = c?.granularity === 'deployable';
  lines.push(
    '',
    asIs
      ? `Deployables: ${d.services.length} back-end, as they are${d.clients?.length ? `; clients: ${d.clients.map((x) => x.name).join(', ')}` : ''}`
      : `Services: ${d.services.length}${c ? ` (resolution ${c.resolution}, ${c.granularity} granularity, seed ${c.seed})` : ''}`,
  );
  if (c && !asIs && c.alternatives.length > 0) {
    const options = [...new Set(c.alternatives.map((a) => a.services))].sort((a, b) => a - b);
    lines.push(`  why: ${c.criterion}`, `  alternatives: ${options.join(', ')} services (pick one in the HTML report or with --services)`);
  }
  if (c?.stability) {
    const st = c.stability;
    lines.push(
      `  seed stability: ARI ${fix(st.meanAri)} mean, ${fix(st.minAri)} lowest between seeds ${st.seeds[0]}–${st.seeds[st.seeds.length - 1]} (${st.services.join('/')} services); seed ${st.chosenSeed}'s partition proposed`,
    );
  }
  lines.push(
    ...table(
      ['service', 'files', 'lines', 'tables owned', 'shared tables', 'API', 'in', 'out'],
      m.perService.map((s) => [
        s.name,
        s.files,
        s.lines,
        s.tablesOwned.length,
        s.sharedTables.length,
        s.apiSize,
        fix(s.inWeight),
        fix(s.outWeight),
      ]),
    ),
  );
  const shared = d.shared ?? [];
  const libraries = [...new Set(shared.flatMap((x) => (x.library === undefined ? [] : [x.library])))];
  if (libraries.length > 0)
    lines.push(`  shared libraries: ${libraries.join(', ')} (${shared.length} file${shared.length === 1 ? '' : 's'})`);
  else if (shared.length > 0) lines.push(`  platform / shared kernel: ${shared.length} file${shared.length === 1 ? '' : 's'} set aside`);

  const db = m.sharedDatabase;
  const accessed = db.tables.filter((t) => t.readers.length + t.writers.length > 0).length;
  lines.push(
    '',
    `Shared tables: ${db.sharedTables.length} of ${accessed} accessed, ${db.multiWriterTables.length} written by several services`,
  );
  if (db.coverage?.low) {
    lines.push(
      `  incomplete: carve read access in only ${db.coverage.read} of ${db.coverage.files} files that use a database client (${pct(db.coverage.share)})`,
    );
  }
  for (const t of topShared(db.tables)) {
    const marks = [t.multiWriter ? 'multi-writer' : '', t.hot ? 'used by most services' : ''].filter(Boolean).join(', ');
    lines.push(
      `  ${t.table}  owner ${t.owner ?? '—'}; writers ${t.writers.join(', ') || '—'}; readers ${t.readers.join(', ') || '—'}${marks ? `  [${marks}]` : ''}`,
    );
  }
  if (db.crossServiceRelations.length > 0) lines.push(`  foreign keys across services: ${db.crossServiceRelations.length}`);

  lines.push('', `Saga candidates: ${db.sagaCandidates.length}`);
  for (const s of db.sagaCandidates.slice(0, TOP_SAGAS)) {
    const steps = s.steps.map((step) => `${step.mode} ${step.table} (${step.service ?? '—'})`).join(', ');
    lines.push(`  ${s.transaction} ${s.symbol} — ${s.services.join(' + ')}: ${steps}`);
  }
  if (db.sagaCandidates.length > TOP_SAGAS) lines.push(`  … and ${db.sagaCandidates.length - TOP_SAGAS} more`);

  const flows = result.flows ?? [];
  if (flows.length > 0) {
    lines.push('', `Message flows: ${flows.length}`);
    for (const f of flows.slice(0, TOP_FLOWS)) {
      lines.push(
        `  ${f.transport} ${f.topic}: ${f.producers.length} producer${f.producers.length === 1 ? '' : 's'} → ${f.consumers.length} consumer${f.consumers.length === 1 ? '' : 's'}`,
      );
    }
    if (flows.length > TOP_FLOWS) lines.push(`  … and ${flows.length - TOP_FLOWS} more`);
  }
  const integration = [...(d.integration ?? [])].sort(
    (a, b) => b.crossings - a.crossings || compareStrings(a.from, b.from) || compareStrings(a.to, b.to),
  );
  if (integration.length > 0) {
    lines.push('', `Integration points: ${integration.length} (top by crossings)`);
    for (const i of integration.slice(0, TOP_INTEGRATION))
      lines.push(`  ${i.from} → ${i.to}: ${i.kind} — ${i.why} (${i.crossings} crossings)`);
  }
  const plan = d.migration ?? [];
  if (plan.length > 0) {
    lines.push('', 'Migration plan:');
    for (const step of plan.slice(0, TOP_STEPS)) {
      const what =
        step.kind === 'merge'
          ? `merge ${step.service} into ${step.mergeInto ?? '—'}`
          : step.kind === 'fix'
            ? 'fix hot spots'
            : `extract ${step.service}`;
      const extra = step.kind === 'extract' ? `; cut ${step.foreignKeys.length} foreign keys, ${step.sagas.length} sagas` : '';
      lines.push(`  ${step.order}. ${what} (effort ${step.effort})${extra}`);
    }
    if (plan.length > TOP_STEPS) lines.push(`  … and ${plan.length - TOP_STEPS} more steps`);
  }

  lines.push(
    '',
    `Metrics: modularity ${fix(m.modularity)} · SM ${fix(m.structuralModularity)} · ICP ${pct(m.icp)} · IFN ${fix(m.ifn)} · ` +
      `NED ${fix(m.ned)} · size balance ${fix(m.sizeBalance)} · shared-database coupling ${fix(m.sharedDatabaseCoupling)} · ` +
      `ownership entropy ${fix(db.ownershipEntropy)}`,
  );
  return lines;
}
