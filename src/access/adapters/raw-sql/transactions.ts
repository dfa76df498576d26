/**
 * Transaction scopes in raw SQL: callback forms (pg-promise `db.tx(t => …)`,
 * slonik `pool.transaction(…)`, postgres.js `sql.begin(…)`, better-sqlite3
 * `db.transaction(fn)`) hold the calls inside the callback; statement forms
 * (`BEGIN` … `COMMIT` sent as queries, mysql's `beginTransaction()` …
 * `commit()`) hold the calls between the two in the same function. A
 * project helper that runs its callback parameter between BEGIN and COMMIT
 * (`withTransaction(async (client) => …)`) is a callback form: each call of
 * it is a scope, and the helper itself is not one.
 */
import type { CallFact, FileFacts } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';
import type { TransactionSite } from '../../adapter.js';
import { createCallResolver, symbolKey } from '../../call-graph.js';
import { paramsOf } from '../../core/params-of.js';
import type { ClientCall } from './access-sites.js';
import { BEGIN_METHODS, BEGIN_STATEMENTS, END_METHODS, END_STATEMENTS, TRANSACTION_CALLBACK_METHODS } from './drivers.js';

export function findTransactions(clientCalls: readonly ClientCall[], index: ProjectIndex, files: readonly FileFacts[]): TransactionSite[] {
  const sites: TransactionSite[] = [];
  const helpers = new Map<string, string>(); // symbolKey → kind
  const isBegin = (c: ClientCall): boolean =>
    BEGIN_METHODS.has(c.method) || (c.statement !== undefined && BEGIN_STATEMENTS.has(c.statement));
  const isEnd = (c: ClientCall): boolean => END_METHODS.has(c.method) || (c.statement !== undefined && END_STATEMENTS.has(c.statement));

  for (const c of clientCalls) {
    if (TRANSACTION_CALLBACK_METHODS.has(c.method) && c.call.args.some((a) => a.k === 'fn')) {
      sites.push({ unit: c.file, symbol: c.call.symbol, line: c.call.line, callId: c.call.id, kind: `${c.driver}.${c.method}` });
      continue;
    }
    if (!isBegin(c)) continue;
    const facts = index.files.get(c.file);
    const end = clientCalls.find((e) => e.file === c.file && e.call.symbol === c.call.symbol && e.call.id > c.call.id && isEnd(e));
    const last = end?.call.id ?? Number.MAX_SAFE_INTEGER;
    const between = (facts?.calls ?? []).filter((x) => x.symbol === c.call.symbol && x.id > c.call.id && x.id < last);
    const params = facts ? new Set(paramsOf(facts, c.call.symbol).map((p) => p.name)) : new Set<string>();
    if (between.some((x) => params.has(x.callee))) {
      helpers.set(symbolKey(c.file, c.call.symbol), `${c.driver}.begin`);
      continue;
    }
    sites.push({
      unit: c.file,
      symbol: c.call.symbol,
      line: c.call.line,
      callId: c.call.id,
      kind: `${c.driver}.begin`,
      extraCallIds: between.map((x) => x.id),
    });
  }
  if (helpers.size > 0) sites.push(...helperCalls(helpers, index, files));
  return sites;
}

/** Calls of transaction helpers that pass a callback: one scope each. */
function helperCalls(helpers: ReadonlyMap<string, string>, index: ProjectIndex, files: readonly FileFacts[]): TransactionSite[] {
  const resolve = createCallResolver(index, new Set());
  const names = new Set(
    [...helpers.keys()].map((key) => {
      const symbol = key.slice(key.indexOf('#') + 1);
      return symbol.slice(symbol.lastIndexOf('.') + 1);
    }),
  );
  const sites: TransactionSite[] = [];
  for (const facts of files) {
    for (const call of facts.calls) {
      if (!call.args.some((a) => a.k === 'fn') || !names.has(lastName(call))) continue;
      const target = resolve(facts.path, call);
      const kind = target ? helpers.get(symbolKey(target.file, target.symbol)) : undefined;
      if (kind)
        sites.push({ unit: facts.path, symbol: call.symbol, line: call.line, callId: call.id, kind: `${kind} (${target?.symbol})` });
    }
  }
  return sites;
}

const lastName = (call: CallFact): string => call.callee.slice(call.callee.lastIndexOf('.') + 1);
