/**
 * The service-level view of a decomposition — services, their tables, the
 * dependencies between them — for the markdown summary and the exports.
 * Built from the declared boundaries when there are any, else from carve's proposal.
 */
import type { Assignment } from '../model/decomposition.js';
import type { ServiceMap } from '../model/check-result.js';
import type { AnalysisResult } from '../model/result.js';
import { compareStrings } from '../util/sort.js';

export function buildServiceMap(
  result: Pick<AnalysisResult, 'edges' | 'accesses'>,
  assignment: Pick<Assignment, 'services'>,
  source: ServiceMap['source'],
  isDeclared?: (from: string, to: string) => boolean,
): ServiceMap {
  const serviceOf = new Map<string, string>();
  const ownerOf = new Map<string, string>();
  for (const s of assignment.services) {
    for (const u of s.units) serviceOf.set(u, s.name);
    for (const t of s.tables) ownerOf.set(t, s.name);
  }
  const deps = new Map<string, { from: string; to: string; weight: number; tables: Set<string> }>();
  const dep = (from: string, to: string) => {
    const key = `${from}\0${to}`;
    let d = deps.get(key);
    if (!d) deps.set(key, (d = { from, to, weight: 0, tables: new Set() }));
    return d;
  };
  for (const e of result.edges) {
    const from = serviceOf.get(e.from);
    const to = serviceOf.get(e.to);
    if (from && to && from !== to) dep(from, to).weight += e.weight;
  }
  const touching = new Map<string, Set<string>>();
  for (const a of result.accesses) {
    const from = serviceOf.get(a.unit);
    if (!from || a.propagated) continue;
    let s = touching.get(a.table);
    if (!s) touching.set(a.table, (s = new Set()));
    s.add(from);
    const owner = ownerOf.get(a.table);
    if (owner && owner !== from) dep(from, owner).tables.add(a.table);
  }
  const sorted = (xs: Iterable<string>) => [...xs].sort(compareStrings);
  return {
    source,
    services: assignment.services
      .map((s) => ({ name: s.name, files: s.units.length, tables: sorted(s.tables) }))
      .sort((a, b) => compareStrings(a.name, b.name)),
    dependencies: [...deps.values()]
      .map((d) => ({
        from: d.from,
        to: d.to,
        weight: Math.round(d.weight * 100) / 100,
        tables: sorted(d.tables),
        ...(isDeclared ? { declared: isDeclared(d.from, d.to) } : {}),
      }))
      .sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to)),
    sharedTables: sorted(touching.keys())
      .filter((t) => touching.get(t)!.size > 1)
      .map((table) => ({ table, owner: ownerOf.get(table) ?? null, services: sorted(touching.get(table)!) })),
  };
}

/** The declared boundaries as an assignment (shared files stay out). */
export function declaredAssignment(
  serviceOfFile: Map<string, string>,
  ownerOfTable: Map<string, string>,
  names: Iterable<string>,
): Assignment {
  const services = new Map([...names].map((n) => [n, { name: n, units: [] as string[], tables: [] as string[] }]));
  for (const [file, s] of serviceOfFile) services.get(s)!.units.push(file);
  for (const [table, s] of ownerOfTable) services.get(s)!.tables.push(table);
  for (const s of services.values()) {
    s.units.sort(compareStrings);
    s.tables.sort(compareStrings);
  }
  return { services: [...services.values()].sort((a, b) => compareStrings(a.name, b.name)), shared: [] };
}
