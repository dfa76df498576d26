/** How MikroORM's types, decorators and methods produce entity managers, repositories and query builders. */
import type { ArgFact } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';
import { ormBaseOf } from '../../core/entity-orm/custom-repository.js';
import type { StoreMap } from '../../core/entity-orm/data-sources.js';
import { constString, importedFrom, str } from '../../core/entity-orm/decorators.js';
import type { EntityCatalog, EntityInfo } from '../../core/entity-orm/entity-catalog.js';
import { applyQb, startQb } from '../../core/entity-orm/query-builder.js';
import type { OrmSemantics, Value, ValueTracer } from '../../core/entity-orm/value-trace.js';
import { isMikroPackage } from './entities.js';
import { mikroQb, RETURNS_INSTANCE } from './methods.js';

const MANAGER_TYPES = new Set(['EntityManager', 'SqlEntityManager', 'MongoEntityManager']);
const REPOSITORY_TYPES = new Set(['EntityRepository', 'SqlEntityRepository', 'MongoEntityRepository']);
const QB_METHODS = new Set(['createQueryBuilder', 'qb']);
/** `get entityName(): EntityName<User>` holds the entity class. */
const ENTITY_CLASS_TYPES = new Set(['EntityName', 'EntityClass', 'EntitySchema']);

const entityOfValue = (v: Value | undefined): EntityInfo | undefined =>
  v?.k === 'entity-class' || v?.k === 'instance' ? v.entity : undefined;

export function mikroSemantics(index: ProjectIndex, catalog: EntityCatalog, stores: StoreMap, tracer: ValueTracer): OrmSemantics {
  const storeArg = (file: string, arg: ArgFact | undefined): string | undefined =>
    arg === undefined ? undefined : stores.storeOf(constString(index, file, arg));

  const sem: OrmSemantics = {
    isOrmPackage: isMikroPackage,

    fromOrmType(name, typeArgs, file) {
      if (MANAGER_TYPES.has(name)) return { k: 'manager' };
      if (REPOSITORY_TYPES.has(name)) return { k: 'repo', entity: catalog.fromType(file, typeArgs[0]) };
      if (name === 'MikroORM') return { k: 'orm' };
      if (ENTITY_CLASS_TYPES.has(name)) {
        const entity = catalog.fromType(file, typeArgs[0]);
        return entity ? { k: 'entity-class', entity } : undefined;
      }
      if (name === 'QueryBuilder')
        return { k: 'qb', qb: { ...startQb(catalog.fromType(file, typeArgs[0]), undefined, undefined), created: false } };
      if (name === 'Connection' || name.endsWith('Connection')) return { k: 'connection' };
      return undefined;
    },

    fromDecorator(d, file) {
      if (!importedFrom(index, file, d.name, isMikroPackage)) return undefined;
      if (d.name === 'InjectRepository') {
        const store = storeArg(file, d.args[1]);
        return { k: 'repo', entity: catalog.fromArg(file, d.args[0]), store };
      }
      if (d.name === 'InjectEntityManager') return { k: 'manager', store: storeArg(file, d.args[0]) };
      if (d.name === 'InjectMikroORM') return { k: 'orm', store: storeArg(file, d.args[0]) };
      return undefined;
    },

    fromOrmFunction(name) {
      if (name === 'MikroORM.init' || name === 'MikroORM.initSync') return { k: 'orm' };
      if (name === 'RequestContext.getEntityManager') return { k: 'manager' };
      return undefined;
    },

    fromOrmNew() {
      return undefined;
    },

    fromMethod(recv, method, args, scope): Value | undefined {
      const file = scope.file.path;
      switch (recv.k) {
        case 'manager':
          if (method === 'getRepository') {
            const entity = catalog.fromArg(file, args[0]);
            return { k: 'repo', entity, store: recv.store, param: entity ? undefined : tracer.paramIndex(scope, args.slice(0, 1)) };
          }
          if (method === 'fork' || method === 'getContext') return recv;
          if (QB_METHODS.has(method)) {
            const entity = catalog.fromArg(file, args[0]);
            return { k: 'qb', qb: startQb(entity, str(args[1]), recv.store) };
          }
          if (method === 'getConnection' || method === 'getDriver') return { k: 'connection', store: recv.store };
          if (RETURNS_INSTANCE.has(method)) {
            const named = catalog.fromArg(file, args[0]) ?? entityOfValue(tracer.argValue(scope, args[0]));
            return named ? { k: 'instance', entity: named } : undefined;
          }
          return undefined;
        case 'repo':
          if (QB_METHODS.has(method)) return { k: 'qb', qb: startQb(recv.entity, str(args[0]), recv.store, recv.param) };
          if (method === 'getEntityManager' || method === 'getEntityManagerInstance') return { k: 'manager', store: recv.store };
          if (RETURNS_INSTANCE.has(method) && recv.entity) return { k: 'instance', entity: recv.entity };
          return undefined;
        case 'qb':
          if (mikroQb.terminal.has(method)) return undefined;
          return { k: 'qb', qb: applyQb(recv.qb, method, args, file, catalog, mikroQb) };
        default:
          return undefined;
      }
    },

    fromProperty(recv, name) {
      if (name === 'em' && (recv.k === 'orm' || recv.k === 'repo' || recv.k === 'manager')) return { k: 'manager', store: recv.store };
      if (name === '_em' && recv.k === 'repo') return { k: 'manager', store: recv.store };
      return undefined;
    },

    callbackParam(recv, method, _argIndex, paramIndex) {
      if (recv.k === 'manager' && method === 'transactional' && paramIndex === 0) return recv;
      return undefined;
    },

    fromClass(ref, isStatic) {
      if (isStatic) return undefined;
      const base = ormBaseOf(index, catalog, ref, isMikroPackage);
      if (!base) return undefined;
      if (REPOSITORY_TYPES.has(base.base)) return { k: 'repo', entity: base.entity };
      return sem.fromOrmType(base.base, [], ref.file);
    },
  };
  return sem;
}
