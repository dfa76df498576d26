/**
 * Transaction scopes in raw SQL: callback forms (pg-promise `db.tx(t => …)`,
 * slonik `pool.transaction(…)`, postgres.js `sql.begin(…)`, better-sqlite3
 * `db.transaction(fn)`) hold the calls inside the callback; statement forms
 * (`BEGIN` … `COMMIT` sent as queries, mysql's `beginTransaction()` …
 * `commit()`) hold the calls between the two in the same function.
 */
import type { TransactionSite } from '../../adapter.js';
import type { ClientCall } from './access-sites.js';
import { BEGIN_METHODS, BEGIN_STATEMENTS, END_METHODS, END_STATEMENTS, TRANSACTION_CALLBACK_METHODS } from './drivers.js';

export function findTransactions(
  clientCalls: readonly ClientCall[],
  callsOf: (file: string) => readonly { id: number; symbol: string }[],
): TransactionSite[] {
  const sites: TransactionSite[] = [];
  const isBegin = (c: ClientCall): boolean =>
    BEGIN_METHODS.has(c.method) || (c.statement !== undefined && BEGIN_STATEMENTS.has(c.statement));
  const isEnd = (c: ClientCall): boolean => END_METHODS.has(c.method) || (c.statement !== undefined && END_STATEMENTS.has(c.statement));

  for (const c of clientCalls) {
    if (TRANSACTION_CALLBACK_METHODS.has(c.method) && c.call.args.some((a) => a.k === 'fn')) {
      sites.push({ unit: c.file, symbol: c.call.symbol, line: c.call.line, callId: c.call.id, kind: `${c.driver}.${c.method}` });
      continue;
    }
    if (!isBegin(c)) continue;
    const end = clientCalls.find((e) => e.file === c.file && e.call.symbol === c.call.symbol && e.call.id > c.call.id && isEnd(e));
    const last = end?.call.id ?? Number.MAX_SAFE_INTEGER;
    const extraCallIds = callsOf(c.file)
      .filter((x) => x.symbol === c.call.symbol && x.id > c.call.id && x.id < last)
      .map((x) => x.id);
    sites.push({ unit: c.file, symbol: c.call.symbol, line: c.call.line, callId: c.call.id, kind: `${c.driver}.begin`, extraCallIds });
  }
  return sites;
}
