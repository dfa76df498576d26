/**
 * Find the SQL a client runs and turn it into access sites: calls of a SQL
 * method on a traced client (`pool.query`, `db.prepare`, `t.none`,
 * `connection.one`), tagged templates on a postgres.js client, and calls of
 * query wrappers (functions that forward their SQL parameter to a client,
 * like node-postgres' recommended `query(text, params)`). A generic base
 * repository's `${this.tableName}` is resolved per subclass, and the sites
 * belong to the subclass (`UsersRepository.findAll`), so the base class does
 * not glue every table together.
 */
import type { ArgFact, CallFact, FileFacts } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';
import type { Problem, UnresolvedAccess } from '../../../model/result.js';
import type { AccessSite, SqlParse } from '../../adapter.js';
import { createCallResolver, symbolKey } from '../../call-graph.js';
import { createClassHierarchy } from '../../core/class-hierarchy.js';
import { inheritingSubclasses } from '../../core/subclass-sites.js';
import type { ClientTracer } from './clients.js';
import type { ConstantFollower } from '../../core/follow-constant.js';
import { BEGIN_METHODS, END_METHODS, SQL_METHODS, TRANSACTION_CALLBACK_METHODS } from './drivers.js';
import { sqlOfArg } from './sql-text.js';
import type { TableRegistry } from './tables.js';

export const ORM = 'raw-sql';

/** A call on a client, kept for transaction detection. */
export interface ClientCall {
  file: string;
  call: CallFact;
  driver: string;
  method: string;
  statement?: string;
}

export interface SiteContext {
  index: ProjectIndex;
  tracer: ClientTracer;
  constants: ConstantFollower;
  registry: TableRegistry;
  parseSql: (sql: string) => SqlParse;
}

export interface SiteOutput {
  accesses: AccessSite[];
  unresolved: UnresolvedAccess[];
  problems: Problem[];
  clientCalls: ClientCall[];
}

/** Method names worth tracing a receiver for: SQL runners and transaction control. */
const CLIENT_CALL_METHODS = new Set([...SQL_METHODS, ...TRANSACTION_CALLBACK_METHODS, ...BEGIN_METHODS, ...END_METHODS]);

const ONLY_INTERPOLATIONS = /^\s*(\$\{[^}]*\}\s*)+$/;

/** Rounds of wrapper discovery (a wrapper of a wrapper of the client). */
const WRAPPER_ROUNDS = 4;

