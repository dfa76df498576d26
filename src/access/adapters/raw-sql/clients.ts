/**
 * Does a receiver hold a SQL client? Traced on facts to a value created from
 * a driver package: `new Pool()`, `createPool()`, `mysql.createConnection()`,
 * `postgres(url)`, `new Database(file)`, `pgp(cn)`; a connection taken from
 * one (`await pool.connect()`, `pool.promise()`); a parameter, field or
 * variable typed with a driver type (`PoolClient`, `Sql`, `DatabasePool`);
 * a callback parameter of a client's `tx`/`transaction`/`begin`/`task`/
 * `connect`, or of a project helper that hands its callback a client, or one
 * annotated with a driver type (`(c: PoolClient) => …`, aliases followed); the
 * result of a project function that takes a connection from a client; and all of these through imports and class fields (inherited
 * too). Anything else — a `Map`, a cache, an ORM manager — is not a client.
 */
import type { ArgFact, CallFact, ClassFact, FileFacts } from '../../../extract/file-facts.js';
import type { ClassRef, ProjectIndex } from '../../../link/project-index.js';
import { createCallResolver } from '../../call-graph.js';
import { paramsOf } from '../../core/params-of.js';
import { typeName } from '../../core/type-name.js';
import { factLookup } from '../../core/fact-lookup.js';
import { typeAlias } from '../../core/type-alias.js';
import { packageOf } from '../../enable-adapters.js';
import { CLIENT_CALLBACK_METHODS, CLIENT_EXPORTS, CLIENT_METHODS, TRANSACTION_CALLBACK_METHODS } from './drivers.js';

/** What an expression evaluates to: the driver module (or a factory from it), or a client. */
type Value = { kind: 'factory' | 'client'; driver: string } | undefined;

const MAX_DEPTH = 8;

export interface ClientTracer {
  /** The driver package of the client `expr` holds at `call` in `file`, if it is one. */
  clientOf(file: string, call: CallFact, expr: string): string | undefined;
}

