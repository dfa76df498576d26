/** MikroORM method names by what they do to the database. */
import type { QbDialect } from '../../core/entity-orm/query-builder.js';

/** EntityManager methods taking the entity first (`em.find(User, …)`), and the same on a repository. */
export const READS = new Set(['find', 'findOne', 'findOneOrFail', 'findAll', 'findAndCount', 'findByCursor', 'count', 'stream']);

/** Methods reading through an entity instance (`em.populate(user, ['articles'])`). */
export const INSTANCE_READS = new Set(['populate', 'refresh', 'refreshOrFail']);

/** `create` builds an entity that the next flush inserts (`persistOnCreate`), so it counts as a write. */
export const WRITES = new Set(['create', 'nativeInsert', 'nativeUpdate', 'nativeDelete', 'upsert', 'upsertMany', 'insert', 'insertMany']);

/** Methods whose first argument is an entity instance, not an entity name (`em.persist(user)`). */
export const INSTANCE_WRITES = new Set(['persist', 'persistAndFlush', 'persistLater', 'remove', 'removeAndFlush', 'removeLater', 'assign']);

/** Methods that return instances of the named entity. */
export const RETURNS_INSTANCE = new Set([
  'create',
  'findOne',
  'findOneOrFail',
  'find',
  'findAll',
  'getReference',
  'merge',
  'upsert',
  'refresh',
]);

export const mikroQb: QbDialect = {
  from: new Set(['from']),
  write: new Map<string, 'insert' | 'update' | 'delete' | undefined>([
    ['insert', 'insert'],
    ['update', 'update'],
    ['delete', 'delete'],
    ['truncate', 'delete'],
  ]),
  target: new Set<string>(),
  joins: (m) => (/^(left|inner)?[jJ]oin(AndSelect|Lateral|LateralAndSelect)?$/.test(m) ? 0 : undefined),
  terminal: new Set([
    'execute',
    'getResult',
    'getResultList',
    'getSingleResult',
    'getCount',
    'getResultAndCount',
    'getKnexQuery',
    'getFormattedQuery',
    'getQuery',
  ]),
};
