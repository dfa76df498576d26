/**
 * Associations → relations (`from` holds the foreign key):
 * `A.belongsTo(B)` A→B; `A.hasMany(B)` / `A.hasOne(B)` B→A;
 * `A.belongsToMany(B, { through })` through→A and through→B, declaring a
 * string `through` as a join table. sequelize-typescript decorators
 * (`@BelongsTo`, `@ForeignKey`, `@HasMany`, `@HasOne`, `@BelongsToMany`) alike.
 */
import type { ArgFact, FileFacts } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';
import type { Relation, Table } from '../../../model/result.js';
import { propOf, refOf, strOf } from './arg-facts.js';
import type { ModelRegistry, SequelizeModel } from './models.js';
import { enclosingClass, splitCallee } from './receivers.js';
import { modelByName } from './resolve-model.js';

/** Association names per model (`as`, or the decorated property): `include: [{ association: 'author' }]`. */
export type AssociationNames = Map<SequelizeModel, Map<string, SequelizeModel>>;

export interface AssociationResult {
  relations: Relation[];
  joinTables: Table[];
  names: AssociationNames;
}

type Kind = 'belongsTo' | 'hasMany' | 'hasOne' | 'belongsToMany';
const KINDS: Record<string, Kind> = {
  belongsTo: 'belongsTo',
  hasMany: 'hasMany',
  hasOne: 'hasOne',
  belongsToMany: 'belongsToMany',
  BelongsTo: 'belongsTo',
  ForeignKey: 'belongsTo',
  HasMany: 'hasMany',
  HasOne: 'hasOne',
  BelongsToMany: 'belongsToMany',
};

export function findAssociations(index: ProjectIndex, registry: ModelRegistry, files: readonly FileFacts[]): AssociationResult {
  const relations = new Map<string, Relation>();
  const joinTables = new Map<string, Table>();
  const names: AssociationNames = new Map();
  const name = (a: SequelizeModel, alias: string | undefined, b: SequelizeModel): void => {
    if (!alias) return;
    const own = names.get(a) ?? new Map<string, SequelizeModel>();
    if (!own.has(alias)) own.set(alias, b);
    names.set(a, own);
  };
  const relate = (from: Table, to: Table, kind: Relation['kind'], declaredIn: string, field?: string): void => {
    const key = `${from.id} -> ${to.id}`;
    if (!relations.has(key))
      relations.set(key, { from: from.id, to: to.id, kind, orm: 'sequelize', declaredIn, ...(field ? { field } : {}) });
  };
  const through = (file: string, arg: ArgFact | undefined, owner: SequelizeModel, declaredIn: string): Table | undefined => {
    const name = strOf(arg) ?? strOf(propOf(arg, 'model'));
    if (name) {
      const model = registry.byName.get(name)?.[0];
      if (model) return model.table;
      const id = `${owner.table.store}:${name}`;
      if (!joinTables.has(id)) joinTables.set(id, { id, store: owner.table.store, name, orm: 'sequelize', declaredIn });
      return joinTables.get(id);
    }
    const ref = refOf(arg) ?? refOf(propOf(arg, 'model'));
    return ref ? modelByName(index, registry, file, ref)?.table : undefined;
  };
  const associate = (
    kind: Kind,
    a: SequelizeModel,
    b: SequelizeModel,
    file: string,
    line: number,
    options: ArgFact | undefined,
    throughArg: ArgFact | undefined,
  ): void => {
    const at = `${file}:${line}`;
    const fk = strOf(propOf(options, 'foreignKey')) ?? strOf(propOf(propOf(options, 'foreignKey'), 'name'));
    if (kind === 'belongsTo') relate(a.table, b.table, 'many-to-one', at, fk);
    else if (kind === 'hasMany') relate(b.table, a.table, 'many-to-one', at, fk);
    else if (kind === 'hasOne') relate(b.table, a.table, 'one-to-one', at, fk);
    else {
      const join = through(file, throughArg, a, at);
      if (!join) return;
      relate(join, a.table, 'many-to-one', at);
      relate(join, b.table, 'many-to-one', at);
    }
  };

  for (const file of files) {
    for (const call of file.calls) {
      const parts = splitCallee(call.callee);
      const kind = parts && Object.hasOwn(KINDS, parts.method) && /^[a-z]/.test(parts.method) ? KINDS[parts.method] : undefined;
      if (!parts || !kind) continue;
      const a =
        parts.recv === 'this'
          ? registry.models.find((m) => m.cls?.cls === enclosingClass(file, call))
          : modelByName(index, registry, file.path, parts.recv, { lowerCaseLocals: true });
      const targetRef = refOf(call.args[0]);
      const b = targetRef ? modelByName(index, registry, file.path, targetRef, { lowerCaseLocals: true }) : undefined;
      if (!a || !b) continue;
      associate(kind, a, b, file.path, call.line, call.args[1], propOf(call.args[1], 'through'));
      name(a, strOf(propOf(call.args[1], 'as')) ?? strOf(propOf(propOf(call.args[1], 'as'), 'plural')), b);
    }
  }
  for (const a of registry.models) {
    if (!a.cls) continue;
    for (const member of a.cls.cls.members) {
      for (const d of member.decorators) {
        const kind = Object.hasOwn(KINDS, d.name) && /^[A-Z]/.test(d.name) ? KINDS[d.name] : undefined;
        const targetRef = kind ? refOf(d.args[0]) : undefined;
        const b = targetRef ? modelByName(index, registry, a.cls.file, targetRef) : undefined;
        if (!kind || !b) continue;
        const throughArg = d.args[1]?.k === 'obj' ? propOf(d.args[1], 'through') : d.args[1];
        associate(kind, a, b, a.cls.file, member.line, d.args[1]?.k === 'obj' ? d.args[1] : d.args[2], throughArg);
        if (d.name !== 'ForeignKey') name(a, member.name, b);
      }
    }
  }
  return {
    relations: [...relations.values()].sort((x, y) => `${x.from} ${x.to}`.localeCompare(`${y.from} ${y.to}`)),
    joinTables: [...joinTables.values()].filter((t) => !registry.models.some((m) => m.table.id === t.id)),
    names,
  };
}
