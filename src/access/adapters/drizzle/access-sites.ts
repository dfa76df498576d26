/**
 * Access sites. A drizzle table variable passed to `from`/joins (read),
 * `insert`/`update`/`delete` (write) or `$count` (read) is evidence enough;
 * relational queries `db.query.<name>.findMany/findFirst` read the table
 * exported as `<name>` and the tables of their `with` relations; `sql`
 * templates given to `execute/run/all/get/values` go through the SQL parser.
 */
import type { ArgFact, CallFact, FileFacts } from '../../../extract/file-facts.js';
import type { AccessMode, Problem, UnresolvedAccess, UnresolvedReason } from '../../../model/result.js';
import type { AccessSite, SqlParse } from '../../adapter.js';
import type { DrizzleInstance } from './instances.js';
import type { DrizzleTable } from './tables.js';
import type { TableRefs } from './table-refs.js';

const TABLE_ARG_MODES: Record<string, AccessMode> = {
  from: 'read',
  innerJoin: 'read',
  leftJoin: 'read',
  rightJoin: 'read',
  fullJoin: 'read',
  crossJoin: 'read',
  innerJoinLateral: 'read',
  leftJoinLateral: 'read',
  crossJoinLateral: 'read',
  $count: 'read',
  insert: 'write',
  update: 'write',
  delete: 'write',
};
const RAW_METHODS = new Set(['execute', 'run', 'all', 'get', 'values']);

export interface SiteResult {
  accesses: AccessSite[];
  unresolved: UnresolvedAccess[];
  problems: Problem[];
}

export type IsDb = (file: FileFacts, call: CallFact, recv: string) => boolean;

/** The receiver text at the root of a chain: `db` for `db.select().from`. */
export function chainRoot(file: FileFacts, call: CallFact): { call: CallFact; recv: string } {
  let c = call;
  while (c.receiver !== undefined) c = file.calls[c.receiver];
  const dot = c.callee.lastIndexOf('.');
  return { call: c, recv: dot > 0 ? c.callee.slice(0, dot) : '' };
}

/** A subquery or CTE variable (`const sq = db.select()….as('sq')`): its tables were counted where it was built. */
function isSubquery(file: FileFacts, symbol: string, arg: ArgFact): boolean {
  if (arg.k !== 'id') return arg.k === 'call';
  const v = file.variables.find((x) => x.name === arg.v && (x.scope === symbol || x.scope === '<module>'));
  return v?.init?.k === 'call' && /\.(as|\$with|with)$|^sql$/.test(v.init.callee);
}

