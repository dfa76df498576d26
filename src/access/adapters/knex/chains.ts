/**
 * A Knex query is a call chain: `knex('orders').join('users', …).where(…).update(…)`.
 * Read one chain from its head call along `CallFact.outer`: the tables it names
 * (primary from the head, `from/into/table`; joined ones read), CTE names to
 * ignore, and whether it writes.
 */
import type { ArgFact, CallFact, FileFacts } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';
import { followConstant } from '../../core/follow-constant.js';

export const TABLE_METHODS = new Set(['from', 'into', 'table']);
export const JOIN_METHODS = new Set([
  'join',
  'innerJoin',
  'leftJoin',
  'leftOuterJoin',
  'rightJoin',
  'rightOuterJoin',
  'fullOuterJoin',
  'outerJoin',
  'crossJoin',
]);
export const WRITE_METHODS = new Set(['insert', 'update', 'del', 'delete', 'truncate', 'upsert', 'increment', 'decrement']);
const CTE_METHODS = new Set(['with', 'withRecursive', 'withMaterialized', 'withNotMaterialized']);

export type TableArg = { name: string } | { dynamic: string };

export const methodOf = (callee: string): string => callee.slice(callee.lastIndexOf('.') + 1);

/** `users as u` → `users`; `{ u: 'users' }` → `users`; constants followed; subqueries and callbacks skipped. */
export function tableArg(index: ProjectIndex, file: string, arg: ArgFact | undefined, scope: string): TableArg | undefined {
  if (!arg) return undefined;
  const clean = (s: string): string => s.trim().split(/\s+as\s+|\s+/i)[0];
  if (arg.k === 'str') return arg.v.trim() ? { name: clean(arg.v) } : undefined;
  if (arg.k === 'tpl') return arg.exprs.length === 0 ? { name: clean(arg.parts[0]) } : { dynamic: arg.parts.join('${…}') };
  if (arg.k === 'obj') {
    // The alias form `{ u: 'users' }`: one property naming the table.
    const values = Object.values(arg.props);
    return values.length === 1 && values[0].k === 'str' ? tableArg(index, file, values[0], scope) : undefined;
  }
  if (arg.k === 'id' || arg.k === 'member') {
    const value = followConstant(index, file, arg.v, scope);
    return value ? { name: clean(value) } : { dynamic: arg.v };
  }
  return undefined;
}

export interface ChainRead {
  calls: CallFact[];
  /** Primary tables, with the argument fact that named them. */
  primary: TableArg[];
  joined: TableArg[];
  writes: boolean;
  /** The method that decides the mode, for `via`. */
  verb?: string;
}

/** Follow `outer` from `head`; `headTable` is the head call's own table argument, if any. */
export function readChain(index: ProjectIndex, facts: FileFacts, head: CallFact, headTable: ArgFact | undefined): ChainRead {
  const calls: CallFact[] = [];
  for (let c: CallFact | undefined = head; c; c = c.outer === undefined ? undefined : facts.calls[c.outer]) calls.push(c);
  const ctes = new Set<string>();
  // a CTE is visible to its own chain and to subqueries in callbacks inside it (`withRecursive('paths', (qb) => qb…join('paths'))`)
  const scopes = [...calls, ...head.within.map((id) => facts.calls[id]).filter((c): c is CallFact => c !== undefined)];
  for (const c of scopes) if (CTE_METHODS.has(methodOf(c.callee)) && c.args[0]?.k === 'str') ctes.add(c.args[0].v);
  const keep = (t: TableArg | undefined): t is TableArg => t !== undefined && !('name' in t && ctes.has(t.name));
  const primary: TableArg[] = [];
  const joined: TableArg[] = [];
  const first = tableArg(index, facts.path, headTable, head.symbol);
  if (keep(first)) primary.push(first);
  let verb: string | undefined;
  let writes = false;
  calls.forEach((c, i) => {
    const m = methodOf(c.callee);
    if (i > 0 || headTable === undefined) {
      if (TABLE_METHODS.has(m)) {
        const t = tableArg(index, facts.path, c.args[0], c.symbol);
        if (keep(t)) primary.push(t);
      } else if (JOIN_METHODS.has(m)) {
        const t = tableArg(index, facts.path, c.args[0], c.symbol);
        if (keep(t)) joined.push(t);
      }
    }
    if (WRITE_METHODS.has(m) && !writes) {
      writes = true;
      verb = m;
    }
  });
  return { calls, primary, joined, writes, verb };
}
