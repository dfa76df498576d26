/**
 * TypeORM entities: `@Entity`, `@ViewEntity` (a view, recorded as a table
 * that code can only read), `@ChildEntity` (single-table inheritance: the
 * parent's table), and `new EntitySchema({ name, tableName })`. A class counts
 * only when its decorator is imported from `typeorm`.
 */
import type { ArgFact, ClassFact, DecoratorFact, FileFacts, MemberFact } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';
import { idName, importedFrom, nameOption, optionsArg, ormDecorator, prop, str } from '../../core/entity-orm/decorators.js';
import { entityKey, type EntityInfo } from '../../core/entity-orm/entity-catalog.js';
import { defaultTableName } from './naming.js';
import { heritageName } from '../../core/entity-orm/value-trace.js';

export const isTypeormPackage = (pkg: string): boolean =>
  pkg === 'typeorm' || pkg === '@nestjs/typeorm' || pkg.startsWith('typeorm-transactional') || pkg === '@nestjs-cls/transactional';

export type RelationKind = 'many-to-one' | 'one-to-one' | 'one-to-many' | 'many-to-many';

/** A relation property as written; the target is resolved once every entity is known. */
export interface RelationDecl {
  owner: string; // entity key
  property: string;
  kind: RelationKind;
  target: ArgFact | undefined;
  /** File the target expression is written in (a base class may live elsewhere). */
  file: string;
  line: number;
  /** Owning side: `@ManyToOne`, `@OneToOne` + `@JoinColumn`, `@ManyToMany` + `@JoinTable`. */
  owning: boolean;
  joinTable?: string;
}

export interface FoundEntities {
  entities: EntityInfo[];
  relations: RelationDecl[];
}

const RELATION_DECORATORS: Record<string, RelationKind> = {
  ManyToOne: 'many-to-one',
  OneToOne: 'one-to-one',
  OneToMany: 'one-to-many',
  ManyToMany: 'many-to-many',
};

/** `storeOf` gives a file's own store: its deployable's when several connect on their own (see deployable-stores). */
export function findEntities(files: readonly FileFacts[], index: ProjectIndex, storeOf: (path: string) => string): FoundEntities {
  const entities: EntityInfo[] = [];
  const relations: RelationDecl[] = [];
  for (const file of files) {
    for (const cls of file.classes) {
      const d = ormDecorator(index, file.path, cls.decorators, ['Entity', 'ViewEntity', 'ChildEntity'], isTypeormPackage);
      if (!d) continue;
      const key = entityKey(file.path, cls.name);
      const table = tableOf(index, file.path, cls, d, new Set());
      const members = inheritedMembers(index, file.path, cls);
      const info: EntityInfo = {
        key,
        name: cls.name,
        file: file.path,
        line: cls.line,
        table,
        stores: [storeOf(file.path)],
        columns: [...new Set(members.filter(({ m }) => m.decorators.some((x) => /Column$/.test(x.name))).map(({ m }) => m.name))].sort(),
        relationTargets: new Map(),
      };
      if (d.name === 'ChildEntity' && table !== defaultTableName(cls.name)) info.inheritsTable = true;
      if (extendsBaseEntity(index, file.path, cls)) info.activeRecord = true;
      entities.push(info);
      for (const { m, file: where } of members) {
        const rel = relationOf(m, key, where);
        if (rel) relations.push(rel);
      }
    }
    for (const call of file.calls) {
      if (call.callee !== 'new EntitySchema' || !importedFrom(index, file.path, 'EntitySchema', isTypeormPackage)) continue;
      const schema = found(call.args[0]);
      if (!schema) continue;
      const name = str(schema.props.name);
      if (!name) continue;
      const holder = call.assignedTo && !call.assignedTo.includes('.') ? call.assignedTo : name;
      const key = entityKey(file.path, holder);
      const columns = schema.props.columns?.k === 'obj' ? Object.keys(schema.props.columns.props).sort() : [];
      entities.push({
        key,
        name,
        file: file.path,
        line: call.line,
        table: str(schema.props.tableName) ?? defaultTableName(name),
        target: idName(schema.props.target),
        stores: [storeOf(file.path)],
        columns,
        relationTargets: new Map(),
      });
      const rels = schema.props.relations;
      if (rels?.k === 'obj') {
        for (const [property, r] of Object.entries(rels.props)) {
          const type = str(prop(r, 'type'));
          const kind = type && (Object.values(RELATION_DECORATORS) as string[]).includes(type) ? (type as RelationKind) : undefined;
          if (!kind) continue;
          const joinTable = prop(r, 'joinTable');
          relations.push({
            owner: key,
            property,
            kind,
            target: prop(r, 'target'),
            file: file.path,
            line: call.line,
            owning:
              kind === 'many-to-one' ||
              (kind === 'one-to-one' && prop(r, 'joinColumn') !== undefined) ||
              (kind === 'many-to-many' && joinTable !== undefined),
            joinTable: str(prop(joinTable, 'name')),
          });
        }
      }
    }
  }
  return { entities, relations };
}

