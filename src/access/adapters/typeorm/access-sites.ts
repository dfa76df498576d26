/**
 * TypeORM access sites: repository and EntityManager methods, ActiveRecord
 * statics and instances, query builders, and raw `query(sql)`. Only receivers
 * that trace back to TypeORM count, so `cache.find()` or `users.filter()` stay silent.
 */
import type { TransactionSite } from '../../adapter.js';
import type { CallFact, FileFacts } from '../../../extract/file-facts.js';
import type { AccessMode } from '../../../model/result.js';
import type { EntityCatalog } from '../../core/entity-orm/entity-catalog.js';
import { INSTANCE_READS, INSTANCE_WRITES, READS, WRITES, typeormQb } from './methods.js';
import { queryBuilderSite } from '../../core/entity-orm/query-builder-sites.js';
import type { SiteCollector } from '../../core/entity-orm/site-collector.js';
import { pairedScope } from '../../core/entity-orm/transactions.js';
import { ValueTracer, type Value } from '../../core/entity-orm/value-trace.js';

const modeOf = (method: string): AccessMode | undefined => (READS.has(method) ? 'read' : WRITES.has(method) ? 'write' : undefined);

const OTHER_INTERESTING = new Set([
  'query',
  'createQueryBuilder',
  'subQuery',
  'transaction',
  'startTransaction',
  'add',
  'set',
  'addAndRemove',
  'loadMany',
  'loadOne',
]);
const TX_ENDS = new Set(['commitTransaction', 'rollbackTransaction', 'release']);

/** Cheap text test before any tracing: could this call be a TypeORM access? */
function interesting(call: CallFact): boolean {
  const method = ValueTracer.method(call.callee);
  if (
    READS.has(method) ||
    WRITES.has(method) ||
    INSTANCE_READS.has(method) ||
    typeormQb.terminal.has(method) ||
    OTHER_INTERESTING.has(method)
  )
    return true;
  return call.outer === undefined && call.callee.includes('createQueryBuilder()');
}

export function findTypeormAccess(
  files: readonly FileFacts[],
  tracer: ValueTracer,
  catalog: EntityCatalog,
  out: SiteCollector,
  defaultStore: string,
): void {
  for (const file of files) {
    for (const call of file.calls) {
      if (call.callee.startsWith('new ') || !interesting(call)) continue;
      if (queryBuilderSite(file, call, tracer, catalog, typeormQb, out, defaultStore)) continue;
      const recv = tracer.receiverValue(file, call);
      if (recv) accessOn(file, call, recv, tracer, catalog, out);
    }
  }
}

function accessOn(file: FileFacts, call: CallFact, recv: Value, tracer: ValueTracer, catalog: EntityCatalog, out: SiteCollector): void {
  const { method } = ValueTracer.split(call.callee);
  const via = call.callee;
  const mode = modeOf(method);
  switch (recv.k) {
    case 'repo':
      if (method === 'query') return out.sql(file, call, call.args[0], recv.store, via);
      if (!mode) return;
      if (recv.entity) return out.access(file, call, catalog.tableId(recv.entity, recv.store), mode, via);
      return out.genericMiss(file, call, mode, via, recv.param);
    // ActiveRecord only: on a data-mapper entity, `Order.update(…)` or `order.remove(item)` are the project's own methods.
    case 'entity-class':
      if (!recv.entity.activeRecord) return;
      if (method === 'query') return out.sql(file, call, call.args[0], undefined, via);
      if (mode) out.access(file, call, catalog.tableId(recv.entity), mode, via);
      return;
    case 'instance':
      if (!recv.entity.activeRecord) return;
      if (INSTANCE_WRITES.has(method)) out.access(file, call, catalog.tableId(recv.entity), 'write', via);
      else if (INSTANCE_READS.has(method)) out.access(file, call, catalog.tableId(recv.entity), 'read', via);
      return;
    case 'runner':
    case 'manager': {
      if (method === 'query') return out.sql(file, call, call.args[0], recv.store, via);
      if (method === 'transaction' && recv.k === 'manager') return out.transaction(txSite(file, call, 'typeorm.transaction'));
      if (method === 'startTransaction' && recv.k === 'runner') {
        const holder = ValueTracer.split(call.callee).recvText;
        const extraCallIds = holder ? pairedScope(file, call, holder, TX_ENDS) : [];
        return out.transaction({ ...txSite(file, call, 'typeorm.queryRunner'), extraCallIds });
      }
      if (!mode || recv.k === 'runner') return;
      const entity = catalog.fromArg(file.path, call.args[0]);
      if (entity) return out.access(file, call, catalog.tableId(entity, recv.store), mode, via);
      // `manager.save(order)`: the entity is the argument's class.
      const arg = tracer.argValue(tracer.scopeOf(file, call), call.args[0]);
      if (arg?.k === 'instance' || arg?.k === 'entity-class')
        return out.access(file, call, catalog.tableId(arg.entity, recv.store), mode, via);
      // `manager.save(entity)` passes an instance; `manager.find(target, …)` a class that a generic helper's caller names.
      const byInstance = INSTANCE_WRITES.has(method) && call.args.length === 1;
      const scope = tracer.scopeOf(file, call);
      if (byInstance && tracer.typedByTypeParam(scope, call.args[0])) return out.genericMiss(file, call, mode, via, undefined);
      const param = byInstance ? undefined : tracer.paramIndex(scope, call.args.slice(0, 1));
      if (param !== undefined) return out.genericMiss(file, call, mode, via, param);
      return out.miss(file, call, 'unknown-model', `${via}: entity not named`);
    }
    default:
      return;
  }
}

const txSite = (file: FileFacts, call: CallFact, kind: string): TransactionSite => ({
  unit: file.path,
  symbol: call.symbol,
  line: call.line,
  callId: call.id,
  kind,
});
