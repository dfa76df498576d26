/**
 * Knex access sites. A query starts at a call on a traced Knex instance:
 * `knex('users')` / `trx('users')` (the instance called as a function) or a
 * builder method on it (`knex.select().from('users')`, `knex.insert().into()`);
 * the rest of the chain decides tables and mode. A builder kept in a variable
 * (`const q = knex('users')…; q.update()`) continues its table. Also
 * `transaction` scopes and `raw` statements.
 */
import type { AdapterInput, AdapterOutput, TransactionSite } from '../../adapter.js';
import type { ArgFact, CallFact, FileFacts } from '../../../extract/file-facts.js';
import type { AccessMode } from '../../../model/result.js';
import { sqlEscapeSites } from '../../core/sql-escape.js';
import { sqlText } from '../../core/sql-text.js';
import type { ReceiverTracer, TraceContext } from '../../core/trace-receiver.js';
import { methodOf, readChain, tableArg, type ChainRead, type TableArg } from './chains.js';
import { isKnexCreation, type KnexClient } from './client-rules.js';
import { subclassTableSites, type InheritorLookup } from '../../core/subclass-sites.js';
import type { TableRegistry } from '../../core/table-registry.js';

const START_METHODS = new Set([
  'avg',
  'column',
  'columns',
  'count',
  'countDistinct',
  'del',
  'delete',
  'distinct',
  'first',
  'from',
  'insert',
  'into',
  'max',
  'min',
  'pluck',
  'queryBuilder',
  'select',
  'sum',
  'table',
  'truncate',
  'update',
  'upsert',
  'with',
  'withRecursive',
]);

