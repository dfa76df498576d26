/**
 * MikroORM access sites: EntityManager and repository calls (`em.find(User)`,
 * `repo.nativeDelete(…)`, `em.persist(user)` with the instance traced to
 * `em.create(User, …)`, `new User()` or a typed parameter), query builders,
 * raw `execute(sql)`, and the transaction scopes.
 */
import type { TransactionSite } from '../../adapter.js';
import type { ArgFact, CallFact, FileFacts } from '../../../extract/file-facts.js';
import type { EntityCatalog, EntityInfo } from '../../core/entity-orm/entity-catalog.js';
import { queryBuilderSite } from '../../core/entity-orm/query-builder-sites.js';
import type { SiteCollector } from '../../core/entity-orm/site-collector.js';
import { pairedScope } from '../../core/entity-orm/transactions.js';
import { ValueTracer, type Value } from '../../core/entity-orm/value-trace.js';
import { INSTANCE_READS, INSTANCE_WRITES, mikroQb, READS, WRITES } from './methods.js';

const OTHER = new Set(['execute', 'transactional', 'begin', 'createQueryBuilder', 'qb']);
const TX_ENDS = new Set(['commit', 'rollback']);

function interesting(call: CallFact): boolean {
  const method = ValueTracer.method(call.callee);
  if (
    READS.has(method) ||
    WRITES.has(method) ||
    INSTANCE_READS.has(method) ||
    INSTANCE_WRITES.has(method) ||
    mikroQb.terminal.has(method) ||
    OTHER.has(method)
  )
    return true;
  return call.outer === undefined && (call.callee.includes('createQueryBuilder()') || call.callee.includes('.qb()'));
}

export function findMikroAccess(
  files: readonly FileFacts[],
  tracer: ValueTracer,
  catalog: EntityCatalog,
  out: SiteCollector,
  defaultStore: string,
): void {
  for (const file of files) {
    for (const call of file.calls) {
      if (call.callee.startsWith('new ') || !interesting(call)) continue;
      if (queryBuilderSite(file, call, tracer, catalog, mikroQb, out, defaultStore)) continue;
      const recv = tracer.receiverValue(file, call);
      if (recv) accessOn(file, call, recv, tracer, catalog, out);
    }
  }
}

function accessOn(file: FileFacts, call: CallFact, recv: Value, tracer: ValueTracer, catalog: EntityCatalog, out: SiteCollector): void {
  const { method, recvText } = ValueTracer.split(call.callee);
  const via = call.callee;
  const byInstance = INSTANCE_READS.has(method) || INSTANCE_WRITES.has(method);
  const mode =
    READS.has(method) || INSTANCE_READS.has(method) ? 'read' : WRITES.has(method) || INSTANCE_WRITES.has(method) ? 'write' : undefined;
  if (recv.k === 'connection' || recv.k === 'manager') {
    if (method === 'execute') return out.sql(file, call, call.args[0], recv.store, via);
  }
  if (recv.k === 'repo') {
    if (!mode) return;
    if (recv.entity) return out.access(file, call, catalog.tableId(recv.entity, recv.store), mode, via);
    return out.genericMiss(file, call, mode, via, recv.param);
  }
  if (recv.k !== 'manager') return;
  if (method === 'transactional') return out.transaction(txSite(file, call, 'mikro-orm.transactional'));
  if (method === 'begin' && recvText)
    return out.transaction({ ...txSite(file, call, 'mikro-orm.begin'), extraCallIds: pairedScope(file, call, recvText, TX_ENDS) });
  if (!mode) return;
  const entities = byInstance ? instances(tracer, file, call, call.args[0]) : named(tracer, catalog, file, call, call.args[0]);
  if (entities.length === 0) {
    const scope = tracer.scopeOf(file, call);
    if (byInstance && tracer.typedByTypeParam(scope, call.args[0])) return out.genericMiss(file, call, mode, via, undefined);
    // `em.find(this.entityName, …)` in a base class: each subclass names its entity.
    if (!byInstance && call.args[0]?.k === 'member' && call.args[0].v.startsWith('this.'))
      return out.genericMiss(file, call, mode, via, undefined);
    const param = byInstance ? undefined : tracer.paramIndex(scope, call.args.slice(0, 1));
    if (param !== undefined) return out.genericMiss(file, call, mode, via, param);
    return out.miss(file, call, 'unknown-model', `${via}: entity not named`);
  }
  for (const e of entities) out.access(file, call, catalog.tableId(e, recv.store), mode, via);
}

/** The entity named by the first argument: `User`, `'User'`, or a variable holding the class. */
function named(tracer: ValueTracer, catalog: EntityCatalog, file: FileFacts, call: CallFact, arg: ArgFact | undefined): EntityInfo[] {
  const e = catalog.fromArg(file.path, arg);
  if (e) return [e];
  const v = tracer.argValue(tracer.scopeOf(file, call), arg);
  // `em.upsertMany(entities)` passes instances where a class could go.
  return v?.k === 'entity-class' || v?.k === 'instance' ? [v.entity] : [];
}

/** Entities of the instances passed (`em.persist(user)`, `em.persist([a, b])`). */
function instances(tracer: ValueTracer, file: FileFacts, call: CallFact, arg: ArgFact | undefined): EntityInfo[] {
  const items = arg?.k === 'arr' ? arg.items : arg ? [arg] : [];
  const out: EntityInfo[] = [];
  for (const item of items) {
    const v = tracer.argValue(tracer.scopeOf(file, call), item);
    if (v?.k !== 'instance') return [];
    out.push(v.entity);
  }
  return out;
}

const txSite = (file: FileFacts, call: CallFact, kind: string): TransactionSite => ({
  unit: file.path,
  symbol: call.symbol,
  line: call.line,
  callId: call.id,
  kind,
});
