/**
 * Tables and foreign keys from Knex schema builder calls (migrations):
 * `knex.schema.createTable('orders', (t) => { t.integer('user_id').references('id').inTable('users') })`.
 * `.references('users.id')` names the table directly; `.inTable('users')` / `.on('users')` completes `.references('id')`.
 * A table name in a constant is followed.
 * `alterTable`/`table` add foreign keys to an existing table.
 */
import type { CallFact, FileFacts } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';
import type { Relation } from '../../../model/result.js';
import { followConstant } from '../../core/follow-constant.js';
import type { TableRegistry } from '../../core/table-registry.js';

// `knex.schema.withSchema('s').createTable(…)`, and chained `createTable(…).createTable(…).table(…)`.
const CREATE = /\.schema(?:\.\w+\(\))*\.(createTable|createTableIfNotExists|createTableLike)$/;
const ALTER = /\.schema(?:\.\w+\(\))*\.(alterTable|table)$/;

/** The client expression in front of `.schema.createTable`, for tracing. */
export function schemaClientExpr(callee: string): string | undefined {
  const at = callee.indexOf('.schema.');
  return CREATE.test(callee) || ALTER.test(callee) ? callee.slice(0, at) : undefined;
}

function referencedTable(facts: FileFacts, call: CallFact): string | undefined {
  const m = call.callee.slice(call.callee.lastIndexOf('.') + 1);
  const arg = call.args[0]?.k === 'str' ? call.args[0].v : undefined;
  if (!arg) return undefined;
  if (m === 'inTable' || m === 'on') return arg;
  if (m !== 'references') return undefined;
  // `.references('id').inTable('users')` is read at `inTable`; `.references('users.id')` names it here.
  const next = call.outer === undefined ? undefined : facts.calls[call.outer];
  if (next && (next.callee.endsWith('.inTable') || next.callee.endsWith('.on'))) return undefined;
  const dot = arg.lastIndexOf('.');
  return dot > 0 ? arg.slice(0, dot) : undefined;
}

/**
 * Read one `createTable`/`alterTable` call; returns false when it is not one.
 * Run once with `relations` undefined to declare every table, then again to read
 * foreign keys, so a table referenced before its migration keeps its real `declaredIn`.
 */
export function readSchemaCall(
  index: ProjectIndex,
  facts: FileFacts,
  call: CallFact,
  store: string,
  registry: TableRegistry,
  relations: Relation[] | undefined,
  orm: string,
): boolean {
  const create = CREATE.test(call.callee);
  if (!create && !ALTER.test(call.callee)) return false;
  const arg = call.args[0];
  const name =
    arg?.k === 'str' ? arg.v : arg?.k === 'id' || arg?.k === 'member' ? followConstant(index, facts.path, arg.v, call.symbol) : undefined;
  if (!name) return true;
  const at = `${facts.path}:${call.line}`;
  const builder = call.args.find((a) => a.k === 'fn');
  const param = builder?.k === 'fn' ? builder.params[0] : undefined;
  const inside = facts.calls.filter((c) => c.within.includes(call.id));
  const columns = inside
    .filter((c) => param && c.callee.startsWith(`${param}.`) && c.callee.split('.').length === 2 && c.args[0]?.k === 'str')
    .map((c) => (c.args[0] as { v: string }).v);
  if (!relations) {
    if (create) registry.declare(store, name, at, columns);
    return true;
  }
  const id = registry.use(store, name, at);
  for (const c of inside) {
    const target = referencedTable(facts, c);
    if (!target) continue;
    relations.push({
      from: id,
      to: registry.use(store, target, `${facts.path}:${c.line}`),
      kind: 'foreign-key',
      declaredIn: `${facts.path}:${c.line}`,
      orm,
    });
  }
  return true;
}
