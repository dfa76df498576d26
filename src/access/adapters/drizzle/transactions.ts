/** `db.transaction(async (tx) => …)` and `db.batch([…])` scope the calls inside them. */
import type { FileFacts } from '../../../extract/file-facts.js';
import type { TransactionSite } from '../../adapter.js';
import type { IsDb } from './access-sites.js';

export function findTransactions(files: readonly FileFacts[], isDb: IsDb): TransactionSite[] {
  const sites: TransactionSite[] = [];
  for (const file of files) {
    for (const call of file.calls) {
      const dot = call.callee.lastIndexOf('.');
      if (dot <= 0) continue;
      const method = call.callee.slice(dot + 1);
      const recv = call.callee.slice(0, dot);
      const scoped = (method === 'transaction' && call.args.some((a) => a.k === 'fn')) || (method === 'batch' && call.args[0]?.k === 'arr');
      if (scoped && isDb(file, call, recv)) {
        sites.push({ unit: file.path, symbol: call.symbol, line: call.line, callId: call.id, kind: `drizzle.${method}` });
      }
    }
  }
  return sites;
}
