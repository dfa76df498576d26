/**
 * MikroORM entities: `@Entity()` (from any `@mikro-orm/*` package) with
 * `tableName`/`collection`, `abstract: true` bases (no table, unless an STI root), single-table
 * inheritance (children of a root with `discriminatorColumn` share its
 * table), and `new EntitySchema({ name, tableName, properties })` /
 * `defineEntity({ … })`.
 */
import type { ArgFact, ClassFact, DecoratorFact, FileFacts, MemberFact } from '../../../extract/file-facts.js';
import type { ClassRef, ProjectIndex } from '../../../link/project-index.js';
import { idName, importedFrom, optionsArg, ormDecorator, prop, str } from '../../core/entity-orm/decorators.js';
import { entityKey, type EntityInfo } from '../../core/entity-orm/entity-catalog.js';
import type { RelationInput } from '../../core/entity-orm/relations.js';
import { heritageName } from '../../core/entity-orm/value-trace.js';
import type { MikroNaming } from './naming.js';

export const isMikroPackage = (pkg: string): boolean => pkg.startsWith('@mikro-orm/');

const RELATIONS: Record<string, RelationInput['kind']> = {
  ManyToOne: 'many-to-one',
  OneToOne: 'one-to-one',
  OneToMany: 'one-to-many',
  ManyToMany: 'many-to-many',
};
const SCHEMA_KINDS: Record<string, RelationInput['kind']> = {
  'm:1': 'many-to-one',
  '1:1': 'one-to-one',
  '1:m': 'one-to-many',
  'm:n': 'many-to-many',
  MANY_TO_ONE: 'many-to-one',
  ONE_TO_ONE: 'one-to-one',
  ONE_TO_MANY: 'one-to-many',
  MANY_TO_MANY: 'many-to-many',
};

export interface FoundMikroEntities {
  entities: EntityInfo[];
  relations: RelationInput[];
}

export function findMikroEntities(
  files: readonly FileFacts[],
  index: ProjectIndex,
  defaultStore: string,
  naming: MikroNaming,
): FoundMikroEntities {
  const entities: EntityInfo[] = [];
  const relations: RelationInput[] = [];
  const entityDecorator = (file: string, cls: ClassFact): DecoratorFact | undefined =>
    ormDecorator(index, file, cls.decorators, ['Entity'], isMikroPackage);
  for (const file of files) {
    for (const cls of file.classes) {
      const d = entityDecorator(file.path, cls);
      // An abstract root of single-table inheritance (`abstract: true, discriminatorColumn`) still owns the table.
      const options = d ? optionsArg(d.args) : undefined;
      if (!d || (isTrue(prop(options, 'abstract')) && prop(options, 'discriminatorColumn') === undefined)) continue;
      const root = stiRoot(index, { file: file.path, cls }, entityDecorator);
      const table = root ? tableName(root.cls, entityDecorator(root.file, root.cls)!, naming) : tableName(cls, d, naming);
      const key = entityKey(file.path, cls.name);
      const members = inheritedMembers(index, file.path, cls);
      const info: EntityInfo = {
        key,
        name: cls.name,
        file: file.path,
        line: cls.line,
        table,
        stores: [defaultStore],
        columns: [
          ...new Set(
            members
              .filter(({ m }) => m.decorators.some((x) => x.name === 'Property' || x.name === 'PrimaryKey' || x.name === 'Enum'))
              .map(({ m }) => m.name),
          ),
        ].sort(),
        relationTargets: new Map(),
      };
      if (root) info.inheritsTable = true;
      entities.push(info);
      for (const { m, file: where, cls: owner } of members) {
        const rel = decoratorRelation(m, key, where, initializerType(index.files.get(where), owner, m.name));
        if (rel) relations.push(rel);
      }
    }
    for (const call of file.calls) {
      const isSchema = call.callee === 'new EntitySchema' && importedFrom(index, file.path, 'EntitySchema', isMikroPackage);
      const isDefine = call.callee === 'defineEntity' && importedFrom(index, file.path, 'defineEntity', isMikroPackage);
      if (!isSchema && !isDefine) continue;
      const schema = call.args[0]?.k === 'obj' ? call.args[0] : undefined;
      const name = str(prop(schema, 'name')) ?? str(prop(schema, 'className')) ?? idName(prop(schema, 'class'));
      if (!schema || !name) continue;
      const holder = call.assignedTo && !call.assignedTo.includes('.') ? call.assignedTo : name;
      const key = entityKey(file.path, holder);
      const properties = prop(schema, 'properties');
      entities.push({
        key,
        name,
        file: file.path,
        line: call.line,
        table: str(prop(schema, 'tableName')) ?? str(prop(schema, 'collection')) ?? naming.table(name),
        target: idName(prop(schema, 'class')),
        stores: [defaultStore],
        columns:
          properties?.k === 'obj'
            ? Object.keys(properties.props)
                .filter((p) => !relationKind(properties.props[p]))
                .sort()
            : [],
        relationTargets: new Map(),
      });
      if (properties?.k !== 'obj') continue;
      for (const [property, p] of Object.entries(properties.props)) {
        const kind = relationKind(p);
        if (!kind) continue;
        relations.push({
          owner: key,
          property,
          kind,
          target: prop(p, 'entity') ?? prop(p, 'type'),
          file: file.path,
          line: call.line,
          ...owning(kind, p, undefined),
        });
      }
    }
  }
  return { entities, relations };
}

