/** How TypeORM's types, decorators and methods produce repositories, managers and query builders. */
import type { ArgFact } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';
import { ormBaseOf } from '../../core/entity-orm/custom-repository.js';
import type { StoreMap } from '../../core/entity-orm/data-sources.js';
import { constString, importedFrom, optionsArg, prop, str } from '../../core/entity-orm/decorators.js';
import type { EntityCatalog } from '../../core/entity-orm/entity-catalog.js';
import { isTypeormPackage } from './entities.js';
import { RETURNS_INSTANCE, typeormQb } from './methods.js';
import { applyQb, isTerminal, startQb } from '../../core/entity-orm/query-builder.js';
import type { OrmSemantics, Scope, Value, ValueTracer } from '../../core/entity-orm/value-trace.js';

const REPOSITORY_TYPES = new Set(['Repository', 'TreeRepository', 'MongoRepository', 'BaseRepository']);
const MANAGER_TYPES = new Set(['EntityManager', 'MongoEntityManager', 'DataSource', 'Connection']);
const QB_TYPES = new Set(['SelectQueryBuilder', 'QueryBuilder', 'UpdateQueryBuilder', 'DeleteQueryBuilder', 'InsertQueryBuilder']);
const GET_REPOSITORY = new Set(['getRepository', 'getTreeRepository', 'getMongoRepository']);

