/**
 * Generic data-access helpers: a project method that reaches a repository of
 * one of its parameters (`getEntityOrThrow<T>(ctx, entityType: Type<T>, id)`
 * → `this.getRepository(ctx, entityType).findOne(…)`) is unresolved inside,
 * but a call that passes an entity class in that parameter names the table.
 * Such calls become access sites of their own, with the helper's modes; a
 * caller that passes its own parameter on becomes a generic helper in turn.
 */
import type { ClassFact, FileFacts } from '../../../extract/file-facts.js';
import type { ClassRef, ProjectIndex } from '../../../link/project-index.js';
import type { EntityCatalog, EntityInfo } from './entity-catalog.js';
import type { SiteCollector } from './site-collector.js';
import { heritageName, heritageTypeArgs, ValueTracer } from './value-trace.js';

/** Helpers calling helpers: rounds of outward resolution, enough for real layering. */
const MAX_ROUNDS = 4;

export function resolveGenericHelpers(files: readonly FileFacts[], tracer: ValueTracer, catalog: EntityCatalog, out: SiteCollector): void {
  let pending = new Map(
    [...out.generic].map(([k, list]) => [k, list.filter((g) => g.param !== undefined)] as const).filter(([, list]) => list.length > 0),
  );
  for (let round = 0; round < MAX_ROUNDS && pending.size > 0; round++) {
    const names = new Set(
      [...pending.keys()].map((k) =>
        k
          .slice(k.indexOf('#') + 1)
          .split('.')
          .at(-1)!,
      ),
    );
    const next = new Map<string, { mode: 'read' | 'write'; param: number }[]>();
    for (const file of files) {
      for (const call of file.calls) {
        if (call.args.length === 0) continue;
        const method = ValueTracer.method(call.callee);
        if (!names.has(method)) continue;
        // A helper typed to return the repository or builder (`build(Tag): SelectQueryBuilder<Tag>`) is already resolved where it runs.
        const value = tracer.callValue(file, call);
        if (value?.k === 'qb' || value?.k === 'repo') continue;
        const helper = helperOf(tracer, file, call, method);
        const accesses = helper ? pending.get(helper.key) : undefined;
        for (const g of accesses ?? []) {
          const arg = call.args[g.param!];
          const entity = catalog.fromArg(file.path, arg);
          if (entity) {
            out.access(file, call, catalog.tableId(entity), g.mode, helper!.via);
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

/** The helper a call lands on: a method of a project object, or a function (`createDataLoader(User)`). */
export function helperOf(
  tracer: ValueTracer,
  file: FileFacts,
  call: FileFacts['calls'][number],
  method: string,
): { key: string; via: string } | undefined {
  if (call.callee === method) {
    const resolved = tracer.index.resolveName(file.path, method);
    const where =
      resolved?.kind === 'internal'
        ? resolved
        : file.functions.some((f) => f.name === method)
          ? { file: file.path, name: method }
          : undefined;
    return where ? { key: `${where.file}#${where.name}`, via: where.name } : undefined;
  }
  const recv = tracer.receiverValue(file, call);
  if (recv?.k !== 'object') return undefined;
  const found = tracer.findMember(recv.ref, method, (m) => m.kind === 'method');
  return found ? { key: `${found.ref.file}#${found.ref.cls.name}.${method}`, via: `${found.ref.cls.name}.${method}` } : undefined;
}

/**
 * Generic base classes: `BaseRepo<T>` whose methods reach a repository of `T`
 * (`this.repo.find()`, `this.em.persist(entity: T)`). Every subclass that
 * binds `T` to an entity (`UserRepo extends BaseRepo<User>`) gets those
 * accesses under its own symbol (`UserRepo.save`), unless it overrides the method.
 */
export function resolveGenericSubclasses(
  files: readonly FileFacts[],
  index: ProjectIndex,
  catalog: EntityCatalog,
  out: SiteCollector,
): void {
  const byClass = new Map<string, { method: string; mode: 'read' | 'write' }[]>();
  for (const [key, list] of out.generic) {
    const hash = key.indexOf('#');
    const symbol = key.slice(hash + 1);
    const dot = symbol.indexOf('.');
    if (dot < 0) continue;
    const cls = `${key.slice(0, hash)}#${symbol.slice(0, dot)}`;
    for (const g of list)
      if (g.param === undefined) byClass.set(cls, [...(byClass.get(cls) ?? []), { method: symbol.slice(dot + 1), mode: g.mode }]);
  }
  if (byClass.size === 0) return;
  for (const file of files) {
    for (const cls of file.classes) {
      if (!cls.extends) continue;
      const own = new Set(cls.members.map((m) => m.name));
      let entity: EntityInfo | undefined;
      const seen = new Set<string>();
      let current: ClassRef | undefined = { file: file.path, cls };
      while (current?.cls.extends && !seen.has(`${current.file}#${current.cls.name}`)) {
        seen.add(`${current.file}#${current.cls.name}`);
        entity ??= bound(catalog, current);
        const parent: ClassRef | undefined = index.resolveClass(current.file, heritageName(current.cls.extends));
        if (!parent) break;
        for (const g of (entity && byClass.get(`${parent.file}#${parent.cls.name}`)) || []) {
          if (own.has(g.method)) continue;
          out.inherited(file.path, `${cls.name}.${g.method}`, cls.line, catalog.tableId(entity!), g.mode, `${parent.cls.name}.${g.method}`);
        }
        for (const m of parent.cls.members) own.add(m.name);
        current = parent;
      }
    }
  }
}

/** The entity a heritage clause binds: `extends BaseRepo<User>` → User. */
function bound(catalog: EntityCatalog, ref: { file: string; cls: ClassFact }): EntityInfo | undefined {
  for (const t of heritageTypeArgs(ref.cls.extends ?? '')) {
    const e = catalog.fromType(ref.file, t);
    if (e) return e;
  }
  return undefined;
}
