/**
 * `sequelize.query(sql)`: the SQL goes through the shared parser and its
 * tables are matched to declared ones by name (any store, this one first).
 */
import type { ArgFact, FileFacts } from '../../../extract/file-facts.js';
import type { Problem, Table, UnresolvedAccess, UnresolvedReason } from '../../../model/result.js';
import type { AccessSite, SqlParse } from '../../adapter.js';

export interface RawQueryResult {
  accesses: AccessSite[];
  unresolved: UnresolvedAccess[];
  problems: Problem[];
}

/** The SQL text of an argument: a literal, a template without holes, or a constant in scope. */
function sqlText(file: FileFacts, symbol: string, arg: ArgFact | undefined): { sql?: string } {
  if (!arg) return {};
  if (arg.k === 'str') return { sql: arg.v };
  // Holes stay as `${expr}`: the shared parser tells parameters from interpolated table names.
  if (arg.k === 'tpl') return { sql: arg.parts.map((p, i) => (i < arg.exprs.length ? `${p}\${${arg.exprs[i]}}` : p)).join('') };
  if (arg.k === 'id') {
    const v = file.variables.find((x) => x.name === arg.v && (x.scope === symbol || x.scope === '<module>'));
    if (v?.init && v.init.k !== 'id') return sqlText(file, symbol, v.init);
  }
  return {};
}

/** A name the parser kept from an interpolation (`"${name}"`, `$1`): not a table we know. */
export const isInterpolated = (name: string): boolean => name.includes('${') || /^\$\d+$/.test(name);

/** The database's own catalogs (`pg_tables`, `information_schema.columns`) are no application table. */
export const isSystemTable = (name: string): boolean =>
  /^(pg_|information_schema\.|sqlite_master$|sqlite_schema$)/i.test(name.replace(/["`]/g, ''));

export function tableMatcher(tables: readonly Table[], store: string): (name: string) => string {
  return (name) => {
    const bare = name.replace(/["`[\]]/g, '');
    const short = bare.slice(bare.lastIndexOf('.') + 1).toLowerCase();
    const hits = tables.filter((t) => t.name.toLowerCase() === bare.toLowerCase() || t.name.toLowerCase() === short);
    return (hits.find((t) => t.store === store) ?? hits[0])?.id ?? `${store}:${bare}`;
  };
}

export function rawQuerySite(
  file: FileFacts,
  callId: number,
  via: string,
  parseSql: (sql: string) => SqlParse,
  tableId: (name: string) => string,
  orm: string,
): RawQueryResult {
  const call = file.calls[callId];
  const out: RawQueryResult = { accesses: [], unresolved: [], problems: [] };
  const unresolved = (reason: UnresolvedReason, detail: string): void => {
    out.unresolved.push({ unit: file.path, symbol: call.symbol, line: call.line, orm, reason, detail });
  };
  const { sql } = sqlText(file, call.symbol, call.args[0]);
  if (sql === undefined) {
    unresolved('dynamic-sql', via);
    return out;
  }
  const parsed = parseSql(sql);
  if (parsed.error) {
    out.problems.push({ path: file.path, line: call.line, source: 'sql', message: parsed.error });
    unresolved('unparsable-sql', parsed.error);
    return out;
  }
  const interpolated = parsed.tables.some((t) => isInterpolated(t.name));
  for (const t of parsed.tables) {
    if (isInterpolated(t.name) || isSystemTable(t.name)) continue;
    out.accesses.push({ unit: file.path, symbol: call.symbol, table: tableId(t.name), mode: t.mode, line: call.line, callId, via });
  }
  if (parsed.dynamic || interpolated) unresolved('dynamic-sql', via);
  return out;
}
