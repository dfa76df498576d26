/**
 * Tables a Prisma call reaches through relation fields in its argument:
 * `include`/`select`/`_count` read the related tables (and an implicit
 * many-to-many join table); nested writes in `data` (`comments: { create: … }`)
 * write them. Followed through nested includes, model by model.
 */
import type { ArgFact } from '../../../extract/file-facts.js';
import type { AccessMode } from '../../../model/result.js';
import type { RelationMap } from './stores.js';

const NESTED_WRITES = new Set(['create', 'createMany', 'update', 'updateMany', 'upsert', 'delete', 'deleteMany', 'connectOrCreate']);
const LINKS = new Set(['connect', 'disconnect', 'set']);
const MAX_DEPTH = 6;

export interface Reached {
  table: string;
  mode: AccessMode;
}

function reads(fields: RelationMap, table: string, shape: ArgFact | undefined, out: Reached[], depth: number): void {
  if (shape?.k !== 'obj' || depth > MAX_DEPTH) return;
  const own = fields.get(table);
  for (const [key, value] of Object.entries(shape.props)) {
    if (key === '_count') {
      const inner = value.k === 'obj' ? value.props.select : undefined;
      reads(fields, table, inner, out, depth + 1);
      continue;
    }
    const target = own?.get(key);
    if (!target || (value.k === 'other' && value.text === 'false')) continue;
    out.push({ table: target.table, mode: 'read' });
    if (target.join) out.push({ table: target.join, mode: 'read' });
    if (value.k === 'obj') {
      reads(fields, target.table, value.props.include, out, depth + 1);
      reads(fields, target.table, value.props.select, out, depth + 1);
    }
  }
}

function writes(fields: RelationMap, table: string, data: ArgFact | undefined, out: Reached[], depth: number): void {
  if (data?.k !== 'obj' || depth > MAX_DEPTH) return;
  const own = fields.get(table);
  for (const [key, value] of Object.entries(data.props)) {
    const target = own?.get(key);
    if (!target || value.k !== 'obj') continue;
    for (const [op, inner] of Object.entries(value.props)) {
      if (NESTED_WRITES.has(op)) {
        out.push({ table: target.table, mode: 'write' });
        if (target.join) out.push({ table: target.join, mode: 'write' });
        const nested = inner.k === 'obj' ? (inner.props.data ?? inner.props.create ?? inner) : undefined;
        writes(fields, target.table, nested, out, depth + 1);
      } else if (LINKS.has(op) && target.join) {
        out.push({ table: target.join, mode: 'write' });
      }
    }
  }
}

/** Related tables reached by one model call's first argument, deduplicated. */
export function nestedAccess(fields: RelationMap, table: string, arg: ArgFact | undefined): Reached[] {
  if (arg?.k !== 'obj') return [];
  const out: Reached[] = [];
  reads(fields, table, arg.props.include, out, 0);
  reads(fields, table, arg.props.select, out, 0);
  writes(fields, table, arg.props.data, out, 0);
  writes(fields, table, arg.props.create, out, 0);
  writes(fields, table, arg.props.update, out, 0);
  const seen = new Set<string>();
  return out.filter((r) => !seen.has(`${r.table}:${r.mode}`) && seen.add(`${r.table}:${r.mode}`) !== undefined);
}
