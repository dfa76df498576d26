/** TypeORM method names by what they do to the database. */
import type { QbDialect } from '../../core/entity-orm/query-builder.js';

/** Repository / EntityManager / ActiveRecord static methods that read. */
export const READS = new Set([
  'find',
  'findBy',
  'findOne',
  'findOneBy',
  'findOneOrFail',
  'findOneByOrFail',
  'findAndCount',
  'findAndCountBy',
  'findByIds',
  'findOneById',
  'count',
  'countBy',
  'exist',
  'exists',
  'existsBy',
  'sum',
  'average',
  'minimum',
  'maximum',
  'preload',
  'findTrees',
  'findRoots',
  'findDescendants',
  'findDescendantsTree',
  'findAncestors',
  'findAncestorsTree',
  'countDescendants',
  'countAncestors',
  'aggregate',
  'distinct',
]);

/** Methods that write. `create` and `merge` only build objects in memory, so they are neither. */
export const WRITES = new Set([
  'save',
  'insert',
  'update',
  'upsert',
  'delete',
  'remove',
  'softDelete',
  'softRemove',
  'restore',
  'recover',
  'increment',
  'decrement',
  'clear',
  'updateAll',
  'deleteAll',
  'insertOne',
  'insertMany',
  'updateOne',
  'updateMany',
  'deleteOne',
  'deleteMany',
  'replaceOne',
  'bulkWrite',
  'findOneAndDelete',
  'findOneAndUpdate',
  'findOneAndReplace',
]);

/** ActiveRecord instance methods (`user.save()`). */
export const INSTANCE_WRITES = new Set(['save', 'remove', 'softRemove', 'recover']);
export const INSTANCE_READS = new Set(['reload']);

/** Methods that return entity instances of the receiver's entity. */
export const RETURNS_INSTANCE = new Set([
  'create',
  'merge',
  'preload',
  'findOne',
  'findOneBy',
  'findOneOrFail',
  'findOneByOrFail',
  'find',
  'findBy',
  'save',
]);

export const typeormQb: QbDialect = {
  from: new Set(['from', 'addFrom']),
  write: new Map<string, 'insert' | 'update' | 'delete' | undefined>([
    ['insert', 'insert'],
    ['update', 'update'],
    ['delete', 'delete'],
    ['softDelete', 'update'],
    ['restore', 'update'],
  ]),
  target: new Set(['into']),
  joins: (m) => (/^(inner|left)Join(AndSelect)?$/.test(m) ? 0 : /^(inner|left)JoinAndMap(One|Many)$/.test(m) ? 1 : undefined),
  terminal: new Set([
    'getMany',
    'getOne',
    'getOneOrFail',
    'getRawMany',
    'getRawOne',
    'getRawAndEntities',
    'getCount',
    'getManyAndCount',
    'getExists',
    'execute',
    'stream',
    'getQuery',
    'getSql',
    'getQueryAndParameters',
  ]),
  relationWrites: new Set(['add', 'remove', 'set', 'addAndRemove']),
  relationReads: new Set(['loadMany', 'loadOne']),
};
