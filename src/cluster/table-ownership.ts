/**
 * Which service owns each table, and where the files declaring tables sit:
 * decided after clustering from direct access sites and declarations.
 */
import type { GraphInput } from '../graph/build-graph.js';
import { MODE_WEIGHT } from '../graph/weights.js';
import { compareStrings } from '../util/sort.js';

export interface OwnershipGroup {
  units: string[];
  tables: string[];
}

/**
 * Each table goes to the service whose code uses it most: direct access
 * sites weighted by mode (write 2, read 1), from units in services. Louvain's
 * placement stands on a tie or when no service unit touches the table; pins
 * always stand.
 */
export function ownTablesByUse(input: GraphInput, groups: OwnershipGroup[], isPinnedTable: (id: string) => boolean): void {
  const groupOfUnit = new Map<string, number>();
  groups.forEach((g, i) => g.units.forEach((u) => groupOfUnit.set(u, i)));
  const use = new Map<string, Map<number, number>>();
  for (const a of input.accesses) {
    const g = groupOfUnit.get(a.unit);
    if (a.propagated || g === undefined) continue;
    let m = use.get(a.table);
    if (!m) use.set(a.table, (m = new Map()));
    m.set(g, (m.get(g) ?? 0) + a.count * MODE_WEIGHT[a.mode]);
  }
  const current = new Map<string, number>();
  groups.forEach((g, i) => g.tables.forEach((t) => current.set(t, i)));
  for (const [table, m] of [...use].sort((a, b) => compareStrings(a[0], b[0]))) {
    if (isPinnedTable(table)) continue;
    const ranked = [...m].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const here = current.get(table);
    const top = ranked[0][1];
    if (here !== undefined && (m.get(here) ?? 0) === top) continue;
    if (here !== undefined) groups[here].tables = groups[here].tables.filter((t) => t !== table);
    groups[ranked[0][0]].tables.push(table);
  }
  for (const g of groups) g.tables.sort(compareStrings);
}

/**
 * Tables no code touches directly (declared but unused, reached only through
 * repositories, or implicit join tables) go to the service holding the file
 * that declares them (the team put the entity there; pins stand), else to the service owning the tables they reference or are
 * referenced by, when one service holds the most of those; otherwise they
 * stay unowned.
 */
export function adoptUnaccessedTables(input: GraphInput, groups: OwnershipGroup[], isPinnedTable: (id: string) => boolean): void {
  const ownerOf = new Map<string, number>();
  groups.forEach((g, i) => g.tables.forEach((t) => ownerOf.set(t, i)));
  const groupOfUnit = new Map<string, number>();
  groups.forEach((g, i) => g.units.forEach((u) => groupOfUnit.set(u, i)));
  const accessed = new Set(input.accesses.filter((a) => !a.propagated).map((a) => a.table));
  for (const t of input.tables) {
    if (accessed.has(t.id) || t.declaredIn === undefined || isPinnedTable(t.id)) continue;
    const g = groupOfUnit.get(t.declaredIn.replace(/:\d+$/, ''));
    const here = ownerOf.get(t.id);
    if (g === undefined || g === here) continue;
    if (here !== undefined) groups[here].tables = groups[here].tables.filter((x) => x !== t.id);
    groups[g].tables.push(t.id);
    ownerOf.set(t.id, g);
  }
  const related = new Map<string, string[]>();
  for (const r of input.relations) {
    for (const [x, y] of [
      [r.from, r.to],
      [r.to, r.from],
    ]) {
      let list = related.get(x);
      if (!list) related.set(x, (list = []));
      list.push(y);
    }
  }
  const orphans = input.tables
    .map((t) => t.id)
    .filter((id) => !ownerOf.has(id))
    .sort(compareStrings);
  for (const table of orphans) {
    const votes = new Map<number, number>();
    for (const other of related.get(table) ?? []) {
      const owner = ownerOf.get(other);
      if (owner !== undefined) votes.set(owner, (votes.get(owner) ?? 0) + 1);
    }
    const ranked = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    if (ranked.length === 0 || (ranked.length > 1 && ranked[0][1] === ranked[1][1])) continue;
    groups[ranked[0][0]].tables.push(table);
  }
  for (const g of groups) g.tables.sort(compareStrings);
}

/**
 * A file that declares tables (an entity, a model) and touches none itself
 * sits with the service owning (by use) most of the tables it declares, not with
 * whichever service imports it most: the team put the entity with its table.
 * Pinned files stay.
 */
export function placeEntityFiles(input: GraphInput, groups: OwnershipGroup[], isPinned: (id: string) => boolean): void {
  const ownerOf = new Map<string, number>();
  groups.forEach((g, i) => g.tables.forEach((t) => ownerOf.set(t, i)));
  const groupOfUnit = new Map<string, number>();
  groups.forEach((g, i) => g.units.forEach((u) => groupOfUnit.set(u, i)));
  const direct = input.accesses.filter((a) => !a.propagated);
  const touches = new Set(direct.map((a) => a.unit));
  const used = new Set(direct.map((a) => a.table));
  const votes = new Map<string, Map<number, number>>();
  // Only tables owned by use vote: Louvain's placement of an untouched table is no evidence.
  for (const t of input.tables) {
    const owner = ownerOf.get(t.id);
    if (t.declaredIn === undefined || owner === undefined || !used.has(t.id)) continue;
    const file = t.declaredIn.replace(/:\d+$/, '');
    let m = votes.get(file);
    if (!m) votes.set(file, (m = new Map()));
    m.set(owner, (m.get(owner) ?? 0) + 1);
  }
  for (const [file, m] of [...votes].sort((a, b) => compareStrings(a[0], b[0]))) {
    const here = groupOfUnit.get(file);
    // A service made only of entity files keeps them (moving would leave it empty).
    if (here === undefined || touches.has(file) || isPinned(file) || groups[here].units.length <= 1) continue;
    const ranked = [...m].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    if (ranked[0][0] === here || ranked[0][1] <= (m.get(here) ?? 0)) continue;
    groups[here].units = groups[here].units.filter((u) => u !== file);
    groups[ranked[0][0]].units = [...groups[ranked[0][0]].units, file].sort(compareStrings);
  }
}
