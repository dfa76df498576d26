/**
 * `sequelize.transaction(async (t) => …)` scopes its callback; the managed
 * form `const t = await sequelize.transaction()` … `t.commit()` scopes the
 * calls in the same function that pass `{ transaction: t }` or `t` itself
 * (a repository method taking the transaction).
 */
import type { FileFacts } from '../../../extract/file-facts.js';
import type { TransactionSite } from '../../adapter.js';
import { passesBinding } from './arg-facts.js';
import { splitCallee } from './receivers.js';

export type IsInstance = (file: FileFacts, recv: string, symbol: string) => boolean;

export function findTransactions(files: readonly FileFacts[], isInstance: IsInstance): TransactionSite[] {
  const sites: TransactionSite[] = [];
  for (const file of files) {
    for (const call of file.calls) {
      const parts = splitCallee(call.callee);
      if (!parts || parts.method !== 'transaction' || !isInstance(file, parts.recv, call.symbol)) continue;
      const site: TransactionSite = {
        unit: file.path,
        symbol: call.symbol,
        line: call.line,
        callId: call.id,
        kind: 'sequelize.transaction',
      };
      if (!call.args.some((a) => a.k === 'fn') && call.assignedTo) {
        const t = call.assignedTo;
        site.extraCallIds = file.calls
          .filter((c) => c.symbol === call.symbol && c.id > call.id && !c.callee.startsWith(`${t}.`))
          .filter((c) => c.args.some((a) => (a.k === 'id' && a.v === t) || passesBinding(a, 'transaction', t)))
          .map((c) => c.id);
      }
      sites.push(site);
    }
  }
  return sites;
}