export function typeormSemantics(index: ProjectIndex, catalog: EntityCatalog, stores: StoreMap, tracer: ValueTracer): OrmSemantics {
  const storeArg = (file: string, arg: ArgFact | undefined): string | undefined =>
    arg === undefined ? undefined : stores.storeOf(constString(index, file, arg) ?? constString(index, file, prop(arg, 'name')));

  const repoOf = (scope: Scope, arg: ArgFact | undefined, store: string | undefined): Value | undefined => {
    const entity = catalog.fromArg(scope.file.path, arg);
    if (entity) return { k: 'repo', entity, store };
    // `getRepository(target)` inside a generic helper: the entity is whatever its callers pass.
    const param = arg ? tracer.paramIndex(scope, [arg]) : undefined;
    return param === undefined ? undefined : { k: 'repo', store, param };
  };

  const sem: OrmSemantics = {
    isOrmPackage: isTypeormPackage,

    fromOrmType(name, typeArgs, file) {
      if (REPOSITORY_TYPES.has(name)) return { k: 'repo', entity: catalog.fromType(file, typeArgs[0]) };
      if (MANAGER_TYPES.has(name)) return { k: 'manager' };
      if (name === 'QueryRunner') return { k: 'runner' };
      if (name === 'EntityTarget' || name === 'ObjectType' || name === 'EntitySchema') {
        const entity = catalog.fromType(file, typeArgs[0]);
        return entity ? { k: 'entity-class', entity } : undefined;
      }
      if (QB_TYPES.has(name))
        return { k: 'qb', qb: { ...startQb(catalog.fromType(file, typeArgs[0]), undefined, undefined), created: false } };
      return undefined;
    },

    fromDecorator(d, file) {
      if (!importedFrom(index, file, d.name, isTypeormPackage)) return undefined;
      if (d.name === 'InjectRepository') {
        const store = storeArg(file, d.args[1]);
        const entity = catalog.fromArg(file, d.args[0]);
        if (entity) return { k: 'repo', entity, store };
        // `@InjectRepository(UserRepository)` (0.2 custom repositories): the class says the entity.
        const custom = d.args[0]?.k === 'id' ? tracer.typeValue(file, d.args[0].v) : undefined;
        return custom?.k === 'repo' ? { ...custom, store } : undefined;
      }
      if (
        d.name === 'InjectDataSource' ||
        d.name === 'InjectConnection' ||
        d.name === 'InjectEntityManager' ||
        d.name === 'TransactionManager'
      ) {
        return { k: 'manager', store: storeArg(file, d.args[0]) };
      }
      return undefined;
    },

    fromOrmFunction(name, args, scope) {
      const file = scope.file.path;
      if (GET_REPOSITORY.has(name)) return repoOf(scope, args[0], storeArg(file, args[1]));
      if (name === 'getCustomRepository') return args[0]?.k === 'id' ? tracer.typeValue(file, args[0].v) : undefined;
      if (name === 'getManager' || name === 'getConnection' || name === 'getMongoManager')
        return { k: 'manager', store: storeArg(file, args[0]) };
      if (name === 'createQueryBuilder') return { k: 'qb', qb: startQb(catalog.fromArg(file, args[0]), str(args[1]), undefined) };
      return undefined;
    },

    fromOrmNew(name, args, scope) {
      if (name === 'DataSource' || name === 'Connection')
        return { k: 'manager', store: storeArg(scope.file.path, prop(optionsArg(args), 'name')) };
      return undefined;
    },

    fromMethod(recv, method, args, scope) {
      const file = scope.file.path;
      switch (recv.k) {
        case 'manager':
          if (GET_REPOSITORY.has(method)) return repoOf(scope, args[0], recv.store);
          if (method === 'getCustomRepository') return args[0]?.k === 'id' ? tracer.typeValue(file, args[0].v) : undefined;
          if (method === 'withRepository') return tracer.argValue(scope, args[0]);
          if (method === 'createQueryBuilder') {
            const entity = catalog.fromArg(file, args[0]);
            return { k: 'qb', qb: startQb(entity, entity ? str(args[1]) : undefined, recv.store) };
          }
          if (method === 'createQueryRunner') return { k: 'runner', store: recv.store };
          if (method === 'initialize' || method === 'connect') return recv;
          if (RETURNS_INSTANCE.has(method)) {
            const entity = catalog.fromArg(file, args[0]);
            return entity ? { k: 'instance', entity } : undefined;
          }
          return undefined;
        case 'repo':
          if (method === 'createQueryBuilder') return { k: 'qb', qb: startQb(recv.entity, str(args[0]), recv.store, recv.param) };
          if (method === 'extend') return recv;
          if (RETURNS_INSTANCE.has(method) && recv.entity) return { k: 'instance', entity: recv.entity };
          return undefined;
        case 'entity-class':
          if (method === 'createQueryBuilder') return { k: 'qb', qb: startQb(recv.entity, str(args[0]), undefined) };
          if (method === 'getRepository') return { k: 'repo', entity: recv.entity };
          if (RETURNS_INSTANCE.has(method)) return { k: 'instance', entity: recv.entity };
          return undefined;
        case 'qb':
          if (isTerminal(recv.qb, method, typeormQb)) return undefined;
          if (method === 'subQuery') return { k: 'qb', qb: startQb(undefined, undefined, recv.qb.store) };
          return { k: 'qb', qb: applyQb(recv.qb, method, args, file, catalog, typeormQb) };
        default:
          return undefined;
      }
    },

    fromProperty(recv, name) {
      if (name === 'manager' && (recv.k === 'manager' || recv.k === 'runner' || recv.k === 'repo'))
        return { k: 'manager', store: recv.store };
      if ((name === 'connection' || name === 'dataSource') && (recv.k === 'manager' || recv.k === 'runner'))
        return { k: 'manager', store: recv.store };
      return undefined;
    },

    callbackParam(recv, method, _argIndex, paramIndex) {
      if (recv.k === 'manager' && method === 'transaction' && paramIndex === 0) return { k: 'manager', store: recv.store };
      if (recv.k === 'qb' && paramIndex === 0) return { k: 'qb', qb: { ...startQb(undefined, undefined, recv.qb.store), created: false } };
      return undefined;
    },

    fromClass(ref, isStatic) {
      if (isStatic) return undefined;
      const deco = ref.cls.decorators.find((d) => d.name === 'EntityRepository');
      const decorated = deco ? catalog.fromArg(ref.file, deco.args[0]) : undefined;
      const base = ormBaseOf(index, catalog, ref, isTypeormPackage);
      if (!base) return undefined;
      if (REPOSITORY_TYPES.has(base.base)) return { k: 'repo', entity: decorated ?? base.entity };
      return sem.fromOrmType(base.base, [], ref.file);
    },
  };
  return sem;
}