export function findAccessSites(files: readonly FileFacts[], ctx: SiteContext): SiteOutput {
  const out: SiteOutput = { accesses: [], unresolved: [], problems: [], clientCalls: [] };
  const wrappers = new Map<string, number>(); // symbolKey → index of the forwarded SQL parameter
  const hierarchy = createClassHierarchy(ctx.index, files);

  const handle = (file: string, call: CallFact, arg: ArgFact | undefined, via: string): string | undefined => {
    const sql = sqlOfArg(ctx.index, ctx.constants, { file, symbol: call.symbol }, call, arg);
    if (sql.kind === 'forwarded') {
      wrappers.set(symbolKey(file, call.symbol), sql.param);
      return undefined;
    }
    if (sql.kind === 'unknown') {
      out.unresolved.push({ unit: file, symbol: call.symbol, line: call.line, orm: ORM, reason: 'dynamic-sql', detail: sql.detail });
      return undefined;
    }
    if (ONLY_INTERPOLATIONS.test(sql.text)) {
      // `${prefix}${sql}` with nothing of its own: SQL handed down from callers carve cannot follow
      out.unresolved.push({
        unit: file,
        symbol: call.symbol,
        line: call.line,
        orm: ORM,
        reason: 'dynamic-sql',
        detail: sql.text.slice(0, 80),
      });
      return undefined;
    }
    const parsed = ctx.parseSql(sql.text);
    if (parsed.error) {
      out.problems.push({ path: file, line: call.line, source: 'sql', message: `${parsed.error}: ${sql.text.slice(0, 80)}` });
      out.unresolved.push({
        unit: file,
        symbol: call.symbol,
        line: call.line,
        orm: ORM,
        reason: 'unparsable-sql',
        detail: sql.text.slice(0, 80),
      });
      return parsed.statement;
    }
    for (const t of parsed.tables) {
      for (const name of ctx.registry.expand(t.name)) {
        out.accesses.push({
          unit: file,
          symbol: call.symbol,
          table: ctx.registry.resolve(name, `${file}:${call.line}`),
          mode: t.mode,
          line: call.line,
          callId: call.id,
          via,
        });
      }
    }
    if (parsed.dynamic && !(sql.thisExprs && expandSubclasses(file, call, arg, via))) {
      out.unresolved.push({
        unit: file,
        symbol: call.symbol,
        line: call.line,
        orm: ORM,
        reason: 'dynamic-table-name',
        detail: sql.text.slice(0, 80),
      });
    }
    return parsed.statement;
  };

  /** `${this.tableName}` in a base class method: one site per subclass that gives the field a value. */
  const expandSubclasses = (file: string, call: CallFact, arg: ArgFact | undefined, via: string): boolean => {
    const [className, method] = call.symbol.split('.');
    const cls = ctx.index.files.get(file)?.classes.find((c) => c.name === className);
    if (!cls || !method) return false;
    let expanded = false;
    for (const sub of inheritingSubclasses(hierarchy, ctx.index, file, className, method)) {
      const sql = sqlOfArg(ctx.index, ctx.constants, { file, symbol: call.symbol, concrete: sub }, call, arg);
      if (sql.kind !== 'sql') continue;
      const parsed = ctx.parseSql(sql.text);
      if (parsed.dynamic || parsed.error) continue;
      expanded = true;
      for (const name of parsed.tables.flatMap((t) => ctx.registry.expand(t.name).map((n) => ({ n, mode: t.mode })))) {
        out.accesses.push({
          unit: sub.file,
          symbol: `${sub.cls.name}.${method}`,
          table: ctx.registry.resolve(name.n, `${sub.file}:${sub.cls.line}`),
          mode: name.mode,
          line: sub.cls.line,
          callId: -1, // inherited: no call of this file performs it
          via: `${className}.${method}: ${via}`,
        });
      }
    }
    return expanded;
  };

  for (const facts of files) {
    for (const call of facts.calls) {
      const dot = call.callee.lastIndexOf('.');
      if (call.tagged) {
        // postgres.js: sql`…` on a client (slonik's sql`…` only builds; its executor is matched below)
        if (call.callee.includes('(')) continue;
        const driver = ctx.tracer.clientOf(facts.path, call, call.callee);
        if (!driver) continue;
        const statement = handle(facts.path, call, call.args[0], `${call.callee}\`…\``);
        out.clientCalls.push({ file: facts.path, call, driver, method: 'tagged', statement });
        continue;
      }
      if (dot <= 0) continue;
      const method = call.callee.slice(dot + 1);
      if (!CLIENT_CALL_METHODS.has(method)) continue;
      const driver = ctx.tracer.clientOf(facts.path, call, call.callee.slice(0, dot));
      if (!driver) continue;
      let statement: string | undefined;
      if (SQL_METHODS.has(method) && call.args.length > 0 && !isCallback(call.args[0]))
        statement = handle(facts.path, call, firstSqlArg(call.args), call.callee);
      out.clientCalls.push({ file: facts.path, call, driver, method, statement });
    }
  }

  // calls of query wrappers, outward until no new wrapper appears
  const resolve = createCallResolver(ctx.index, new Set(wrappers.keys()));
  const done = new Set<string>();
  for (let round = 0; round < WRAPPER_ROUNDS; round++) {
    const pending = [...wrappers.entries()].filter(([key]) => !done.has(key));
    if (pending.length === 0) break;
    for (const [key] of pending) done.add(key);
    const byKey = new Map(pending);
    const names = new Set(pending.map(([key]) => lastName(key.slice(key.indexOf('#') + 1))));
    for (const facts of files) {
      for (const call of facts.calls) {
        if (call.tagged || call.callee.startsWith('new ')) continue;
        const name = lastName(call.callee);
        if (!names.has(name) && !(names.has('<module>') && SQL_METHODS.has(name))) continue;
        const target = resolve(facts.path, call) ?? moduleWrapper(ctx.index, facts.path, call, byKey);
        const param = target ? byKey.get(symbolKey(target.file, target.symbol)) : undefined;
        if (param === undefined || !target || call.args.length <= param) continue;
        handle(facts.path, call, call.args[param], call.callee === target.symbol ? call.callee : `${call.callee} → ${target.symbol}`);
      }
    }
  }
  return out;
}

const lastName = (symbol: string): string => symbol.slice(symbol.lastIndexOf('.') + 1);

/** pg's `client.query(text, values, callback)` and `{ text }` configs: the first argument that is not a callback. */
function firstSqlArg(args: readonly ArgFact[]): ArgFact | undefined {
  return args.find((a) => a.k !== 'fn');
}

function isCallback(arg: ArgFact): boolean {
  return arg.k === 'fn';
}

/**
 * `db.query(…)` where `db` is a project module (or its default export object)
 * whose object-literal methods forward SQL to a client: those methods' calls
 * carry the module symbol, so the module itself is the wrapper.
 */
function moduleWrapper(
  index: ProjectIndex,
  file: string,
  call: CallFact,
  wrappers: ReadonlyMap<string, number>,
): { file: string; symbol: string } | undefined {
  const parts = call.callee.split('.');
  if (parts.length !== 2 || !SQL_METHODS.has(parts[1])) return undefined;
  const resolved = index.resolveName(file, parts[0]);
  if (resolved?.kind !== 'internal') return undefined;
  return wrappers.has(symbolKey(resolved.file, '<module>')) ? { file: resolved.file, symbol: '<module>' } : undefined;
}