/** `{ kind: 'm:1' }`, `{ reference: 'm:1' }`, `{ kind: ReferenceKind.MANY_TO_ONE }`. */
function relationKind(p: ArgFact | undefined): RelationInput['kind'] | undefined {
  const k = prop(p, 'kind') ?? prop(p, 'reference');
  const text = k?.k === 'str' ? k.v : k?.k === 'member' ? k.v.slice(k.v.lastIndexOf('.') + 1) : undefined;
  return text ? SCHEMA_KINDS[text] : undefined;
}

function tableName(cls: ClassFact, d: DecoratorFact, naming: MikroNaming): string {
  const opts = optionsArg(d.args);
  return str(prop(opts, 'tableName')) ?? str(prop(opts, 'collection')) ?? naming.table(cls.name);
}

/** The single-table-inheritance root above `ref`: an `@Entity` ancestor with `discriminatorColumn` (not TPT). */
function stiRoot(
  index: ProjectIndex,
  ref: ClassRef,
  entityDecorator: (file: string, cls: ClassFact) => DecoratorFact | undefined,
): ClassRef | undefined {
  const seen = new Set<string>();
  let current: ClassRef | undefined = ref;
  while (current && !seen.has(`${current.file}#${current.cls.name}`)) {
    seen.add(`${current.file}#${current.cls.name}`);
    const d = entityDecorator(current.file, current.cls);
    const opts = d ? optionsArg(d.args) : undefined;
    if (opts?.props.discriminatorColumn !== undefined && str(opts.props.inheritance) !== 'tpt')
      return current === ref ? undefined : current;
    current = current.cls.extends ? index.resolveClass(current.file, heritageName(current.cls.extends)) : undefined;
  }
  return undefined;
}

function inheritedMembers(index: ProjectIndex, file: string, cls: ClassFact): { m: MemberFact; file: string; cls: string }[] {
  const out: { m: MemberFact; file: string; cls: string }[] = [];
  const seen = new Set<string>();
  let current: ClassRef | undefined = { file, cls };
  while (current && !seen.has(`${current.file}#${current.cls.name}`)) {
    seen.add(`${current.file}#${current.cls.name}`);
    for (const m of current.cls.members)
      if (m.kind === 'property' && !out.some((o) => o.m.name === m.name)) out.push({ m, file: current.file, cls: current.cls.name });
    current = current.cls.extends ? index.resolveClass(current.file, heritageName(current.cls.extends)) : undefined;
  }
  return out;
}

/** `favorites = new Collection<Article>(this)`: the type argument of the initialiser (kept on the call fact). */
function initializerType(file: FileFacts | undefined, cls: string, property: string): string | undefined {
  const init = file?.calls.find(
    (c) => c.symbol === `${cls}.${property}` && c.assignedTo === `this.${property}` && c.callee.startsWith('new '),
  );
  return init?.typeArgs[0];
}

/** `@ManyToOne(() => Author)`, `@ManyToOne({ entity: () => Author })`, `@ManyToOne('Author')`, or the property's (initialiser's) type. */
function decoratorRelation(m: MemberFact, owner: string, file: string, initType: string | undefined): RelationInput | undefined {
  const d = m.decorators.find((x) => x.name in RELATIONS);
  if (!d) return undefined;
  const kind = RELATIONS[d.name]!;
  const opts = optionsArg(d.args);
  const first = d.args[0];
  const typeText = m.type ?? initType;
  const target =
    first && first.k !== 'obj' ? first : (prop(opts, 'entity') ?? (typeText ? { k: 'other' as const, text: typeText } : undefined));
  const mappedBy = d.args[1] && d.args[1].k !== 'obj' ? d.args[1] : undefined;
  return { owner, property: m.name, kind, target, file, line: m.line, ...owning(kind, opts, mappedBy) };
}

/** Owning side: m:1 always; 1:1 and m:n unless `mappedBy` says this is the inverse side (or `owner: true` overrides). */
function owning(
  kind: RelationInput['kind'],
  opts: ArgFact | undefined,
  mappedByArg: ArgFact | undefined,
): { owning: boolean; joinTable?: string } {
  if (kind === 'many-to-one') return { owning: true };
  if (kind === 'one-to-many') return { owning: false };
  const explicitOwner = isTrue(prop(opts, 'owner')) || prop(opts, 'inversedBy') !== undefined || prop(opts, 'pivotTable') !== undefined;
  const inverse = prop(opts, 'mappedBy') !== undefined || mappedByArg !== undefined;
  return { owning: explicitOwner || !inverse, joinTable: str(prop(opts, 'pivotTable')) };
}

const isTrue = (arg: ArgFact | undefined): boolean => arg?.k === 'other' && arg.text === 'true';
