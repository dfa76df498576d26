/**
 * The entities an ORM adapter found, and how code names them: a class
 * (`User`, `entities.User`), a thunk (`() => User`), an EntitySchema variable,
 * or an entity-name string (`'User'`). Shared by the TypeORM and MikroORM
 * adapters, whose entity models are alike.
 */
import type { ArgFact } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';
import type { Table } from '../../../model/result.js';

export interface EntityInfo {
  /** `${file}#${class or schema variable}`: unique even when two stores each have a `Ticket`. */
  key: string;
  /** Class name, or the EntitySchema's `name`. */
  name: string;
  file: string;
  line: number;
  /** Physical table (or collection) name. */
  table: string;
  /** Stores the entity is registered in, sorted; never empty. */
  stores: string[];
  columns: string[];
  /** Every relation property (owner and inverse side) → target entity key, for query-builder joins. */
  relationTargets: Map<string, string>;
  /** Owning many-to-many property → its join table's physical name. */
  joinTables?: Map<string, string>;
  /** ActiveRecord: the class extends the ORM's `BaseEntity`, so `User.find()` and `user.save()` reach the database. */
  activeRecord?: boolean;
  /** An EntitySchema's `target` / `class`: the class name (in `file`) code uses for it. */
  target?: string;
  /** Set when the entity maps onto an ancestor's table (single-table inheritance), which declares it. */
  inheritsTable?: boolean;
}

/** One table per entity and store; single-table-inheritance children add none. */
export function entityTables(catalog: EntityCatalog, orm: string): Table[] {
  return catalog.all
    .filter((e) => !e.inheritsTable)
    .flatMap((e) =>
      e.stores.map((store) => ({
        id: `${store}:${e.table}`,
        store,
        name: e.table,
        orm,
        entity: e.name,
        declaredIn: `${e.file}:${e.line}`,
        columns: e.columns,
      })),
    );
}

export const entityKey = (file: string, name: string): string => `${file}#${name}`;

export class EntityCatalog {
  private readonly byKey = new Map<string, EntityInfo>();
  private readonly byName = new Map<string, EntityInfo[]>();
  private readonly byTable = new Map<string, EntityInfo[]>();
  /** Extra keys naming an entity (an EntitySchema's `target` class). */
  private readonly aliases = new Map<string, string>();

  constructor(
    entities: readonly EntityInfo[],
    private readonly index: ProjectIndex,
  ) {
    for (const e of entities) {
      this.byKey.set(e.key, e);
      push(this.byName, e.name, e);
      push(this.byTable, e.table, e);
    }
    for (const e of entities) {
      const cls = e.target ? index.resolveClass(e.file, e.target) : undefined;
      if (cls) this.alias(entityKey(cls.file, cls.cls.name), e.key);
    }
  }

  get all(): EntityInfo[] {
    return [...this.byKey.values()];
  }

  get(key: string | undefined): EntityInfo | undefined {
    if (key === undefined) return undefined;
    return this.byKey.get(key) ?? this.byKey.get(this.aliases.get(key) ?? '');
  }

  alias(key: string, target: string): void {
    if (!this.byKey.has(key)) this.aliases.set(key, target);
  }

  /** The entity an identifier used in `file` refers to (class, schema variable, or a unique entity name). */
  fromName(file: string, name: string): EntityInfo | undefined {
    const cls = this.index.resolveClass(file, name);
    if (cls) {
      const e = this.get(entityKey(cls.file, cls.cls.name));
      if (e) return e;
    }
    const resolved = this.index.resolveName(file, name);
    if (resolved?.kind === 'internal') {
      const e = this.get(entityKey(resolved.file, resolved.name));
      if (e) return e;
    }
    // An interface typed EntitySchema (`getRepository<User>('User')`) or an unresolvable import: accept a unique name.
    return this.uniqueByName(name.slice(name.lastIndexOf('.') + 1));
  }

  uniqueByName(name: string): EntityInfo | undefined {
    const found = this.byName.get(name);
    return found?.length === 1 ? found[0] : undefined;
  }

  uniqueByTable(table: string): EntityInfo | undefined {
    const found = this.byTable.get(table) ?? this.byTable.get(table.slice(table.lastIndexOf('.') + 1));
    return found?.length === 1 ? found[0] : undefined;
  }

  /** The entity an argument names: `User`, `entities.User`, `() => User`, `'User'`, `User.name`. */
  fromArg(file: string, arg: ArgFact | undefined): EntityInfo | undefined {
    if (!arg) return undefined;
    switch (arg.k) {
      case 'id':
        return this.fromName(file, arg.v);
      case 'member':
        return arg.v.endsWith('.name') ? this.fromName(file, arg.v.slice(0, -'.name'.length)) : this.fromName(file, arg.v);
      case 'str':
        return this.uniqueByName(arg.v) ?? this.uniqueByTable(arg.v);
      case 'fn':
        return this.fromArg(file, arg.ret);
      default:
        return undefined;
    }
  }

  /** The entity a type annotation names: `User`, `User[]`, `Ref<User>`, `Collection<Tag>`, `Promise<User | null>`. */
  fromType(file: string, type: string | undefined): EntityInfo | undefined {
    if (!type) return undefined;
    for (const name of type.match(/[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*/g) ?? []) {
      if (WRAPPER_TYPES.has(name)) continue;
      return this.fromName(file, name);
    }
    return undefined;
  }

  tableId(e: EntityInfo, store?: string): string {
    const s = store !== undefined && e.stores.includes(store) ? store : e.stores[0];
    return `${s}:${e.table}`;
  }
}

/** Generic wrappers whose type argument is the entity (or its class). */
const WRAPPER_TYPES = new Set([
  'Promise',
  'Array',
  'ReadonlyArray',
  'Partial',
  'Ref',
  'Reference',
  'Rel',
  'IdentifiedReference',
  'Collection',
  'Loaded',
  'Relation',
  'Lazy',
  'EntityName',
  'EntityClass',
  'EntityTarget',
  'ObjectType',
  'Type',
  'EntitySchema',
  'Constructor',
  'ClassType',
  'EntityData',
  'RequiredEntityData',
  'null',
  'undefined',
]);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
