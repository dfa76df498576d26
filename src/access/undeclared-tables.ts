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
