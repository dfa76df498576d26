/**
 * Prisma access sites: `<client>.<model>.<op>(…)`, `$transaction` scopes and
 * raw queries, for every call whose receiver traces to a Prisma client.
 */
import type { AdapterInput, AdapterOutput, TransactionSite } from '../../adapter.js';
import type { ArgFact, CallFact, FileFacts } from '../../../extract/file-facts.js';
import type { Table } from '../../../model/result.js';
import type { PrismaClientRef } from './client-rules.js';
import type { RelationMap } from './stores.js';
import type { InheritorLookup } from '../../core/subclass-sites.js';
import { nestedAccess } from './nested-access.js';
import { MODEL_OPS, PARAMETERISED_RAW_OPS, RAW_OPS } from './operations.js';
import { sqlEscapeSites } from '../../core/sql-escape.js';
import { sqlText } from '../../core/sql-text.js';
import type { ReceiverTracer, TraceContext } from '../../core/trace-receiver.js';

export interface ModelTarget {
  store: string;
  table: string; // table id
}

export interface SiteContext {
  input: AdapterInput;
  tracer: ReceiverTracer<PrismaClientRef>;
  /** Model accessor (`orderItem`) → the tables it may name, one per store. */
  accessors: ReadonlyMap<string, ModelTarget[]>;
  tables: readonly Table[];
  fields: RelationMap;
  subclasses: InheritorLookup;
  out: AdapterOutput;
}

const ctxOf = (call: CallFact): TraceContext => ({ symbol: call.symbol, within: call.within });
const methodName = (callee: string): string => callee.slice(callee.lastIndexOf('.') + 1);

function split(expr: string): [string, string] | undefined {
  // `prisma[model]` reads as `prisma[]`: the accessor is dynamic.
  if (expr.endsWith('[]')) return expr.length > 2 ? [expr.slice(0, -2), '[]'] : undefined;
  const dot = expr.lastIndexOf('.');
  return dot <= 0 ? undefined : [expr.slice(0, dot), expr.slice(dot + 1)];
}

/** `const users = this.prisma.user` — a model delegate held in a variable or field. */
function delegateOf(ctx: SiteContext, facts: FileFacts, expr: string, call: CallFact): string | undefined {
  const isThis = expr.startsWith('this.') && expr.split('.').length === 2;
  if (isThis) {
    const cls = facts.classes.find((c) => c.name === call.symbol.split('.')[0]);
    const init = cls?.members.find((m) => m.name === expr.slice(5) && m.kind === 'property')?.init;
    return init?.k === 'member' ? init.v : undefined;
  }
  if (!/^[\w$]+$/.test(expr)) return undefined;
  const v =
    facts.variables.find((x) => x.name === expr && x.scope === call.symbol) ??
    facts.variables.find((x) => x.name === expr && x.scope === '<module>');
  return v?.init?.k === 'member' ? v.init.v : undefined;
}

interface SiteAt {
  unit: string;
  symbol: string;
  line: number;
  callId: number;
  via: string;
}

/** Record `<client>.<accessor>.<op>(arg)` at `at`: the model's table, and related tables reached through `arg`. */
function emitModelAccess(
  ctx: SiteContext,
  client: PrismaClientRef,
  accessor: string,
  op: string,
  arg: ArgFact | undefined,
  at: SiteAt,
): void {
  const base = { unit: at.unit, symbol: at.symbol, line: at.line, orm: 'prisma' };
  if (accessor === '[]') {
    ctx.out.unresolved.push({ ...base, reason: 'dynamic-model', detail: at.via });
    return;
  }
  const candidates = (ctx.accessors.get(accessor) ?? []).filter((t) => client.store === undefined || t.store === client.store);
  if (candidates.length === 1) {
    ctx.out.accesses.push({ ...at, table: candidates[0].table, mode: MODEL_OPS.get(op) ?? 'read' });
    for (const r of nestedAccess(ctx.fields, candidates[0].table, arg)) ctx.out.accesses.push({ ...at, table: r.table, mode: r.mode });
    return;
  }
  if (candidates.length === 0 && client.hinted) return; // `db.cache.delete()` on something merely named like a client
  const reason = candidates.length === 0 ? 'unknown-model' : 'ambiguous-store';
  ctx.out.unresolved.push({ ...base, reason, detail: `${accessor}.${op}` });
}

