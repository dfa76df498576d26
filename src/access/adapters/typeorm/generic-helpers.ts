/**
 * Generic data-access helpers: a project method that reaches a repository of
 * one of its parameters (`getEntityOrThrow<T>(ctx, entityType: Type<T>, id)`
 * → `this.getRepository(ctx, entityType).findOne(…)`) is unresolved inside,
 * but a call that passes an entity class in that parameter names the table.
 * Such calls become access sites of their own, with the helper's modes; a
 * caller that passes its own parameter on becomes a generic helper in turn.
 */
import type { FileFacts } from '../../../extract/file-facts.js';
import type { EntityCatalog } from './entity-catalog.js';
import type { SiteCollector } from './site-collector.js';
import { ValueTracer } from './value-trace.js';

/** Helpers calling helpers: rounds of outward resolution, enough for real layering. */
const MAX_ROUNDS = 4;

export function resolveGenericHelpers(files: readonly FileFacts[], tracer: ValueTracer, catalog: EntityCatalog, out: SiteCollector): void {
  let pending = new Map(
    [...out.generic].map(([k, list]) => [k, list.filter((g) => g.param !== undefined)] as const).filter(([, list]) => list.length > 0),
  );
  for (let round = 0; round < MAX_ROUNDS && pending.size > 0; round++) {
    const names = new Set([...pending.keys()].map((k) => k.slice(k.lastIndexOf('.') + 1)));
    const next = new Map<string, { mode: 'read' | 'write'; param: number }[]>();
    for (const file of files) {
      for (const call of file.calls) {
        if (call.args.length === 0) continue;
        const method = ValueTracer.method(call.callee);
        if (!names.has(method)) continue;
        const recv = tracer.receiverValue(file, call);
        if (recv?.k !== 'object') continue;
        const found = tracer.findMember(recv.ref, method, (m) => m.kind === 'method');
        const accesses = found ? pending.get(`${found.ref.file}#${found.ref.cls.name}.${method}`) : undefined;
        for (const g of accesses ?? []) {
          const arg = call.args[g.param!];
          const entity = catalog.fromArg(file.path, arg);
          if (entity) {
            out.access(file, call, catalog.tableId(entity), g.mode, `${found!.ref.cls.name}.${method}`);
            continue;
          }
          const param = arg ? tracer.paramIndex(tracer.scopeOf(file, call), [arg]) : undefined;
          const key = `${file.path}#${call.symbol}`;
          if (param !== undefined && !out.generic.has(key)) next.set(key, [...(next.get(key) ?? []), { mode: g.mode, param }]);
        }
      }
    }
    for (const [k, list] of next) out.generic.set(k, list);
    pending = next;
  }
}
