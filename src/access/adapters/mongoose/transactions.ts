/**
 * Transaction scopes: `session.withTransaction(async () => …)` and
 * `connection.transaction(async (session) => …)` scope their callbacks;
 * `session.startTransaction()` … `commitTransaction()` scopes the calls of the
 * same function that pass the session (`{ session }`, `.session(session)`).
 */
import type { ArgFact, CallFact, FileFacts } from '../../../extract/file-facts.js';
import type { TransactionSite } from '../../adapter.js';
import { splitCallee } from './receivers.js';

export type IsConnection = (file: FileFacts, recv: string, symbol: string) => boolean;

const passesSession = (arg: ArgFact, name: string): boolean => {
  if (arg.k === 'id') return arg.v === name;
  if (arg.k === 'obj') return Object.values(arg.props).some((v) => passesSession(v, name));
  if (arg.k === 'arr') return arg.items.some((i) => passesSession(i, name));
  return false;
};

/** The first call of a chain (`User.find().session(s)` → `User.find`). */
const chainRoot = (file: FileFacts, call: CallFact): CallFact => {
  let c = call;
  while (c.receiver !== undefined) c = file.calls[c.receiver];
  return c;
};

export function findTransactions(files: readonly FileFacts[], isConnection: IsConnection): TransactionSite[] {
  const sites: TransactionSite[] = [];
  for (const file of files) {
    for (const call of file.calls) {
      const parts = splitCallee(call.callee);
      if (!parts) continue;
      const base = { unit: file.path, symbol: call.symbol, line: call.line, callId: call.id };
      const hasCallback = call.args.some((a) => a.k === 'fn');
      if (parts.method === 'withTransaction' && hasCallback) {
        sites.push({ ...base, kind: 'mongoose.withTransaction' });
      } else if (parts.method === 'transaction' && hasCallback && isConnection(file, parts.recv, call.symbol)) {
        sites.push({ ...base, kind: 'mongoose.transaction' });
      } else if (parts.method === 'startTransaction' && /^[\w$]+$/.test(parts.recv)) {
        const session = parts.recv;
        const extra = file.calls
          .filter(
            (c) =>
              c.symbol === call.symbol &&
              c.id > call.id &&
              !c.callee.startsWith(`${session}.`) &&
              c.args.some((a) => passesSession(a, session)),
          )
          .map((c) => (c.callee.endsWith('.session') ? chainRoot(file, c).id : c.id));
        sites.push({ ...base, kind: 'mongoose.startTransaction', extraCallIds: [...new Set(extra)].sort((a, b) => a - b) });
      }
    }
  }
  return sites;
}
