/**
 * Kysely access sites: a query starts at `selectFrom/insertInto/updateTable/
 * deleteFrom/replaceInto/mergeInto` (or `with(…)` before one) on a traced
 * instance; the chain along `CallFact.outer` adds joins, `using`, `from` (read)
 * and CTE names (not tables). Also `db.transaction().execute(cb)` scopes,
 * `createTable` migrations and `sql\`…\`` statements from `kysely`.
 */
import type { AdapterInput, AdapterOutput } from '../../adapter.js';
import type { ArgFact, CallFact, FileFacts } from '../../../extract/file-facts.js';
import type { AccessMode, Relation } from '../../../model/result.js';
import { followConstant } from '../../core/follow-constant.js';
import { sqlEscapeSites } from '../../core/sql-escape.js';
import { sqlText } from '../../core/sql-text.js';
import type { ReceiverTracer, TraceContext } from '../../core/trace-receiver.js';
import { subclassTableSites, type InheritorLookup } from '../../core/subclass-sites.js';
import type { TableRegistry } from '../../core/table-registry.js';
import type { KyselyClient } from './client-rules.js';

const TARGETS: ReadonlyMap<string, AccessMode> = new Map<string, AccessMode>([
  ['selectFrom', 'read'],
  ['insertInto', 'write'],
  ['updateTable', 'write'],
  ['deleteFrom', 'write'],
  ['replaceInto', 'write'],
  ['mergeInto', 'write'],
]);
const READ_SOURCES = new Set([
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'crossJoin',
  'innerJoinLateral',
  'leftJoinLateral',
  'crossJoinLateral',
  'using',
  'from',
]);
const CTES = new Set(['with', 'withRecursive', 'withMaterialized', 'withNotMaterialized']);
const STATEMENT = /^\s*\(?\s*(select|insert|update|delete|with|merge|truncate|replace)\b/i;

export interface KyselySiteContext {
  input: AdapterInput;
  tracer: ReceiverTracer<KyselyClient>;
  registry: TableRegistry;
  subclasses: InheritorLookup;
  out: AdapterOutput;
}

const ctxOf = (call: CallFact): TraceContext => ({ symbol: call.symbol, within: call.within });
const methodOf = (callee: string): string => callee.slice(callee.lastIndexOf('.') + 1);

type Named = { name: string } | { dynamic: string };

/** `'person as p'`, `['a', 'b']`, a constant; callbacks and subqueries name no table here. */
function tableNames(ctx: KyselySiteContext, facts: FileFacts, arg: ArgFact | undefined, scope: string): Named[] {
  if (!arg) return [];
  const clean = (s: string): string => s.trim().split(/\s+as\s+|\s+/i)[0];
  if (arg.k === 'str') return [{ name: clean(arg.v) }];
  if (arg.k === 'arr') return arg.items.flatMap((i) => tableNames(ctx, facts, i, scope));
  if (arg.k === 'tpl') return arg.exprs.length ? [{ dynamic: arg.parts.join('${…}') }] : [{ name: clean(arg.parts[0]) }];
  if (arg.k === 'id' || arg.k === 'member') {
    const v = followConstant(ctx.input.index, facts.path, arg.v, scope);
    return [v ? { name: clean(v) } : { dynamic: arg.v }];
  }
  return [];
}

function chainOf(facts: FileFacts, head: CallFact): CallFact[] {
  const calls: CallFact[] = [];
  for (let c: CallFact | undefined = head; c; c = c.outer === undefined ? undefined : facts.calls[c.outer]) calls.push(c);
  return calls;
}

/**
 * CTE names per enclosing symbol: a CTE is visible to its whole statement, including
 * subqueries in callbacks (`eb.selectFrom('created_address')`) that start chains of their own.
 */
function cteNames(facts: FileFacts): Map<string, Set<string>> {
  const bySymbol = new Map<string, Set<string>>();
  for (const c of facts.calls) {
    if (!CTES.has(methodOf(c.callee)) || c.args[0]?.k !== 'str') continue;
    const set = bySymbol.get(c.symbol) ?? new Set<string>();
    set.add(c.args[0].v.split('(')[0].trim());
    bySymbol.set(c.symbol, set);
  }
  return bySymbol;
}

function query(ctx: KyselySiteContext, facts: FileFacts, head: CallFact, store: string, ctes: ReadonlySet<string>): void {
  const calls = chainOf(facts, head);
  const base = { unit: facts.path, symbol: head.symbol, line: head.line, orm: 'kysely' };
  for (const c of calls) {
    const m = methodOf(c.callee);
    const mode = TARGETS.get(m) ?? (READ_SOURCES.has(m) ? 'read' : undefined);
    if (!mode) continue;
    for (const t of tableNames(ctx, facts, c.args[0], c.symbol)) {
      if ('dynamic' in t) {
        const at = { file: facts.path, symbol: head.symbol, field: t.dynamic, mode, via: c.callee };
        const tableOf = (name: string, usedAt: string): string => ctx.registry.use(store, name, usedAt);
        if (/^this\.[\w$]+$/.test(t.dynamic) && subclassTableSites(ctx.input.index, ctx.subclasses, at, tableOf, ctx.out.accesses))
          continue;
        ctx.out.unresolved.push({ ...base, reason: 'dynamic-table-name', detail: t.dynamic });
        continue;
      }
      if (ctes.has(t.name)) continue;
      const table = ctx.registry.use(store, t.name, `${facts.path}:${c.line}`);
      ctx.out.accesses.push({ unit: facts.path, symbol: head.symbol, table, mode, line: head.line, callId: head.id, via: c.callee });
    }
  }
}

function rawSql(ctx: KyselySiteContext, facts: FileFacts, call: CallFact, tags: ReadonlySet<string>): void {
  const tag = call.callee.split('.')[0];
  if (!tags.has(tag) || (call.callee !== tag && call.callee !== `${tag}.raw`)) return;
  const text = sqlText(ctx.input.index, facts.path, call.args[0], call.symbol, call.callee === tag);
  if (text === undefined || !STATEMENT.test(text)) return;
  sqlEscapeSites(
    { ...ctx, orm: 'kysely', tableOf: (name) => ctx.registry.use(ctx.input.defaultStore, name, `${facts.path}:${call.line}`) },
    facts,
    call,
    text,
  );
}

/** Local names of `sql` imported from kysely. */
function sqlTags(facts: FileFacts): Set<string> {
  const tags = new Set<string>();
  for (const imp of facts.imports) if (imp.specifier === 'kysely') for (const n of imp.names) if (n.imported === 'sql') tags.add(n.local);
  return tags;
}

/**
 * `db.schema.createTable('pet').addColumn('owner_id', 'integer', (c) => c.references('person.id'))
 * .addForeignKeyConstraint('fk', ['owner_id'], 'person', ['id'])`. Declares on the first run
 * (`relations` undefined), reads foreign keys on the second.
 */
export function readKyselySchema(
  ctx: KyselySiteContext,
  facts: FileFacts,
  call: CallFact,
  store: string,
  relations: Relation[] | undefined,
): void {
  const create = methodOf(call.callee) === 'createTable';
  const arg = call.args[0];
  const name =
    arg?.k === 'str'
      ? arg.v
      : arg?.k === 'id' || arg?.k === 'member'
        ? followConstant(ctx.input.index, facts.path, arg.v, call.symbol)
        : undefined;
  if (!name) return;
  const chain = chainOf(facts, call);
  const at = `${facts.path}:${call.line}`;
  if (!relations) {
    if (!create) return;
    const columns = chain
      .filter((c) => methodOf(c.callee) === 'addColumn' && c.args[0]?.k === 'str')
      .map((c) => (c.args[0] as { v: string }).v);
    ctx.registry.declare(store, name, at, columns);
    return;
  }
  const from = ctx.registry.use(store, name, at);
  const targets: { table: string; line: number }[] = [];
  for (const c of chain) {
    const m = methodOf(c.callee);
    if (m === 'addForeignKeyConstraint' && c.args[2]?.k === 'str') targets.push({ table: c.args[2].v, line: c.line });
    if (m === 'addColumn') {
      const inner = facts.calls.filter((x) => x.within.includes(c.id) && methodOf(x.callee) === 'references' && x.args[0]?.k === 'str');
      for (const r of inner) {
        const ref = (r.args[0] as { v: string }).v;
        if (ref.includes('.')) targets.push({ table: ref.slice(0, ref.lastIndexOf('.')), line: r.line });
      }
    }
  }
  for (const t of targets) {
    relations.push({
      from,
      to: ctx.registry.use(store, t.table, `${facts.path}:${t.line}`),
      kind: 'foreign-key',
      declaredIn: `${facts.path}:${t.line}`,
      orm: 'kysely',
    });
  }
}

export function collectKyselySites(ctx: KyselySiteContext, facts: FileFacts): void {
  const tags = sqlTags(facts);
  const ctes = cteNames(facts);
  const none = new Set<string>();
  for (const call of facts.calls) {
    if (tags.size && call.receiver === undefined) rawSql(ctx, facts, call, tags);
    const dot = call.callee.lastIndexOf('.');
    if (dot === -1) continue;
    const method = call.callee.slice(dot + 1);
    const recv = call.callee.slice(0, dot);
    const isTx = method === 'execute' && /\.transaction\(\)(\.\w+\(\))*$/.test(recv) && call.args.some((a) => a.k === 'fn');
    // A query starts at a call on the instance itself; later links of the chain are read from there.
    if (!isTx && (call.receiver !== undefined || (!TARGETS.has(method) && !CTES.has(method)))) continue;
    const client = ctx.tracer.client(facts.path, isTx ? recv.slice(0, recv.indexOf('.transaction()')) : recv, ctxOf(call));
    if (!client) continue;
    if (isTx)
      ctx.out.transactions.push({ unit: facts.path, symbol: call.symbol, line: call.line, callId: call.id, kind: 'kysely.transaction' });
    else query(ctx, facts, call, client.store ?? ctx.input.defaultStore, ctes.get(call.symbol) ?? none);
  }
}
