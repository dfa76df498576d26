/**
 * `.sql` files (migrations, schema dumps): `CREATE TABLE` declares tables
 * (orm `sql`), `REFERENCES` declares foreign keys. Files are read in path
 * order, so numbered migrations apply in sequence and a later `DROP TABLE`
 * removes a table — except in down/rollback files, which undo rather than
 * describe the schema. SQL under test folders sets up test databases, not
 * the application's, and is left out.
 */
import type { Problem, Relation } from '../../../model/result.js';
import type { SchemaFile } from '../../adapter.js';
import { isTestPath } from '../../../discover/default-excludes.js';
import { readDdl } from '../../sql/ddl.js';
import type { TableRegistry } from './tables.js';

const UNDO_FILE = /(^|[._/-])(down|rollback|revert|undo)([._/-]|$)/i;

export function readMigrations(files: readonly SchemaFile[], registry: TableRegistry): { relations: Relation[]; problems: Problem[] } {
  const relations: Relation[] = [];
  const problems: Problem[] = [];
  const pending: { from: string; to: string; column?: string; declaredIn: string }[] = [];
  for (const file of [...files].filter((f) => !isTestPath(f.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    let ddl: ReturnType<typeof readDdl>;
    try {
      ddl = readDdl(file.text);
    } catch (error) {
      problems.push({
        path: file.path,
        source: 'sql',
        message: `could not read SQL: ${error instanceof Error ? error.message : String(error)}`,
      });
      continue;
    }
    if (UNDO_FILE.test(file.path)) continue;
    for (const change of ddl.changes) {
      if ('create' in change) registry.declare(change.create.name, 'sql', `${file.path}:${change.create.line}`, change.create.columns);
      else registry.drop(change.drop);
    }
    for (const r of ddl.references) pending.push({ from: r.from, to: r.to, column: r.column, declaredIn: `${file.path}:${r.line}` });
  }
  // references resolve once every file is read: a foreign key may point at a table created later
  for (const r of pending) {
    const relation: Relation = {
      from: registry.declare(r.from, 'sql', r.declaredIn),
      to: registry.declare(r.to, 'sql', r.declaredIn),
      kind: 'foreign-key',
      declaredIn: r.declaredIn,
      orm: 'sql',
    };
    if (r.column) relation.field = r.column;
    relations.push(relation);
  }
  return { relations, problems };
}