/**
 * A generic base repository calling `this.model.findMany()`, where each subclass gives
 * `model` a delegate (`protected model = this.prisma.user`, or `super(prisma.user)`):
 * one site per subclass, attributed to it, like a base class table-name field.
 */
function subclassDelegates(ctx: SiteContext, facts: FileFacts, call: CallFact, field: string, op: string): boolean {
  const [className, method] = call.symbol.split('.');
  const cls = facts.classes.find((c) => c.name === className);
  if (!cls || !method) return false;
  const position = cls.members.filter((m) => m.kind === 'ctor-param').findIndex((m) => m.name === field);
  let expanded = false;
  for (const sub of ctx.subclasses(facts.path, className, method)) {
    const subFacts = ctx.input.index.files.get(sub.file);
    const own = sub.cls.members.find((m) => m.name === field && m.kind === 'property')?.init;
    const superCall = subFacts?.calls.find((c) => c.callee === 'super' && c.symbol === `${sub.cls.name}.constructor`);
    const passed = position === -1 ? undefined : superCall?.args[position];
    const delegate = own?.k === 'member' ? own.v : passed?.k === 'member' ? passed.v : undefined;
    const parts = delegate ? split(delegate) : undefined;
    if (!parts) continue;
    const where = own
      ? { symbol: `${sub.cls.name}.${field}`, within: [] }
      : { symbol: `${sub.cls.name}.constructor`, within: superCall?.within ?? [] };
    const client = ctx.tracer.client(sub.file, parts[0], where);
    if (client === undefined) continue;
    expanded = true;
    const at = {
      unit: sub.file,
      symbol: `${sub.cls.name}.${method}`,
      line: sub.cls.line,
      callId: -1,
      via: `${className}.${method}: ${call.callee}`,
    };
    emitModelAccess(ctx, client, parts[1], op, call.args[0], at);
  }
  return expanded;
}

function modelAccess(ctx: SiteContext, facts: FileFacts, call: CallFact, recv: string, op: string): void {
  let parts = split(recv);
  let client = parts && !parts[1].startsWith('$') ? ctx.tracer.client(facts.path, parts[0], ctxOf(call)) : undefined;
  if (client === undefined) {
    const delegate = delegateOf(ctx, facts, recv, call);
    parts = delegate ? split(delegate) : undefined;
    client = parts ? ctx.tracer.client(facts.path, parts[0], ctxOf(call)) : undefined;
  }
  if (client === undefined || !parts) {
    if (/^this\.[\w$]+$/.test(recv)) subclassDelegates(ctx, facts, call, recv.slice(5), op);
    return;
  }
  emitModelAccess(ctx, client, parts[1], op, call.args[0], {
    unit: facts.path,
    symbol: call.symbol,
    line: call.line,
    callId: call.id,
    via: call.callee,
  });
}

/**
 * Calls listed in a batch `$transaction([a, b])`, found by callee text: after the
 * transaction call for an inline array, or from the declaration of the array
 * variable (`const ops = [a, b]; $transaction(ops)`) up to the transaction.
 */
function batchMembers(facts: FileFacts, call: CallFact, items: ArgFact[], from?: number): number[] {
  const ids: number[] = [];
  const inRange = (c: CallFact): boolean => (from === undefined ? c.id > call.id : c.line >= from && c.id < call.id);
  for (const item of items) {
    if (item.k !== 'call') continue;
    const hit = facts.calls.find((c) => inRange(c) && c.callee === item.callee && !ids.includes(c.id) && c.symbol === call.symbol);
    if (hit) ids.push(hit.id);
  }
  return ids.sort((a, b) => a - b);
}