export function findAccessSites(
  files: readonly FileFacts[],
  refs: TableRefs,
  named: Map<string, Map<string, DrizzleTable>>,
  isDb: IsDb,
  parseSql: (sql: string) => SqlParse,
  defaultStore: string,
  instances: readonly DrizzleInstance[],
): SiteResult {
  const out: SiteResult = { accesses: [], unresolved: [], problems: [] };
  for (const file of files) {
    for (const call of file.calls) {
      const dot = call.callee.lastIndexOf('.');
      if (dot <= 0) continue;
      const method = call.callee.slice(dot + 1);
      const recv = call.callee.slice(0, dot);
      const site = (t: DrizzleTable, mode: AccessMode, via: string): void => {
        out.accesses.push({ unit: file.path, symbol: call.symbol, table: t.table.id, mode, line: call.line, callId: call.id, via });
      };
      const unresolved = (reason: UnresolvedReason, detail: string): void => {
        out.unresolved.push({ unit: file.path, symbol: call.symbol, line: call.line, orm: 'drizzle', reason, detail });
      };
      const mode = Object.hasOwn(TABLE_ARG_MODES, method) ? TABLE_ARG_MODES[method] : undefined;
      if (mode) {
        const arg = call.args[0];
        const table = refs.byArg(file, call.symbol, arg);
        if (table) site(table, mode, `${call.callee}(${table.variable})`);
        else if (arg && !isSubquery(file, call.symbol, arg) && (arg.k === 'id' || arg.k === 'member')) {
          const root = chainRoot(file, call);
          if (isDb(file, root.call, root.recv)) unresolved('unknown-table', `${call.callee}(${arg.v})`);
        }
        continue;
      }
      const query = /(?:^|\.)query\.([\w$]+)$/.exec(recv);
      if (query && (method === 'findMany' || method === 'findFirst')) {
        const table = queryTable(files, refs, instances, query[1]);
        if (!table) {
          if (isDb(file, call, recv.replace(/\.?query\.[\w$]+$/, ''))) unresolved('unknown-table', call.callee);
          continue;
        }
        site(table, 'read', call.callee);
        for (const t of withTables(named, table, call.args[0])) site(t, 'read', `${call.callee} with ${t.variable}`);
        continue;
      }
      if (RAW_METHODS.has(method) && call.args[0] && isDb(file, call, recv)) {
        const text = sqlText(file, call.symbol, refs, call.args[0]);
        if (text === undefined) continue;
        const parsed = parseSql(text);
        if (parsed.error) {
          out.problems.push({ path: file.path, line: call.line, source: 'sql', message: parsed.error });
          unresolved('unparsable-sql', parsed.error);
          continue;
        }
        const interpolated = parsed.tables.some((t) => t.name.includes('${') || /^\$\d+$/.test(t.name));
        for (const t of parsed.tables.filter(
          (x) =>
            !x.name.includes('${') && !/^\$\d+$/.test(x.name) && !/^(pg_|information_schema\.|sqlite_master$|sqlite_schema$)/i.test(x.name),
        )) {
          const known =
            refs.tables.find((x) => x.table.name === t.name) ??
            refs.tables.find((x) => x.table.name.toLowerCase() === t.name.toLowerCase());
          out.accesses.push({
            unit: file.path,
            symbol: call.symbol,
            table: known?.table.id ?? `${defaultStore}:${t.name}`,
            mode: t.mode,
            line: call.line,
            callId: call.id,
            via: `${call.callee}(sql)`,
          });
        }
        // Interpolated names the parser kept (`"${name}"`) and catalogs (`pg_tables`) are skipped; the former count as dynamic.
        if (parsed.dynamic || interpolated) unresolved('dynamic-sql', call.callee);
      }
    }
  }
  return out;
}

/** The table behind `db.query.<name>`: a key of an instance's `schema: { … }` object, else the exported variable of that name. */
function queryTable(
  files: readonly FileFacts[],
  refs: TableRefs,
  instances: readonly DrizzleInstance[],
  name: string,
): DrizzleTable | undefined {
  for (const inst of instances) {
    const ref = inst.schemaKeys?.[name];
    const file = ref ? files.find((f) => f.path === inst.file) : undefined;
    const table = file && ref ? refs.byRef(file, '<module>', ref) : undefined;
    if (table) return table;
  }
  return refs.byName(name);
}

/** Tables reached by `with: { posts: true, author: { with: { … } } }`. */
function withTables(
  named: Map<string, Map<string, DrizzleTable>>,
  from: DrizzleTable,
  options: ArgFact | undefined,
  depth = 0,
): DrizzleTable[] {
  const w = options?.k === 'obj' ? options.props.with : undefined;
  if (w?.k !== 'obj' || depth > 4) return [];
  return Object.entries(w.props).flatMap(([name, sub]) => {
    const target = named.get(from.key)?.get(name);
    return target ? [target, ...withTables(named, target, sub, depth + 1)] : [];
  });
}

/** SQL text of a `sql\`…\`` template (table variables become their names) or a literal. */
function sqlText(file: FileFacts, symbol: string, refs: TableRefs, arg: ArgFact): string | undefined {
  if (arg.k === 'str') return arg.v;
  // `sql\`…\`` and `sql.raw('…')`
  const tpl = arg.k === 'call' && /(^|\.)sql(\.raw)?$/.test(arg.callee) ? arg.args[0] : undefined;
  if (tpl?.k === 'str') return tpl.v;
  if (tpl?.k !== 'tpl') return undefined;
  return tpl.parts
    .map((part, i) => {
      if (i >= tpl.exprs.length) return part;
      const table = refs.byRef(file, symbol, tpl.exprs[i]);
      return `${part}${table ? table.table.name : `\${${tpl.exprs[i]}}`}`;
    })
    .join('');
}
