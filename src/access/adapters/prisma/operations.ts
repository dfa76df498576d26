/** Prisma client operations and what they do to a table. */
import type { AccessMode } from '../../../model/result.js';

const READS = [
  'aggregate',
  'aggregateRaw',
  'count',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'findRaw',
  'findUnique',
  'findUniqueOrThrow',
  'groupBy',
];
const WRITES = [
  'create',
  'createMany',
  'createManyAndReturn',
  'delete',
  'deleteMany',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'upsert',
];

export const MODEL_OPS: ReadonlyMap<string, AccessMode> = new Map<string, AccessMode>([
  ...READS.map((op): [string, AccessMode] => [op, 'read']),
  ...WRITES.map((op): [string, AccessMode] => [op, 'write']),
]);

export const RAW_OPS = new Set(['$queryRaw', '$executeRaw', '$queryRawUnsafe', '$executeRawUnsafe', '$queryRawTyped']);

/** Raw operations whose template interpolations are bound parameters, not SQL text. */
export const PARAMETERISED_RAW_OPS = new Set(['$queryRaw', '$executeRaw']);

/** Prisma's model accessor: the model name with a lower-case first letter. */
export const accessorOf = (model: string): string => model.charAt(0).toLowerCase() + model.slice(1);
