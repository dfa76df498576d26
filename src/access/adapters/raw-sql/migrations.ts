/**
 * Schema from migrations: `.sql` files (migrations, schema dumps) and
 * node-pg-migrate files (see `pg-migrate.ts`). `CREATE TABLE` declares
 * tables, `REFERENCES` declares foreign keys. Migrations apply in path
 * order, so numbered files run in sequence and a later `DROP TABLE` or
 * rename removes a table — except in down/rollback files, which undo rather
 * than describe the schema. SQL under test folders sets up test databases,
 * not the application's, and is left out.
 */
import { isTestPath } from '../../../discover/default-excludes.js';
import type { Problem, Relation } from '../../../model/result.js';
import type { SchemaFile } from '../../adapter.js';
import { type DdlFacts, readDdl } from '../../sql/ddl.js';
import type { TableRegistry } from './tables.js';

export interface Migration {
  path: string;
  /** What declares the tables: `sql`, `node-pg-migrate`. */
  orm: string;
  ddl: DdlFacts;
}

const UNDO_FILE = /(^|[._/-])(down|rollback|revert|undo)([._/-]|$)/i;

export function sqlMigrations(files: readonly SchemaFile[], problems: Problem[]): Migration[] {
  const migrations: Migration[] = [];
  for (const file of files) {
    if (isTestPath(file.path) || UNDO_FILE.test(file.path)) continue;
    try {
      migrations.push({ path: file.path, orm: 'sql', ddl: readDdl(file.text) });
    } catch (error) {
      problems.push({
        path: file.path,
        source: 'sql',
        message: `could not read SQL: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  return migrations;
}

/** Declare the tables of all migrations, in path order; returns the foreign keys. */
export function applyMigrations(migrations: readonly Migration[], registry: TableRegistry): Relation[] {
  const pending: { from: string; to: string; column?: string; declaredIn: string; orm: string }[] = [];
  const renamed = new Map<string, string>();
  const dropped = new Set<string>();
  for (const m of [...migrations].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    for (const change of m.ddl.changes) {
      if ('create' in change) {
        dropped.delete(change.create.name.toLowerCase());
        registry.declare(change.create.name, m.orm, `${m.path}:${change.create.line}`, change.create.columns);
      } else if ('view' in change) {
        registry.defineView(change.view.name, change.view.reads);
      } else if ('rename' in change) {
        renamed.set(change.rename.from.toLowerCase(), change.rename.to);
        registry.rename(change.rename.from, change.rename.to, m.orm, `${m.path}:${change.rename.line}`);
      } else {
        dropped.add(change.drop.toLowerCase());
        registry.drop(change.drop);
      }
    }
    for (const r of m.ddl.references)
      pending.push({ from: r.from, to: r.to, column: r.column, declaredIn: `${m.path}:${r.line}`, orm: m.orm });
  }
  // references resolve once every file is read (a foreign key may point at a table created
  // later), under the tables' final names; keys of dropped tables went with them
  const current = (name: string): string => {
    let n = name;
    for (let i = 0; i < 16 && renamed.has(n.toLowerCase()); i++) n = renamed.get(n.toLowerCase()) as string;
    return n;
  };
  const relations: Relation[] = [];
  for (const r of pending) {
    const from = current(r.from);
    const to = current(r.to);
    if (dropped.has(from.toLowerCase()) || dropped.has(to.toLowerCase())) continue;
    const relation: Relation = {
      from: registry.declare(from, r.orm, r.declaredIn),
      to: registry.declare(to, r.orm, r.declaredIn),
      kind: 'foreign-key',
      declaredIn: r.declaredIn,
      orm: r.orm,
    };
    if (r.column) relation.field = r.column;
    relations.push(relation);
  }
  return relations;
}
