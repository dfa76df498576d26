/**
 * The migration plan. Trivial fragments (services under
 * `TRIVIAL_FILES` files or `TRIVIAL_LINES` lines) merge into the neighbour they
 * depend on most before anything is planned; hot spots (god services,
 * multi-writer tables, dependency cycles) are fixed next, inside the monolith;
 * then the services are extracted in order of risk, the lowest effort first
 * (strangler fig: each extraction breaks the fewest callers and tables), each
 * step naming the foreign keys to cut, the tables to hand over or replicate,
 * the sagas to build and the contracts to write first.
 *
 * effort = files + crossings (call sites, access sites, message sites of its
 * integration points) + 2 · tables handed over + 1 · tables replicated +
 * 3 · foreign keys to cut + 5 · sagas (docs/metrics.md, section 7).
 */
import type { DecompositionMetrics, IntegrationAdvice, MigrationStep, SagaPlan, ServiceContract } from '../model/decomposition.js';
import { compareStrings } from '../util/sort.js';
import { pairKey, type CodeLinks } from './code-links.js';

export const TRIVIAL_FILES = 3;
export const TRIVIAL_LINES = 150;
/** A service holding this share of the services' files or more is a god service. */
export const GOD_SERVICE_SHARE = 0.4;
export const EFFORT_WEIGHTS = { tableHandedOver: 2, tableReplicated: 1, foreignKey: 3, saga: 5 } as const;

export interface MigrationInput {
  metrics: DecompositionMetrics;
  links: CodeLinks;
  integration: IntegrationAdvice[];
  sagas: SagaPlan[];
  contracts: ServiceContract[];
}

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort(compareStrings);

export function migrationPlan({ metrics, links, integration, sagas, contracts }: MigrationInput): MigrationStep[] {
  const services = metrics.perService;
  const steps: Omit<MigrationStep, 'order'>[] = [];
  const empty = { foreignKeys: [], handOverTables: [], replicateTables: [], sagas: [], contracts: [], replaceImports: [] };

  // 1. Trivial fragments merge into their strongest neighbour.
  const trivial = new Set(
    services.filter((s) => services.length > 2 && (s.files < TRIVIAL_FILES || s.lines < TRIVIAL_LINES)).map((s) => s.name),
  );
  for (const s of services.filter((x) => trivial.has(x.name))) {
    const neighbour = services
      .filter((o) => o.name !== s.name && !trivial.has(o.name))
      .map((o) => ({
        name: o.name,
        w:
          (links.links.find((l) => l.from === s.name && l.to === o.name)?.weight ?? 0) +
          (links.links.find((l) => l.from === o.name && l.to === s.name)?.weight ?? 0),
      }))
      .sort((a, b) => b.w - a.w || compareStrings(a.name, b.name))[0];
    steps.push({
      kind: 'merge',
      service: s.name,
      mergeInto: neighbour?.name,
      why: `${s.files} file${s.files === 1 ? '' : 's'}, ${s.lines} lines: too small to be a service${neighbour ? `; it depends most on ${neighbour.name}` : ''}`,
      inboundWeight: s.inWeight,
      sharedTables: s.sharedTables.length,
      effort: s.files,
      ...empty,
    });
  }

  // 2. Hot spots, fixed inside the monolith before any split.
  const db = metrics.sharedDatabase;
  const totalFiles = services.reduce((sum, s) => sum + s.files, 0);
  const hot: string[] = [];
  for (const s of services) {
    if (services.length > 2 && totalFiles > 0 && s.files / totalFiles >= GOD_SERVICE_SHARE) {
      hot.push(`god service ${s.name}: ${s.files} of ${totalFiles} files — split it along its own modules first`);
    }
  }
  for (const t of db.tables.filter((x) => x.multiWriter))
    hot.push(`multi-writer table ${t.table}: written by ${t.writers.join(', ')} — route every write through ${t.owner ?? 'one owner'}`);
  const cycles = links.links.filter((l) => l.from < l.to && links.links.some((r) => r.from === l.to && r.to === l.from));
  for (const c of cycles) hot.push(`dependency cycle ${c.from} ⇄ ${c.to} — break one direction (an event, or move the shared code)`);
  if (hot.length > 0) {
    steps.push({
      kind: 'fix',
      service: '(monolith)',
      why: hot.join('; '),
      hotSpots: hot,
      inboundWeight: 0,
      sharedTables: db.multiWriterTables.length,
      effort: hot.length * EFFORT_WEIGHTS.saga,
      ...empty,
    });
  }

  // 3. Extractions, least effort first.
  const extract = services
    .filter((s) => !trivial.has(s.name))
    .map((s) => {
      const foreignKeys = sorted(
        db.crossServiceRelations
          .filter((r) => r.fromService === s.name || r.toService === s.name)
          .map((r) => `${r.from} → ${r.to}${r.field ? ` (${r.field})` : ''}`),
      );
      const handOverTables = s.tablesOwned.filter((t) => s.sharedTables.includes(t));
      const replicateTables = s.foreignTables;
      const sagaIds = sorted([
        ...db.sagaCandidates.filter((g) => g.services.includes(s.name)).map((g) => `transaction ${g.transaction}`),
        ...sagas.filter((g) => g.services.includes(s.name)).map((g) => `${g.kind} ${g.trigger}`),
      ]);
      const touching = integration.filter((i) => i.from === s.name || i.to === s.name);
      const crossings = touching.reduce((sum, i) => sum + i.crossings, 0);
      const contract = contracts.find((c) => c.service === s.name);
      const replaceImports: MigrationStep['replaceImports'] = [];
      for (const other of services) {
        if (other.name === s.name) continue;
        for (const [from, to] of [
          [other.name, s.name],
          [s.name, other.name],
        ]) {
          const symbols = links.crossSymbols.get(pairKey(from, to));
          if (symbols && symbols.size > 0) replaceImports.push({ from, to, symbols: [...symbols].sort(compareStrings) });
        }
      }
      const effort =
        s.files +
        crossings +
        EFFORT_WEIGHTS.tableHandedOver * handOverTables.length +
        EFFORT_WEIGHTS.tableReplicated * replicateTables.length +
        EFFORT_WEIGHTS.foreignKey * foreignKeys.length +
        EFFORT_WEIGHTS.saga * sagaIds.length;
      return {
        kind: 'extract' as const,
        service: s.name,
        why: `${s.files} files, ${crossings} crossings, ${foreignKeys.length} foreign keys to cut, ${sagaIds.length} sagas`,
        inboundWeight: s.inWeight,
        sharedTables: s.sharedTables.length,
        effort,
        foreignKeys,
        handOverTables,
        replicateTables,
        sagas: sagaIds,
        contracts: (contract?.tests ?? []).filter((t) => t.consumers.some((c) => c !== s.name)).map((t) => t.subject),
        replaceImports: replaceImports.sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to)),
      };
    })
    .sort((a, b) => a.effort - b.effort || a.inboundWeight - b.inboundWeight || compareStrings(a.service, b.service));
  steps.push(...extract);
  return steps.map((s, i) => ({ order: i + 1, ...s }));
}
