/**
 * What the views show about a draft. The figures (per-service metrics, table
 * usage, saga candidates, API) are the engine's own, from scoreDecomposition;
 * this module adds the lookups a UI needs on top: which service each unit is
 * in, which access sites sit behind a matrix cell, which units use an API
 * symbol.
 */
import type { DecompositionMetrics, ServiceMetrics, SagaCandidate, CrossServiceRelation } from '../../../src/model/decomposition.js';
import type { Access, AnalysisResult, EntryPoint } from '../../../src/model/result.js';
import { compareStrings } from '../../../src/util/sort.js';
import type { Draft } from './draft.js';

/** The column of units that belong to no service. */
export const SHARED_KERNEL = '(shared kernel)';

export type Ownership = 'exclusive' | 'shared-read' | 'multi-writer' | 'unused';

/**
 * How a service reaches a table: performs the access itself (`direct`); only
 * through a repository of its own or of the platform group (`repository`,
 * counted as a use, as the engine does); or only by calling another service's
 * code (`call`: an integration, not a use of the table).
 */
export type TableReach = 'direct' | 'repository' | 'call';

export interface TableUse {
  service: string;
  read: boolean;
  write: boolean;
  reach: TableReach;
  sites: Access[];
}

export interface TableView {
  id: string;
  name: string;
  owner?: string;
  ownership: Ownership;
  /** By service (SHARED_KERNEL included), sorted by service name. */
  uses: TableUse[];
  writers: number;
  /** Cross-service foreign keys from or to this table. */
  crossFks: CrossServiceRelation[];
}

export interface ApiUse {
  symbol: string;
  unit: string;
  consumers: string[];
  /** Units in other services that use it, sorted. */
  from: string[];
}

export interface ApiSurface {
  service: string;
  uses: ApiUse[];
  routes: (EntryPoint & { unit: string })[];
}

export interface Derived {
  unitService: Map<string, string>;
  services: ServiceMetrics[];
  tables: TableView[];
  sagas: SagaCandidate[];
  api: ApiSurface[];
  crossFks: CrossServiceRelation[];
}

export function derive(result: AnalysisResult, draft: Draft, metrics: DecompositionMetrics): Derived {
  const unitService = new Map<string, string>();
  for (const u of draft.shared) unitService.set(u, SHARED_KERNEL);
  for (const s of draft.services) for (const u of s.units) unitService.set(u, s.name);
  const serviceOf = (unit: string): string => unitService.get(unit) ?? SHARED_KERNEL;
  const order = new Map(draft.services.map((s, i) => [s.name, i]));
  return {
    unitService,
    services: [...metrics.perService].sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0)),
    tables: tableViews(result, metrics, serviceOf),
    sagas: metrics.sharedDatabase.sagaCandidates,
    api: apiSurfaces(result, draft, metrics, serviceOf),
    crossFks: metrics.sharedDatabase.crossServiceRelations,
  };
}

function tableViews(result: AnalysisResult, metrics: DecompositionMetrics, serviceOf: (u: string) => string): TableView[] {
  const uses = new Map<string, Map<string, TableUse>>();
  for (const access of result.accesses) {
    const service = serviceOf(access.unit);
    let byService = uses.get(access.table);
    if (!byService) uses.set(access.table, (byService = new Map()));
    let use = byService.get(service);
    if (!use) byService.set(service, (use = { service, read: false, write: false, reach: 'call', sites: [] }));
    use[access.mode] = true;
    if (!access.propagated) use.reach = 'direct';
    use.sites.push(access);
  }
  const usage = new Map(metrics.sharedDatabase.tables.map((t) => [t.table, t]));
  for (const [table, byService] of uses) {
    const u = usage.get(table);
    for (const use of byService.values()) {
      const counted = !!u && (u.readers.includes(use.service) || u.writers.includes(use.service));
      if (use.reach !== 'direct' && (counted || use.service === SHARED_KERNEL)) use.reach = 'repository';
    }
  }
  const relations = metrics.sharedDatabase.crossServiceRelations;
  return result.tables
    .map((table) => {
      const u = usage.get(table.id);
      const touched = (u?.readers.length ?? 0) + (u?.writers.length ?? 0) > 0;
      const ownership: Ownership = u?.multiWriter ? 'multi-writer' : u?.shared ? 'shared-read' : touched ? 'exclusive' : 'unused';
      return {
        id: table.id,
        name: table.name,
        owner: u?.owner ?? undefined,
        ownership,
        uses: Array.from(uses.get(table.id)?.values() ?? []).sort((a, b) => compareStrings(a.service, b.service)),
        writers: u?.writers.length ?? 0,
        crossFks: relations.filter((r) => r.from === table.id || r.to === table.id),
      };
    })
    .sort((a, b) => compareStrings(a.id, b.id));
}

function apiSurfaces(result: AnalysisResult, draft: Draft, metrics: DecompositionMetrics, serviceOf: (u: string) => string): ApiSurface[] {
  // Who, outside its service, uses each (unit, symbol).
  const from = new Map<string, Set<string>>();
  for (const edge of result.edges) {
    if (serviceOf(edge.from) === serviceOf(edge.to)) continue;
    for (const symbol of edge.symbols) {
      const key = `${edge.to}\u0000${symbol}`;
      from.set(key, (from.get(key) ?? new Set()).add(edge.from));
    }
  }
  const units = new Map(result.units.map((u) => [u.id, u]));
  const owned = new Map(draft.services.map((s) => [s.name, s.units]));
  return metrics.perService
    .map((s) => ({
      service: s.name,
      uses: s.api.map((a) => ({
        symbol: a.symbol,
        unit: a.unit,
        consumers: a.consumers,
        from: Array.from(from.get(`${a.unit}\u0000${a.symbol}`) ?? []).sort(compareStrings),
      })),
      routes: (owned.get(s.name) ?? [])
        .flatMap((id) => (units.get(id)?.entryPoints ?? []).map((e) => ({ ...e, unit: id })))
        .sort((a, b) => compareStrings(a.unit, b.unit) || a.line - b.line),
    }))
    .sort((a, b) => compareStrings(a.service, b.service));
}
