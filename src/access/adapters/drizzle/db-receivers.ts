/**
 * Is a receiver a drizzle database? A binding to a `drizzle(…)` instance
 * (through imports), the `tx` parameter of an enclosing transaction callback,
 * a member or parameter typed as a drizzle database (`NodePgDatabase<…>`,
 * `@Inject(DRIZZLE)`), or — in a file that imports drizzle-orm — a receiver
 * conventionally named `db`/`tx` (`ctx.db` in tRPC routers).
 */
import type { CallFact, FileFacts } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';
import type { IsDb } from './access-sites.js';
import { type DrizzleInstance, instanceOf } from './instances.js';

const DB_TYPE = /\b(\w*Database|Drizzle\w*|DrizzleDB|DB|Db|\w*Transaction)\b/;
const DB_NAME = /(^|\.)(db|tx|trx|database|drizzle|orm)$/i;

const importsDrizzle = (file: FileFacts): boolean =>
  file.imports.some((i) => i.specifier === 'drizzle-orm' || i.specifier.startsWith('drizzle-orm/'));

function memberIsDb(index: ProjectIndex, file: FileFacts, call: CallFact, name: string, depth = 0): boolean {
  const clsName = call.symbol.slice(0, call.symbol.indexOf('.'));
  let cls = file.classes.find((c) => c.name === clsName);
  let at = file.path;
  while (cls && depth++ < 5) {
    const member = cls.members.find((m) => m.name === name && m.kind !== 'method');
    if (member) {
      const inject = member.decorators.find((d) => d.name === 'Inject' || d.name === 'InjectDrizzle');
      const token = inject?.args[0];
      const tokenText = token?.k === 'str' || token?.k === 'id' || token?.k === 'member' ? token.v : '';
      return DB_TYPE.test(member.type ?? '') || /drizzle|db|database/i.test(tokenText) || inject?.name === 'InjectDrizzle';
    }
    const base = cls.extends?.replace(/<[\s\S]*$/, '').trim();
    const ref = base ? index.resolveClass(at, base) : undefined;
    cls = ref?.cls;
    at = ref?.file ?? at;
  }
  return false;
}

export function dbReceivers(index: ProjectIndex, instances: readonly DrizzleInstance[]): IsDb {
  return (file, call, recv) => {
    if (!recv) return false;
    if (instanceOf(index, instances, file.path, recv)) return true;
    // The parameter of an enclosing `db.transaction(async (tx) => …)`.
    for (const id of call.within) {
      const outer = file.calls[id];
      if (outer.callee.endsWith('.transaction') && outer.args.some((a) => a.k === 'fn' && a.params[0] === recv)) return true;
    }
    if (recv.startsWith('this.') && recv.split('.').length === 2 && memberIsDb(index, file, call, recv.slice(5))) return true;
    const fn = file.functions.find((f) => f.name === call.symbol);
    const param = fn?.params.find((p) => p.name === recv);
    if (param && DB_TYPE.test(param.type ?? '') && importsDrizzle(file)) return true;
    return importsDrizzle(file) && DB_NAME.test(recv);
  };
}
