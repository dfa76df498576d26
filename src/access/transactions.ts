/**
 * Transaction scopes → the tables they touch. A site belongs to a scope when
 * its call is lexically inside the scope's callback (`CallFact.within`) or
 * listed in `extraCallIds`; calls inside the scope that reach tables through
 * the data layer (repository methods) add those tables as `propagated`.
 */
import type { CallFact, FileFacts } from '../extract/file-facts.js';
import type { Transaction } from '../model/result.js';
import type { AccessSite, TransactionSite } from './adapter.js';
import type { Propagation } from './propagate.js';

export interface OwnedTransaction extends TransactionSite {
  orm: string;
}

export function assembleTransactions(
  scopes: readonly OwnedTransaction[],
  sites: readonly AccessSite[],
  filesByPath: ReadonlyMap<string, FileFacts>,
  propagation: Pick<Propagation, 'reachOfCall'>,
): Transaction[] {
  const sitesByCall = new Map<string, AccessSite[]>();
  for (const site of sites) {
    const key = `${site.unit}\0${site.callId}`;
    let list = sitesByCall.get(key);
    if (!list) sitesByCall.set(key, (list = []));
    list.push(site);
  }

  const transactions = scopes.map((scope): Transaction => {
    const facts = filesByPath.get(scope.unit);
    const extra = new Set(scope.extraCallIds ?? []);
    const inside: CallFact[] = (facts?.calls ?? []).filter(
      (c) => c.id !== scope.callId && (c.within.includes(scope.callId) || extra.has(c.id)),
    );
    const tables = new Map<string, Transaction['tables'][number]>();
    const add = (table: string, mode: 'read' | 'write', propagated: boolean): void => {
      tables.set(`${table}\0${mode}\0${propagated ? 1 : 0}`, { table, mode, propagated });
    };
    for (const site of sitesByCall.get(`${scope.unit}\0${scope.callId}`) ?? []) add(site.table, site.mode, false);
    for (const call of inside) {
      for (const site of sitesByCall.get(`${scope.unit}\0${call.id}`) ?? []) add(site.table, site.mode, false);
      for (const item of propagation.reachOfCall(scope.unit, call)) add(item.table, item.mode, true);
    }
    return {
      id: `${scope.unit}:${scope.line}`,
      unit: scope.unit,
      symbol: scope.symbol,
      line: scope.line,
      orm: scope.orm,
      kind: scope.kind,
      tables: [...tables.values()].sort(
        (a, b) =>
          (a.table < b.table ? -1 : a.table > b.table ? 1 : 0) ||
          (a.mode < b.mode ? -1 : a.mode > b.mode ? 1 : 0) ||
          Number(a.propagated) - Number(b.propagated),
      ),
    };
  });
  return transactions.sort(
    (a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0) || a.line - b.line || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0),
  );
}
