/**
 * Table names in raw SQL → table ids. A name resolves, case-insensitively,
 * to a table another adapter declared (so raw SQL against a Prisma table
 * lands on that table), then to one a `.sql` migration declared, and is
 * otherwise created on first sight in the default store. A view stands for
 * the tables it reads. When two stores
 * declare the name, the default store wins, then the first id in order.
 */
import type { Table } from '../../../model/result.js';

export class TableRegistry {
  private readonly known = new Map<string, Table>();
  private readonly own = new Map<string, Table>();
  private readonly views = new Map<string, string[]>();

  constructor(
    knownTables: readonly Table[],
    private readonly defaultStore: string,
  ) {
    const sorted = [...knownTables].sort(
      (a, b) => Number(b.store === defaultStore) - Number(a.store === defaultStore) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    for (const t of sorted) {
      const key = t.name.toLowerCase();
      if (!this.known.has(key)) this.known.set(key, t);
    }
  }

  /** Declare a table from a migration; a name another adapter knows stays theirs. */
  declare(name: string, orm: string, declaredIn: string, columns?: string[]): string {
    const key = name.toLowerCase();
    const existing = this.known.get(key) ?? this.own.get(key);
    if (existing) {
      if (existing.orm === orm && columns?.length && this.own.has(key))
        existing.columns = [...new Set([...(existing.columns ?? []), ...columns])].sort();
      return existing.id;
    }
    const table: Table = { id: `${this.defaultStore}:${name}`, store: this.defaultStore, name, orm, declaredIn };
    if (columns?.length) table.columns = columns;
    this.own.set(key, table);
    return table.id;
  }

  /** A migration renamed a table: the table keeps its columns under the new name. */
  rename(from: string, to: string, orm: string, declaredIn: string): void {
    const old = this.own.get(from.toLowerCase());
    this.own.delete(from.toLowerCase());
    this.declare(to, orm, declaredIn, old?.columns);
  }

  /** A view: queries naming it touch the tables it reads. */
  defineView(name: string, reads: readonly string[]): void {
    this.views.set(name.toLowerCase(), [...reads]);
  }

  /** The table names a name stands for: itself, or a view's base tables (views of views followed). */
  expand(name: string, depth = 0): string[] {
    const reads = this.views.get(name.toLowerCase());
    if (!reads || depth > 8) return [name];
    return [...new Set(reads.flatMap((r) => this.expand(r, depth + 1)))].sort();
  }

  /** Forget a migration table a later migration dropped. */
  drop(name: string): void {
    this.own.delete(name.toLowerCase());
  }

  /**
   * The id for a name used in a query; created (orm `raw-sql`) on first sight.
   * An unqualified name that only a schema-qualified table has (`jobs` for
   * `worker.jobs`, from SQL with an interpolated schema) takes that table.
   */
  resolve(name: string, declaredIn: string): string {
    const key = name.toLowerCase();
    if (!key.includes('.') && !this.known.has(key) && !this.own.has(key)) {
      const qualified = [...this.known.values(), ...this.own.values()].filter((t) => t.name.toLowerCase().endsWith(`.${key}`));
      if (qualified.length === 1) return qualified[0].id;
    }
    return this.declare(name, 'raw-sql', declaredIn);
  }

  tables(): Table[] {
    return [...this.own.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
