/**
 * Project transaction wrappers: a method or function that hands its callback
 * parameter to the ORM's transaction (`runInTransaction(work) { return
 * this.ds.transaction(work); }`) or calls it inside one. Each call passing a
 * callback to such a wrapper is a transaction scope of its own; the access core
 * then takes the calls inside that callback.
 */
import type { FileFacts } from '../../../extract/file-facts.js';
import { helperOf } from './generic-helpers.js';
import type { SiteCollector } from './site-collector.js';
import { ValueTracer } from './value-trace.js';

export function findTransactionWrappers(files: readonly FileFacts[], tracer: ValueTracer, out: SiteCollector, kind: string): void {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const wrappers = new Map<string, number>();
  for (const tx of [...out.transactions]) {
    const file = byPath.get(tx.unit);
    if (!file) continue;
    const params = tracer.paramsOf(file, tx.symbol);
    if (params.length === 0) continue;
    const own = file.calls[tx.callId];
    const inside = file.calls.filter((c) => c.symbol === tx.symbol && (c.within.includes(tx.callId) || tx.extraCallIds?.includes(c.id)));
    const index = params.findIndex(
      (p) => own?.args.some((a) => a.k === 'id' && a.v === p.name) === true || inside.some((c) => c.callee === p.name),
    );
    if (index >= 0) wrappers.set(`${tx.unit}#${tx.symbol}`, index);
  }
  if (wrappers.size === 0) return;
  const names = new Set(
    [...wrappers.keys()].map((k) =>
      k
        .slice(k.indexOf('#') + 1)
        .split('.')
        .at(-1)!,
    ),
  );
  for (const file of files) {
    for (const call of file.calls) {
      const method = ValueTracer.method(call.callee);
      if (!names.has(method)) continue;
      const helper = helperOf(tracer, file, call, method);
      const at = helper ? wrappers.get(helper.key) : undefined;
      if (at === undefined || call.args[at]?.k !== 'fn') continue;
      out.transaction({ unit: file.path, symbol: call.symbol, line: call.line, callId: call.id, kind });
    }
  }
}
