/**
 * Where a query-builder chain becomes an access: at its terminal call
 * (`getMany`, `execute`, …), or — when the chain is returned or passed on
 * without one — at the outermost call of the chain that created it. A builder
 * kept in a variable collects the calls made on that variable before it runs.
 */
import type { CallFact, FileFacts } from '../../../extract/file-facts.js';
import type { EntityCatalog } from './entity-catalog.js';
import { applyQb, isTerminal, qbAccesses, type QbDialect, type QbState } from './query-builder.js';
import type { SiteCollector } from './site-collector.js';
import { ValueTracer } from './value-trace.js';

export function queryBuilderSite(
  file: FileFacts,
  call: CallFact,
  tracer: ValueTracer,
  catalog: EntityCatalog,
  dialect: QbDialect,
  out: SiteCollector,
  defaultStore: string,
): boolean {
  const method = ValueTracer.method(call.callee);
  let state: QbState | undefined;
  const recv = tracer.receiverValue(file, call);
  if (recv?.k === 'qb' && isTerminal(recv.qb, method, dialect)) {
    // A terminal call runs the query even when the chain goes on (`.getMany().then(…)`).
    state = applyQb(recv.qb, method, call.args, file.path, catalog, dialect);
  } else {
    if (call.outer !== undefined) return false;
    const v = tracer.callValue(file, call);
    if (v?.k !== 'qb' || !v.qb.created) return false;
    if (call.assignedTo && terminalUse(file, call.symbol, call.assignedTo, dialect)) return false;
    state = v.qb;
  }
  if (state.holder) state = withSideCalls(file, call, state, state.holder, catalog, dialect);
  for (const a of qbAccesses(state)) {
    if (a.entity) out.access(file, call, catalog.tableId(a.entity, state.store), a.mode, call.callee);
    else if (a.table) {
      const entity = catalog.uniqueByTable(a.table);
      out.access(
        file,
        call,
        entity ? catalog.tableId(entity, state.store) : `${state.store ?? defaultStore}:${a.table}`,
        a.mode,
        call.callee,
      );
    } else if (state.param !== undefined) out.genericMiss(file, call, a.mode, call.callee, state.param);
    else out.miss(file, call, 'unknown-model', `${call.callee}: query builder names no entity`);
  }
  return true;
}

const startsWithHolder = (callee: string, holder: string): boolean => callee.startsWith(`${holder}.`);

/** Calls of a file by the first segment of their callee (`qb` for `qb.where().getMany`): variables' calls without a scan per use. */
const byRoot = new WeakMap<FileFacts, Map<string, CallFact[]>>();
function callsOn(file: FileFacts, holder: string): CallFact[] {
  let index = byRoot.get(file);
  if (!index) {
    index = new Map();
    for (const c of file.calls) {
      const root = c.callee.slice(0, (c.callee.indexOf('.') + 1 || c.callee.length + 1) - 1);
      const list = index.get(root);
      if (list) list.push(c);
      else index.set(root, [c]);
    }
    byRoot.set(file, index);
  }
  return (index.get(holder.split('.')[0]!) ?? []).filter((c) => startsWithHolder(c.callee, holder));
}

function terminalUse(file: FileFacts, symbol: string, holder: string, dialect: QbDialect): boolean {
  return callsOn(file, holder).some((c) => c.symbol === symbol && dialect.terminal.has(ValueTracer.method(c.callee)));
}

/** `qb.leftJoin(…)` statements made on the variable before the terminal call. */
function withSideCalls(
  file: FileFacts,
  call: CallFact,
  state: QbState,
  holder: string,
  catalog: EntityCatalog,
  dialect: QbDialect,
): QbState {
  const chain = new Set<number>();
  for (let c: CallFact | undefined = call; c; c = c.receiver !== undefined ? file.calls[c.receiver] : undefined) chain.add(c.id);
  let s = state;
  for (const c of callsOn(file, holder)) {
    if (c.symbol !== call.symbol || c.line > call.line || chain.has(c.id)) continue;
    const method = ValueTracer.method(c.callee);
    if (!dialect.terminal.has(method)) s = applyQb(s, method, c.args, file.path, catalog, dialect);
  }
  return s;
}