export function createClientTracer(index: ProjectIndex, drivers: ReadonlySet<string>): ClientTracer {
  const cache = new Map<string, Value>();
  const resolveCall = createCallResolver(index, new Set());

  const imported = (file: string, name: string): { driver: string; name: string } | undefined => {
    const resolved = index.resolveName(file, name);
    if (resolved?.kind !== 'external') return undefined;
    const pkg = packageOf(resolved.package);
    return pkg && drivers.has(pkg) ? { driver: pkg, name: resolved.name } : undefined;
  };
  const driverOf = (file: string, name: string): string | undefined => imported(file, name)?.driver;

  const typeClient = (file: string, text: string | undefined, depth = 0): Value => {
    const name = typeName(text);
    const driver = name ? driverOf(file, name.split('.')[0]) : undefined;
    if (driver) return { kind: 'client', driver };
    // `type Db = Pool` (local or imported): the aliased type
    const alias = name && depth < MAX_DEPTH ? typeAlias(index, file, name) : undefined;
    return alias ? typeClient(alias.file, alias.aliasOf, depth + 1) : undefined;
  };

  /** A value made by calling `callee` (with `new` stripped) in `file`/`symbol`. */
  const callResult = (file: string, symbol: string, callee: string, depth: number): Value => {
    const dot = callee.lastIndexOf('.');
    const method = callee.slice(dot + 1);
    const target = evaluate(file, symbol, undefined, callee, depth + 1);
    if (target?.kind === 'factory') return { kind: 'client', driver: target.driver };
    if (target?.kind === 'client' && dot < 0) return target; // pgp(cn): calling a configured factory
    if (dot > 0 && CLIENT_METHODS.has(method)) {
      const receiver = evaluate(file, symbol, undefined, callee.slice(0, dot), depth + 1);
      if (receiver?.kind === 'client') return receiver;
    }
    return undefined;
  };

  const initValue = (file: string, symbol: string, init: ArgFact | undefined, depth: number): Value => {
    if (init?.k !== 'call') return undefined;
    return callResult(file, symbol, init.callee.replace(/^new\s+/, ''), depth);
  };

  const memberValue = (ref: ClassRef, field: string, depth: number): Value => {
    let current: ClassRef | undefined = ref;
    for (let i = 0; current && i < MAX_DEPTH; i++) {
      const member = current.cls.members.find(
        (m) => m.name === field && (m.kind === 'property' || m.kind === 'ctor-param' || m.kind === 'getter'),
      );
      const symbol = `${current.cls.name}.${field}`;
      // a getter's single `return this.pool` / `return new Pool()`
      const returned = member?.returns;
      if (member)
        return (
          typeClient(current.file, member.type) ??
          initValue(current.file, symbol, member.init, depth + 1) ??
          (returned?.k === 'id' || returned?.k === 'member'
            ? evaluate(current.file, symbol, undefined, returned.v, depth + 1)
            : initValue(current.file, symbol, returned, depth + 1))
        );
      const base = typeName(current.cls.extends);
      current = base ? index.resolveClass(current.file, base) : undefined;
    }
    return undefined;
  };

  /** `x` inside `symbol`: callback parameter, parameter, local or module variable, or an import. */
  const identifierValue = (file: string, symbol: string, call: CallFact | undefined, name: string, depth: number): Value => {
    const facts = index.files.get(file);
    if (!facts) return undefined;
    if (call) {
      const bound = callbackBinding(facts, call, name);
      if (bound) {
        // `withClient((c: PoolClient) => …)`: the parameter's annotation names a driver type
        const typed = bound.args.find((a) => a.k === 'fn' && a.params.includes(name));
        const annotation = typed?.k === 'fn' ? typed.types?.[typed.params.indexOf(name)] : undefined;
        const fromType = annotation ? typeClient(file, annotation) : undefined;
        if (fromType) return fromType;
        const method = bound.callee.slice(bound.callee.lastIndexOf('.') + 1);
        if (TRANSACTION_CALLBACK_METHODS.has(method) || CLIENT_CALLBACK_METHODS.has(method)) {
          const receiver = evaluate(file, symbol, bound, bound.callee.slice(0, bound.callee.lastIndexOf('.')), depth + 1);
          if (receiver?.kind === 'client') return receiver;
        }
        // `withTransaction(async (client) => …)`: a project helper hands its callback a client
        const fnArg = bound.args.find((a) => a.k === 'fn' && a.params.includes(name));
        const handed = fnArg?.k === 'fn' ? handsClient(file, bound, depth) : undefined;
        return handed && fnArg?.k === 'fn' && fnArg.params.indexOf(name) === handed.position ? handed.value : undefined;
      }
    }
    const param = paramsOf(facts, symbol).find((p) => p.name === name);
    if (param) return typeClient(file, param.type);
    const lookup = factLookup(facts);
    const variables = lookup.variables(name);
    const variable = variables.find((v) => v.scope === symbol) ?? variables.find((v) => v.scope === '<module>');
    const assigned = lookup.assigned(name).find((c) => c.symbol === (variable?.scope ?? symbol) && c.receiver === undefined);
    if (variable)
      return (
        typeClient(file, variable.type) ??
        initValue(file, variable.scope, variable.init, depth + 1) ??
        (assigned && projectClient(file, assigned, depth))
      );
    if (assigned)
      return callResult(file, assigned.symbol, assigned.callee.replace(/^new\s+/, ''), depth + 1) ?? projectClient(file, assigned, depth);
    const fromDriver = imported(file, name);
    if (fromDriver)
      return { kind: CLIENT_EXPORTS[fromDriver.driver]?.includes(fromDriver.name) ? 'client' : 'factory', driver: fromDriver.driver };
    const resolved = index.resolveName(file, name);
    if (resolved?.kind !== 'internal' || resolved.file === file) return undefined;
    const target = index.files.get(resolved.file);
    // `export default pool` names a local; `export default new Pool()` is a variable named `default`
    const local = resolved.name === 'default' ? (target?.exports.find((e) => e.name === 'default')?.local ?? 'default') : resolved.name;
    return local ? evaluate(resolved.file, '<module>', undefined, local, depth + 1) : undefined;
  };

  /**
   * `await this.db.getPoolClient()`: a project function that takes a connection
   * from a client (`pool.connect()`, `getConnection()`) hands out a client.
   */
  function projectClient(file: string, call: CallFact, depth: number): Value {
    if (depth > MAX_DEPTH) return undefined;
    const target = resolveCall(file, call);
    const calls = target ? index.files.get(target.file)?.calls : undefined;
    for (const inner of calls ?? []) {
      if (inner.symbol !== target?.symbol) continue;
      const dot = inner.callee.lastIndexOf('.');
      if (dot <= 0 || !CLIENT_METHODS.has(inner.callee.slice(dot + 1))) continue;
      const receiver = evaluate(target.file, target.symbol, inner, inner.callee.slice(0, dot), depth + 1);
      if (receiver?.kind === 'client') return receiver;
    }
    return undefined;
  }

  /**
   * The client a project function passes to one of its function parameters
   * (`const client = await pool.connect(); … await fn(client)`), with the
   * argument position, when the call resolves to such a function.
   */
  function handsClient(file: string, call: CallFact, depth: number): { value: Value; position: number } | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const target = resolveCall(file, call);
    const facts = target ? index.files.get(target.file) : undefined;
    if (!target || !facts) return undefined;
    const params = new Set(paramsOf(facts, target.symbol).map((p) => p.name));
    for (const inner of facts.calls) {
      if (inner.symbol !== target.symbol || !params.has(inner.callee)) continue;
      for (let i = 0; i < inner.args.length; i++) {
        const arg = inner.args[i];
        if (arg.k !== 'id') continue;
        const value = evaluate(target.file, target.symbol, inner, arg.v, depth + 1);
        if (value?.kind === 'client') return { value, position: i };
      }
    }
    return undefined;
  }

  function evaluate(file: string, symbol: string, call: CallFact | undefined, expr: string, depth = 0): Value {
    if (depth > MAX_DEPTH || expr.length === 0 || expr.includes('(')) return chainValue(file, symbol, call, expr, depth);
    const key = `${file}\0${symbol}\0${expr}`;
    // callback parameters depend on the call's position, so only the rest is cached
    const cacheable = !call || call.within.length === 0;
    if (cacheable && cache.has(key)) return cache.get(key);
    const value = evaluateUncached(file, symbol, call, expr, depth);
    if (cacheable) cache.set(key, value);
    return value;
  }

  function evaluateUncached(file: string, symbol: string, call: CallFact | undefined, expr: string, depth: number): Value {
    const parts = expr.split('.');
    if (parts[0] === 'this' && parts.length === 2) {
      const cls = classOf(index.files.get(file), symbol);
      return cls ? memberValue({ file, cls }, parts[1], depth) : undefined;
    }
    const head = identifierValue(file, symbol, call, parts[0], depth);
    if (parts.length === 1) return head;
    // a member of the driver module is a factory (`pg.Pool`, `mysql.createPool`)
    if (head?.kind === 'factory' && parts.length === 2) return head;
    if (!head && parts.length === 2) {
      // namespace import of a project module: `db.pool`
      const resolved = index.resolveName(file, expr);
      if (resolved?.kind === 'internal') return evaluate(resolved.file, '<module>', undefined, resolved.name, depth + 1);
    }
    return undefined;
  }

  /** Chains with calls: `mysql.createPool(cfg).promise`, `(await pool.connect())`. */
  function chainValue(file: string, symbol: string, call: CallFact | undefined, expr: string, depth: number): Value {
    if (depth > MAX_DEPTH) return undefined;
    const m = /^(.*)\(\)$/.exec(expr);
    if (!m) return undefined;
    const inner = m[1];
    const dot = inner.lastIndexOf('.');
    const receiver = dot > 0 ? evaluate(file, symbol, call, inner.slice(0, dot), depth + 1) : undefined;
    const fn = evaluate(file, symbol, call, inner, depth + 1);
    if (fn?.kind === 'factory') return { kind: 'client', driver: fn.driver };
    if (receiver?.kind === 'client' && CLIENT_METHODS.has(inner.slice(dot + 1))) return receiver;
    return undefined;
  }

  return {
    clientOf(file, call, expr) {
      const value = evaluate(file, call.symbol, call, expr.replace(/\?\./g, '.').replace(/!/g, ''));
      return value?.kind === 'client' ? value.driver : undefined;
    },
  };
}

function classOf(facts: FileFacts | undefined, symbol: string): ClassFact | undefined {
  const name = symbol.split('.')[0];
  return facts ? factLookup(facts).cls(name) : undefined;
}

/** The innermost enclosing call whose callback declares `name` as a parameter. */
function callbackBinding(facts: FileFacts, call: CallFact, name: string): CallFact | undefined {
  for (let i = call.within.length - 1; i >= 0; i--) {
    const outer = facts.calls[call.within[i]];
    if (outer?.args.some((a) => a.k === 'fn' && a.params.includes(name))) return outer;
  }
  return undefined;
}