function transaction(ctx: SiteContext, facts: FileFacts, call: CallFact): void {
  const site: TransactionSite = { unit: facts.path, symbol: call.symbol, line: call.line, callId: call.id, kind: 'prisma.$transaction' };
  const first = call.args[0];
  if (first?.k === 'arr') site.extraCallIds = batchMembers(facts, call, first.items);
  if (first?.k === 'id') {
    const v = facts.variables.find((x) => x.name === first.v && (x.scope === call.symbol || x.scope === '<module>'));
    if (v?.init?.k === 'arr') site.extraCallIds = batchMembers(facts, call, v.init.items, v.line);
  }
  ctx.out.transactions.push(site);
}

function findTable(ctx: SiteContext, name: string, store: string | undefined): Table | undefined {
  const wanted = name.replace(/"/g, '').toLowerCase();
  const bare = wanted.replace(/^public\./, '');
  const matches = (t: Table): boolean => t.name.toLowerCase() === bare || (t.entity ?? '').toLowerCase() === bare;
  const own = ctx.tables.filter((t) => (store === undefined || t.store === store) && matches(t));
  if (own.length >= 1) return own[0];
  return ctx.input.knownTables.find(matches);
}

function rawQuery(ctx: SiteContext, facts: FileFacts, call: CallFact, op: string, client: PrismaClientRef): void {
  const base = { unit: facts.path, symbol: call.symbol, line: call.line, orm: 'prisma' };
  if (op === '$queryRawTyped') {
    // TypedSQL: the statement lives in prisma/sql/*.sql, which facts do not carry.
    const first = call.args[0];
    ctx.out.unresolved.push({ ...base, reason: 'typed-sql', detail: first?.k === 'call' ? first.callee : call.callee });
    return;
  }
  const text = sqlText(ctx.input.index, facts.path, call.args[0], call.symbol, call.tagged === true || PARAMETERISED_RAW_OPS.has(op));
  if (text === undefined) {
    ctx.out.unresolved.push({ ...base, reason: 'dynamic-sql', detail: call.callee });
    return;
  }
  sqlEscapeSites({ ...ctx, orm: 'prisma', tableOf: (name) => findTable(ctx, name, client.store)?.id }, facts, call, text);
}

/** The fluent API: `prisma.user.findUnique(…).posts()` reads the related table. */
function fluentRead(ctx: SiteContext, facts: FileFacts, call: CallFact, field: string, from: number): void {
  const source = ctx.out.accesses.find((a) => a.unit === facts.path && a.callId === from);
  const target = source && ctx.fields.get(source.table)?.get(field);
  if (!target) return;
  const site = { unit: facts.path, symbol: call.symbol, line: call.line, callId: call.id, via: call.callee, mode: 'read' as const };
  ctx.out.accesses.push({ ...site, table: target.table });
  if (target.join) ctx.out.accesses.push({ ...site, table: target.join });
}

export function collectSites(ctx: SiteContext, facts: FileFacts): void {
  for (const call of facts.calls) {
    const parts = split(call.callee);
    if (!parts) continue;
    const [recv, op] = parts;
    if (MODEL_OPS.has(op)) {
      modelAccess(ctx, facts, call, recv, op);
      continue;
    }
    if (call.receiver !== undefined && /^findUnique|^findFirst/.test(methodName(facts.calls[call.receiver].callee))) {
      fluentRead(ctx, facts, call, op, call.receiver);
      continue;
    }
    if (op !== '$transaction' && !RAW_OPS.has(op) && op !== '$runCommandRaw') continue;
    const client = ctx.tracer.client(facts.path, recv, ctxOf(call));
    if (client === undefined) continue;
    if (op === '$transaction') transaction(ctx, facts, call);
    else if (op === '$runCommandRaw')
      ctx.out.unresolved.push({ unit: facts.path, symbol: call.symbol, line: call.line, orm: 'prisma', reason: 'raw-command' });
    else rawQuery(ctx, facts, call, op, client);
  }
}