const STATEMENT = /^\s*\(?\s*(select|insert|update|delete|with|merge|truncate|replace)\b/i;

export interface KnexSiteContext {
  input: AdapterInput;
  tracer: ReceiverTracer<KnexClient>;
  registry: TableRegistry;
  subclasses: InheritorLookup;
  out: AdapterOutput;
  orm: string;
}

const ctxOf = (call: CallFact): TraceContext => ({ symbol: call.symbol, within: call.within });

interface Query {
  head: CallFact;
  store: string;
  chain: ChainRead;
}

/** `knex.batchInsert('table', rows)`: the table is the first argument. */
function tableList(ctx: KnexSiteContext, facts: FileFacts, call: CallFact): TableArg[] {
  const t = tableArg(ctx.input.index, facts.path, call.args[0], call.symbol);
  return t ? [t] : [];
}

interface Pending {
  query: Query;
  via: string;
  continuedWithWrite: boolean;
}

function record(ctx: KnexSiteContext, facts: FileFacts, q: Query, via: string): void {
  const base = { unit: facts.path, symbol: q.head.symbol, line: q.head.line, orm: ctx.orm };
  const emit = (t: TableArg, mode: AccessMode): void => {
    if ('dynamic' in t) {
      const at = { file: facts.path, symbol: q.head.symbol, field: t.dynamic, mode, via };
      const tableOf = (name: string, usedAt: string): string => ctx.registry.use(q.store, name, usedAt);
      if (/^this\.[\w$]+$/.test(t.dynamic) && subclassTableSites(ctx.input.index, ctx.subclasses, at, tableOf, ctx.out.accesses)) return;
      ctx.out.unresolved.push({ ...base, reason: 'dynamic-table-name', detail: t.dynamic });
      return;
    }
    const table = ctx.registry.use(q.store, t.name, `${facts.path}:${q.head.line}`);
    ctx.out.accesses.push({ unit: facts.path, symbol: q.head.symbol, table, mode, line: q.head.line, callId: q.head.id, via });
  };
  for (const t of q.chain.primary) emit(t, q.chain.writes ? 'write' : 'read');
  for (const t of q.chain.joined) emit(t, 'read');
  if (q.chain.primary.length === 0 && q.chain.writes) ctx.out.unresolved.push({ ...base, reason: 'no-table', detail: via });
}

/** Knex's `??` identifier bindings take their names from the bindings array (`?` values are skipped in order). */
function bindIdentifiers(text: string, bindings: ArgFact | undefined): string {
  if (!text.includes('??')) return text;
  const items = bindings?.k === 'arr' ? bindings.items : [];
  let i = 0;
  return text.replace(/\?\??/g, (mark) => {
    const item = items[i++];
    if (mark === '?') return mark;
    return item?.k === 'str' ? item.v : '${binding}';
  });
}

function rawStatement(ctx: KnexSiteContext, facts: FileFacts, call: CallFact, store: string): void {
  // `knex.raw('count(*)')` passed to another call is an expression fragment, not a query.
  const enclosing = call.within.length ? facts.calls[call.within[call.within.length - 1]] : undefined;
  if (enclosing && JSON.stringify(enclosing.args).includes(`"callee":"${call.callee}"`)) return;
  const raw = sqlText(ctx.input.index, facts.path, call.args[0], call.symbol, false);
  const text = raw === undefined ? undefined : bindIdentifiers(raw, call.args[1]);
  const base = { unit: facts.path, symbol: call.symbol, line: call.line, orm: ctx.orm };
  if (text === undefined) {
    ctx.out.unresolved.push({ ...base, reason: 'dynamic-sql', detail: call.callee });
    return;
  }
  if (!STATEMENT.test(text)) return;
  sqlEscapeSites({ ...ctx, tableOf: (name) => ctx.registry.use(store, name, `${facts.path}:${call.line}`) }, facts, call, text);
}

/** `const trx = await knex.transaction()`: the calls on `trx` (or `.transacting(trx)`) in that function. */
function managedMembers(facts: FileFacts, call: CallFact, heads: Map<number, string>): number[] {
  const name = call.assignedTo;
  if (!name) return [];
  const ids: number[] = [];
  for (const [id, expr] of heads) {
    const head = facts.calls[id];
    if (head.symbol !== call.symbol || id === call.id) continue;
    let chained = false;
    for (let c: CallFact | undefined = head; c; c = c.outer === undefined ? undefined : facts.calls[c.outer]) {
      if (methodOf(c.callee) === 'transacting' && c.args[0]?.k === 'id' && c.args[0].v === name) chained = true;
    }
    if (expr === name || chained) ids.push(id);
  }
  return ids.sort((a, b) => a - b);
}

export function collectKnexSites(ctx: KnexSiteContext, facts: FileFacts): void {
  const heads = new Map<number, string>(); // head call id → client expression
  const builders = new Map<string, Pending>(); // `${symbol}\0${variable}` → the query it holds
  const queries: Pending[] = [];
  const txCalls: CallFact[] = [];
  for (const call of facts.calls) {
    if (call.receiver !== undefined) continue;
    const dot = call.callee.lastIndexOf('.');
    const method = dot === -1 ? undefined : call.callee.slice(dot + 1);
    const recv = dot === -1 ? undefined : call.callee.slice(0, dot);
    let query: Query | undefined;
    const onClient =
      method && recv && (START_METHODS.has(method) || method === 'raw' || method === 'transaction' || method === 'batchInsert')
        ? ctx.tracer.client(facts.path, recv, ctxOf(call))
        : undefined;
    if (onClient && method && recv) {
      const store = onClient.store ?? ctx.input.defaultStore;
      if (method === 'raw') rawStatement(ctx, facts, call, store);
      else if (method === 'batchInsert')
        query = {
          head: call,
          store,
          chain: { calls: [call], primary: tableList(ctx, facts, call), joined: [], writes: true, verb: method },
        };
      else if (method === 'transaction') txCalls.push(call);
      else query = { head: call, store, chain: readChain(ctx.input.index, facts, call, undefined) };
      heads.set(call.id, recv);
    } else if (recv && /^[\w$]+$/.test(recv) && builders.has(`${call.symbol}\0${recv}`)) {
      // A builder kept in a variable: `q.update(…)` continues `const q = knex('users')`.
      const held = builders.get(`${call.symbol}\0${recv}`) as Pending;
      const chain = readChain(ctx.input.index, facts, call, undefined);
      if (chain.writes) {
        held.continuedWithWrite = true;
        record(
          ctx,
          facts,
          { head: call, store: held.query.store, chain: { ...chain, primary: [...held.query.chain.primary, ...chain.primary] } },
          call.callee,
        );
      }
      continue;
    } else if (call.args.length > 0 && !isKnexCreation(ctx.input.index, facts.path, { k: 'call', callee: call.callee, args: call.args })) {
      const client = ctx.tracer.client(facts.path, call.callee, ctxOf(call));
      if (client) {
        query = { head: call, store: client.store ?? ctx.input.defaultStore, chain: readChain(ctx.input.index, facts, call, call.args[0]) };
        heads.set(call.id, call.callee);
      }
    }
    if (!query) continue;
    const last = query.chain.calls[query.chain.calls.length - 1];
    const pending: Pending = { query, via: last.callee, continuedWithWrite: false };
    if (last.assignedTo) builders.set(`${call.symbol}\0${last.assignedTo}`, pending);
    queries.push(pending);
  }
  // A builder finished by a write later (`q.del()`) is that write, not also a read.
  for (const p of queries) {
    const { chain } = p.query;
    record(ctx, facts, p.continuedWithWrite && !chain.writes ? { ...p.query, chain: { ...chain, primary: [] } } : p.query, p.via);
  }
  for (const call of txCalls) {
    const site: TransactionSite = {
      unit: facts.path,
      symbol: call.symbol,
      line: call.line,
      callId: call.id,
      kind: `${ctx.orm}.transaction`,
    };
    if (!call.args.some((a) => a.k === 'fn')) site.extraCallIds = managedMembers(facts, call, heads);
    ctx.out.transactions.push(site);
  }
}
