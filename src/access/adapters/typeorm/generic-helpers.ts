/**
 * Generic data-access helpers: a project method that reaches a repository of
 * its type parameter (`getEntityOrThrow<T>(ctx, entityType: Type<T>, id)`,
 * `findOneInChannel(ctx, Product, …)`) is unresolved inside, but each call
 * that passes an entity class names the table. Those calls become access
 * sites of their own, with the modes the helper performs.
 */
import type { FileFacts } from '../../../extract/file-facts.js';
import type { EntityCatalog, EntityInfo } from './entity-catalog.js';
import type { SiteCollector } from './site-collector.js';
import { ValueTracer } from './value-trace.js';

export function resolveGenericHelpers(files: readonly FileFacts[], tracer: ValueTracer, catalog: EntityCatalog, out: SiteCollector): void {
  if (out.generic.size === 0) return;
  const names = new Set([...out.generic.keys()].map((k) => k.slice(k.lastIndexOf('.') + 1)));
  for (const file of files) {
    for (const call of file.calls) {
      const { method } = ValueTracer.split(call.callee);
      if (!names.has(method) || call.args.length === 0) continue;
      const entity = firstEntity(catalog, file.path, call.args);
      if (!entity) continue;
      const recv = tracer.receiverValue(file, call);
      if (recv?.k !== 'object') continue;
      const found = tracer.findMember(recv.ref, method, (m) => m.kind === 'method');
      const modes = found ? out.generic.get(`${found.ref.file}#${found.ref.cls.name}.${method}`) : undefined;
      for (const mode of [...(modes ?? [])].sort())
        out.access(file, call, catalog.tableId(entity), mode, `${found!.ref.cls.name}.${method}`);
    }
  }
}

function firstEntity(catalog: EntityCatalog, file: string, args: FileFacts['calls'][number]['args']): EntityInfo | undefined {
  for (const a of args) {
    const e = catalog.fromArg(file, a);
    if (e) return e;
  }
  return undefined;
}
