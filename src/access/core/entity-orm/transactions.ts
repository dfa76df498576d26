/**
 * Transaction scopes shared by TypeORM and MikroORM: a callback form
 * (`dataSource.transaction(cb)`, `em.transactional(cb)`: the access core takes
 * the calls inside the callback), begin/commit pairs on one holder
 * (`queryRunner.startTransaction()` … `commitTransaction()`, `em.begin()` …
 * `em.commit()`), and decorated methods (`@Transactional()`).
 */
import type { CallFact, ClassFact, FileFacts } from '../../../extract/file-facts.js';
import type { SiteCollector } from './site-collector.js';
import { ValueTracer } from './value-trace.js';

/** Calls of `symbol` between `start` and the closing `ends` call on the same holder, that use that holder. */
export function pairedScope(file: FileFacts, start: CallFact, holder: string, ends: ReadonlySet<string>): number[] {
  const inSymbol = file.calls.filter((c) => c.symbol === start.symbol && c.id !== start.id);
  const end = inSymbol.find(
    (c) => c.line >= start.line && c.id > start.id && c.callee.startsWith(`${holder}.`) && ends.has(ValueTracer.split(c.callee).method),
  );
  const last = end?.line ?? Number.MAX_SAFE_INTEGER;
  const between = inSymbol.filter((c) => c.id > start.id && c.line <= last && c.id !== end?.id);
  // Variables taken from the holder inside the scope (`const repo = qr.manager.getRepository(User)`) count as the holder.
  const holders = new Set([holder]);
  for (const c of between) if (c.assignedTo && mentions(c, holders)) holders.add(c.assignedTo);
  return between.filter((c) => mentions(c, holders)).map((c) => c.id);
}

function mentions(call: CallFact, holders: ReadonlySet<string>): boolean {
  for (const h of holders) {
    if (call.callee === h || call.callee.startsWith(`${h}.`)) return true;
    if (call.args.some((a) => (a.k === 'id' && a.v === h) || (a.k === 'member' && a.v.startsWith(`${h}.`)))) return true;
  }
  return false;
}

/**
 * Methods carrying a transaction decorator, the ORM's or the project's own
 * (`@Transaction()` wrapping the request in one): the whole method body is the scope.
 */
export function decoratedScopes(
  file: FileFacts,
  names: ReadonlySet<string>,
  isOrmDecorator: (name: string) => boolean,
  kind: string,
  out: SiteCollector,
): void {
  for (const cls of file.classes) {
    for (const m of cls.members) {
      if (m.kind !== 'method' || !m.decorators.some((d) => names.has(d.name) && isOrmDecorator(d.name))) continue;
      const calls = callsOf(file, cls, m.name);
      if (calls.length === 0) continue;
      // A decorated method has no call of its own: callId -1 matches no call, and every call of the body is listed.
      out.transaction({
        unit: file.path,
        symbol: `${cls.name}.${m.name}`,
        line: m.line,
        callId: -1,
        kind,
        extraCallIds: calls.map((c) => c.id),
      });
    }
  }
}

const callsOf = (file: FileFacts, cls: ClassFact, method: string): CallFact[] =>
  file.calls.filter((c) => c.symbol === `${cls.name}.${method}`);
