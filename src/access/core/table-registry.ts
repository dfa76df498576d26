/**
 * Tables of a query-builder ORM (Knex, Kysely), where names are plain strings:
 * declared by migrations or a schema type, found in tables other adapters
 * declared, else created on first use (declaredIn = that use).
 * Lookups are case-insensitive and ignore the `public.` schema, like the SQL parser.
 */
import type { Table } from '../../model/result.js';

const keyOf = (store: string, name: string): string =>
  `${store}\0${name
    .replace(/"/g, '')
    .replace(/^public\./i, '')
    .toLowerCase()}`;

export class TableRegistry {
  private readonly tables = new Map<string, Table>();
  /** Keys of tables only used or typed (`Kysely<DB>` keys), not (yet) declared by a migration. */
  private readonly provisionalKeys = new Set<string>();

  constructor(
    private readonly orm: string,
    private readonly known: readonly Table[],
  ) {}

  /** Declare a table (migration, schema type); the first declaration wins. */
  declare(store: string, name: string, declaredIn: string, columns?: string[], entity?: string): Table {
    const clean = name.replace(/"/g, '').replace(/^public\./i, '');
    const key = keyOf(store, clean);
    const existing = this.tables.get(key);
    if (existing && this.provisionalKeys.delete(key)) existing.declaredIn = declaredIn;
    if (existing) {
      if (columns?.length) existing.columns = [...new Set([...(existing.columns ?? []), ...columns])].sort();
      return existing;
    }
    const table: Table = { id: `${store}:${clean}`, store, name: clean, orm: this.orm, declaredIn };
    if (entity) table.entity = entity;
    if (columns?.length) table.columns = [...new Set(columns)].sort();
    this.tables.set(key, table);
    return table;
  }

  /** The table a name used in code refers to: own, another adapter's, or a new one. */
  use(store: string, name: string, usedAt: string): string {
    const own = this.tables.get(keyOf(store, name));
    if (own) return own.id;
    const other = this.known.find((t) => t.store === store && keyOf(store, t.name) === keyOf(store, name));
    if (other) return other.id;
    return this.declareProvisional(store, name, usedAt).id;
  }

  /**
   * A table a type names (the keys of Kysely's `DB`), or a use creates: it stands
   * until a migration here, or another adapter's schema (Prisma, TypeORM…), declares it.
   */
  declareProvisional(store: string, name: string, declaredIn: string, columns?: string[]): Table {
    const key = keyOf(store, name);
    const existing = this.tables.get(key);
    if (existing) {
      if (columns?.length) existing.columns = [...new Set([...(existing.columns ?? []), ...columns])].sort();
      return existing;
    }
    const table = this.declare(store, name, declaredIn, columns);
    this.provisionalKeys.add(key);
    return table;
  }

  /** Ids of the tables no migration declared. */
  provisional(): string[] {
    return [...this.provisionalKeys].map((key) => this.tables.get(key)!.id).sort();
  }

  list(): Table[] {
    return [...this.tables.values()];
  }
}