const found = (arg: ArgFact | undefined): Extract<ArgFact, { k: 'obj' }> | undefined => (arg?.k === 'obj' ? arg : undefined);

/** Physical table: an explicit name, the parent's for `@ChildEntity`, else the snake-cased class name. */
function tableOf(index: ProjectIndex, file: string, cls: ClassFact, d: DecoratorFact, seen: Set<string>): string {
  if (d.name === 'ChildEntity' && cls.extends && !seen.has(`${file}#${cls.name}`)) {
    seen.add(`${file}#${cls.name}`);
    const parent = index.resolveClass(file, heritageName(cls.extends));
    if (parent) {
      const pd = parent.cls.decorators.find((x) => x.name === 'Entity' || x.name === 'ChildEntity');
      if (pd) return tableOf(index, parent.file, parent.cls, pd, seen);
    }
  }
  return (d.name === 'ChildEntity' ? undefined : nameOption(d.args, ['name'])) ?? defaultTableName(cls.name);
}

/** Does the class (or an ancestor) extend TypeORM's `BaseEntity`? */
function extendsBaseEntity(index: ProjectIndex, file: string, cls: ClassFact): boolean {
  const seen = new Set<string>();
  let current: { file: string; cls: ClassFact } | undefined = { file, cls };
  while (current?.cls.extends && !seen.has(`${current.file}#${current.cls.name}`)) {
    seen.add(`${current.file}#${current.cls.name}`);
    const base = heritageName(current.cls.extends);
    if (base === 'BaseEntity' && importedFrom(index, current.file, base, isTypeormPackage)) return true;
    current = index.resolveClass(current.file, base);
  }
  return false;
}

/** Own members and those of (abstract) base classes, nearest first. */
function inheritedMembers(index: ProjectIndex, file: string, cls: ClassFact): { m: MemberFact; file: string }[] {
  const out: { m: MemberFact; file: string }[] = [];
  const seen = new Set<string>();
  let current: { file: string; cls: ClassFact } | undefined = { file, cls };
  while (current && !seen.has(`${current.file}#${current.cls.name}`)) {
    seen.add(`${current.file}#${current.cls.name}`);
    for (const m of current.cls.members)
      if (m.kind === 'property' && !out.some((o) => o.m.name === m.name)) out.push({ m, file: current.file });
    const base: string | undefined = current.cls.extends ? heritageName(current.cls.extends) : undefined;
    current = base ? index.resolveClass(current.file, base) : undefined;
  }
  return out;
}

function relationOf(m: MemberFact, owner: string, file: string): RelationDecl | undefined {
  const d = m.decorators.find((x) => x.name in RELATION_DECORATORS);
  if (!d) return undefined;
  const kind = RELATION_DECORATORS[d.name]!;
  const has = (name: string): DecoratorFact | undefined => m.decorators.find((x) => x.name === name);
  const joinTable = has('JoinTable');
  return {
    owner,
    property: m.name,
    kind,
    target: d.args[0] ?? (m.type ? { k: 'other', text: m.type } : undefined),
    file,
    line: m.line,
    owning:
      kind === 'many-to-one' ||
      (kind === 'one-to-one' && has('JoinColumn') !== undefined) ||
      (kind === 'many-to-many' && joinTable !== undefined),
    joinTable: joinTable ? str(prop(optionsArg(joinTable.args), 'name')) : undefined,
  };
}
