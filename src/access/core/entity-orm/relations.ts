/**
 * Relations between entity tables, and the join tables that many-to-many
 * owners imply (each with a reference to both sides). Shared by TypeORM and
 * MikroORM; the join-table naming rule is the ORM's.
 */
import type { ArgFact } from '../../../extract/file-facts.js';
import type { Relation, Table } from '../../../model/result.js';
import type { EntityCatalog, EntityInfo } from './entity-catalog.js';

export interface RelationInput {
  owner: string;
  property: string;
  kind: 'many-to-one' | 'one-to-one' | 'one-to-many' | 'many-to-many';
  target: ArgFact | undefined;
  file: string;
  line: number;
  owning: boolean;
  joinTable?: string;
}

export interface BuiltRelations {
  relations: Relation[];
  joinTables: Table[];
}

export function buildRelations(
  decls: readonly RelationInput[],
  catalog: EntityCatalog,
  orm: string,
  /** The join table's name; undefined when the store keeps no join table (MongoDB arrays of ids). */
  joinTableName: (owner: EntityInfo, property: string, target: EntityInfo) => string | undefined,
): BuiltRelations {
  const relations: Relation[] = [];
  const joinTables = new Map<string, Table>();
  for (const d of decls) {
    const owner = catalog.get(d.owner);
    // A target given only by the property's type (`author!: Ref<Author>`) arrives as its text.
    const target = d.target?.k === 'other' ? catalog.fromType(d.file, d.target.text) : catalog.fromArg(d.file, d.target);
    if (!owner || !target) continue;
    owner.relationTargets.set(d.property, target.key);
    if (!d.owning) continue;
    const declaredIn = `${d.file}:${d.line}`;
    for (const store of owner.stores) {
      const from = `${store}:${owner.table}`;
      const to = catalog.tableId(target, store);
      if (d.kind !== 'many-to-many') {
        relations.push({ from, to, kind: d.kind, field: d.property, declaredIn, orm });
        continue;
      }
      const name = d.joinTable ?? joinTableName(owner, d.property, target);
      if (name === undefined) {
        relations.push({ from, to, kind: 'many-to-many', field: d.property, declaredIn, orm });
        continue;
      }
      (owner.joinTables ??= new Map()).set(d.property, name);
      const id = `${store}:${name}`;
      if (!joinTables.has(id)) joinTables.set(id, { id, store, name, orm, declaredIn });
      relations.push({ from: id, to: from, kind: 'many-to-one', field: d.property, declaredIn, orm });
      relations.push({ from: id, to, kind: 'many-to-one', field: d.property, declaredIn, orm });
    }
  }
  return { relations, joinTables: [...joinTables.values()] };
}
