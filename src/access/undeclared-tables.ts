/**
 * Tables used but never declared. An adapter may access or relate a table no
 * schema names (raw SQL through an ORM escape, a relation to an unmapped
 * table): it still becomes a table, first seen where it is first used, so no
 * edge of the result points at nothing.
 */
import type { Relation, Table } from '../model/result.js';

export function addUndeclaredTables(
  tables: Map<string, Table>,
  sites: readonly { table: string; orm: string; unit: string; line: number }[],
  relations: readonly Relation[],
  defaultStore: string,
): void {
  const uses = [
    ...sites.map((s) => ({ id: s.table, orm: s.orm, at: `${s.unit}:${s.line}` })),
    ...relations.flatMap((r) => [r.from, r.to].map((id) => ({ id, orm: r.orm, at: r.declaredIn }))),
  ];
  for (const use of uses) {
    if (tables.has(use.id)) continue;
    const colon = use.id.indexOf(':');
    const table: Table = {
      id: use.id,
      store: colon > 0 ? use.id.slice(0, colon) : defaultStore,
      name: use.id.slice(colon + 1),
      orm: use.orm,
    };
    if (use.at) table.declaredIn = use.at;
    tables.set(use.id, table);
  }
}

/**
 * A provisional table (an adapter only saw it in use or in a type:
 * `knex('User')` before Prisma's `model User` was read) whose name another adapter declares in the same store,
 * compared like SQL does (case-insensitive, no quotes, no `public.`), is that
 * declared table: its sites and relations move over and it disappears.
 */
export function adoptDeclaredTables(
  tables: Map<string, Table>,
  provisional: ReadonlySet<string>,
  sites: { table: string }[],
  relations: Relation[],
): void {
  const declared = new Map<string, string>();
  for (const t of [...tables.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const key = sqlKey(t);
    if (!provisional.has(t.id) && !declared.has(key)) declared.set(key, t.id);
  }
  const moved = new Map<string, string>();
  for (const id of provisional) {
    const table = tables.get(id);
    const target = table && declared.get(sqlKey(table));
    if (!target) continue;
    moved.set(id, target);
    tables.delete(id);
  }
  if (moved.size === 0) return;
  for (const site of sites) site.table = moved.get(site.table) ?? site.table;
  for (const r of relations) {
    r.from = moved.get(r.from) ?? r.from;
    r.to = moved.get(r.to) ?? r.to;
  }
}

const sqlKey = (t: Table): string =>
  `${t.store}\0${t.name
    .replace(/"/g, '')
    .replace(/^public\./i, '')
    .toLowerCase()}`;
