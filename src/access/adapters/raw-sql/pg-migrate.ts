/**
 * node-pg-migrate migrations (`exports.up = (pgm) => { pgm.createTable(…) }`):
 * `createTable`, `renameTable`, `dropTable`, foreign keys from column
 * `references`, `addColumns` and `addConstraint` with `foreignKeys`, and SQL
 * passed to `pgm.sql(…)`. Read in files that import node-pg-migrate, and in
 * the JavaScript migrations its template writes, which import nothing and
 * name the builder `pgm`.
 */
import type { ArgFact, FileFacts } from '../../../extract/file-facts.js';
import { type DdlChange, type DdlReference, readDdl } from '../../sql/ddl.js';
import { normalizeTableName } from '../../sql/table-name.js';
import type { Migration } from './migrations.js';

const PACKAGE = 'node-pg-migrate';

/** `'users'`, `'"users"'`, `'users(id)'`, `'audit.events'`, `{ schema, name }` → table name. */
function tableOf(arg: ArgFact | undefined): string | undefined {
  if (arg?.k === 'str') {
    const bare = arg.v.replace(/\(.*$/, '').trim();
    return bare ? normalizeTableName(bare.split('.').map((p) => p.trim())) : undefined;
  }
  if (arg?.k === 'obj' && arg.props.name?.k === 'str') {
    const schema = arg.props.schema?.k === 'str' ? arg.props.schema.v : undefined;
    return normalizeTableName(schema ? [schema, arg.props.name.v] : [arg.props.name.v]);
  }
  return undefined;
}

/** Foreign keys in a columns object: `{ org_id: { type: 'integer', references: 'orgs' } }`. */
function columnReferences(table: string, columns: ArgFact | undefined, line: number): DdlReference[] {
  if (columns?.k !== 'obj') return [];
  const refs: DdlReference[] = [];
  for (const [column, def] of Object.entries(columns.props)) {
    const to = def.k === 'obj' ? tableOf(def.props.references) : undefined;
    if (to) refs.push({ from: table, to, column, line });
  }
  return refs;
}

export function pgMigrateMigrations(files: readonly FileFacts[]): Migration[] {
  const migrations: Migration[] = [];
  for (const facts of files) {
    const imports = facts.imports.some((i) => i.specifier === PACKAGE || i.specifier.startsWith(`${PACKAGE}/`));
    if (!imports && !facts.calls.some((c) => c.callee.startsWith('pgm.'))) continue;
    const changes: DdlChange[] = [];
    const references: DdlReference[] = [];
    for (const call of facts.calls) {
      const method = call.callee.slice(call.callee.lastIndexOf('.') + 1);
      const table = tableOf(call.args[0]);
      if (method === 'sql' && call.args[0]?.k === 'str') {
        const ddl = readDdl(call.args[0].v);
        for (const c of ddl.changes) {
          if ('create' in c) changes.push({ create: { ...c.create, line: call.line } });
          else if ('rename' in c) changes.push({ rename: { ...c.rename, line: call.line } });
          else if ('view' in c) changes.push({ view: { ...c.view, line: call.line } });
          else changes.push(c);
        }
        references.push(...ddl.references.map((r) => ({ ...r, line: call.line })));
      } else if (!table) {
        continue;
      } else if (method === 'createTable') {
        const columns = call.args[1]?.k === 'obj' ? Object.keys(call.args[1].props).sort() : [];
        changes.push({ create: { name: table, line: call.line, columns } });
        references.push(...columnReferences(table, call.args[1], call.line));
      } else if (method === 'addColumns' || method === 'addColumn') {
        references.push(...columnReferences(table, call.args[1], call.line));
      } else if (method === 'addConstraint' || method === 'createConstraint') {
        const options = call.args[2];
        const fks = options?.k === 'obj' ? options.props.foreignKeys : undefined;
        for (const fk of fks?.k === 'arr' ? fks.items : fks ? [fks] : []) {
          const to = fk.k === 'obj' ? tableOf(fk.props.references) : undefined;
          const column = fk.k === 'obj' && fk.props.columns?.k === 'str' ? fk.props.columns.v : undefined;
          if (to) references.push({ from: table, to, column, line: call.line });
        }
      } else if (method === 'renameTable') {
        const to = tableOf(call.args[1]);
        if (to) changes.push({ rename: { from: table, to, line: call.line } });
      } else if (method === 'dropTable') {
        changes.push({ drop: table });
      }
    }
    if (changes.length > 0 || references.length > 0) migrations.push({ path: facts.path, orm: PACKAGE, ddl: { changes, references } });
  }
  return migrations;
}
