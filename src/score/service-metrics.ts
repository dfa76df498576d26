/** Per-service figures: size, tables, entry points, API surface, boundary weight, cohesion. */
import type { WeightedGraph } from '../graph/weighted-graph.js';
import { isTableNode, nodeId } from '../graph/weighted-graph.js';
import type { Assignment, ServiceMetrics, SharedDatabaseMetrics } from '../model/decomposition.js';
import type { Unit } from '../model/result.js';
import { compareStrings } from '../util/sort.js';
import type { AssignmentIndex, ScoreInput } from './assignment-index.js';
import { apiOf, type CodeLinks } from './code-links.js';

export function serviceMetrics(
  input: ScoreInput,
  assignment: Assignment,
  index: AssignmentIndex,
  graph: WeightedGraph,
  links: CodeLinks,
  db: SharedDatabaseMetrics,
): ServiceMetrics[] {
  const unitById = new Map<string, Unit>(input.units.map((u) => [u.id, u]));
  const cohesion = graphCohesion(graph, index);
  const inWeight = new Map<string, number>();
  const outWeight = new Map<string, number>();
  for (const link of links.links) {
    if (link.from === link.to) continue;
    outWeight.set(link.from, (outWeight.get(link.from) ?? 0) + link.weight);
    inWeight.set(link.to, (inWeight.get(link.to) ?? 0) + link.weight);
  }
  const touchedBy = new Map<string, Set<string>>();
  for (const t of db.tables) {
    for (const s of [...t.readers, ...t.writers]) {
      let set = touchedBy.get(s);
      if (!set) touchedBy.set(s, (set = new Set()));
      set.add(t.table);
    }
  }
  const usage = new Map(db.tables.map((t) => [t.table, t]));

  return [...assignment.services]
    .sort((a, b) => compareStrings(a.name, b.name))
    .map((service) => {
      const units = service.units.filter((u) => !index.shared.has(u));
      const touched = [...(touchedBy.get(service.name) ?? [])].sort(compareStrings);
      const others = (table: string): boolean => {
        const t = usage.get(table);
        return !!t && [...t.readers, ...t.writers].some((s) => s !== service.name);
      };
      const routes = new Set<string>();
      let entryPoints = 0;
      let lines = 0;
      for (const id of units) {
        const unit = unitById.get(id);
        if (!unit) continue;
        lines += unit.lines;
        entryPoints += unit.entryPoints.length;
        for (const e of unit.entryPoints)
          routes.add(e.kind === 'http' ? `${e.method ?? 'ALL'} ${e.route ?? '/'}` : `${e.kind} ${e.topic ?? e.symbol}`);
      }
      const api = apiOf(links, service.name);
      const exclusive = touched.filter((t) => !others(t)).length;
      return {
        name: service.name,
        files: units.length,
        lines,
        tablesOwned: [...index.ownerOfTable]
          .filter(([, s]) => s === service.name)
          .map(([t]) => t)
          .sort(compareStrings),
        foreignTables: touched.filter((t) => index.ownerOfTable.get(t) !== service.name),
        sharedTables: touched.filter((t) => usage.get(t)?.shared),
        exclusivity: touched.length === 0 ? 1 : exclusive / touched.length,
        entryPoints,
        routes: [...routes].sort(compareStrings),
        api,
        apiSize: api.length,
        inWeight: inWeight.get(service.name) ?? 0,
        outWeight: outWeight.get(service.name) ?? 0,
        cohesion: cohesion.get(service.name) ?? 0,
      };
    });
}

/** Cohesion on the decomposition graph: internal weight / (internal + weight to other services). */
function graphCohesion(graph: WeightedGraph, index: AssignmentIndex): Map<string, number> {
  const serviceOf = (node: string): string | undefined =>
    isTableNode(node) ? index.ownerOfTable.get(nodeId(node)) : index.serviceOfUnit.get(nodeId(node));
  const inside = new Map<string, number>();
  const boundary = new Map<string, number>();
  for (const edge of graph.edges()) {
    const a = serviceOf(edge.a);
    const b = serviceOf(edge.b);
    if (a === undefined || b === undefined) continue;
    if (a === b) inside.set(a, (inside.get(a) ?? 0) + edge.weight);
    else {
      boundary.set(a, (boundary.get(a) ?? 0) + edge.weight);
      boundary.set(b, (boundary.get(b) ?? 0) + edge.weight);
    }
  }
  const out = new Map<string, number>();
  for (const name of index.names) {
    const i = inside.get(name) ?? 0;
    const total = i + (boundary.get(name) ?? 0);
    out.set(name, total === 0 ? 0 : i / total);
  }
  return out;
}
