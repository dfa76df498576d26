/**
 * Query-builder chains, followed call by call: which entity the builder
 * starts from, what `.from/.into/.update/.delete` and joins add, and what the
 * terminal call finally reads or writes. TypeORM and MikroORM builders differ
 * only in method names, given as a `QbDialect`.
 */
import type { ArgFact } from '../../../extract/file-facts.js';
import type { AccessMode } from '../../../model/result.js';
import type { EntityCatalog, EntityInfo } from './entity-catalog.js';

export interface QbState {
  store?: string;
  main?: EntityInfo;
  /** A physical table named by string that no entity declares. */
  mainTable?: string;
  aliases: ReadonlyMap<string, EntityInfo>;
  write?: 'insert' | 'update' | 'delete';
  joins: readonly EntityInfo[];
  /** True when the chain that holds this value created the builder (not read from a variable). */
  created: boolean;
  /** The variable holding the builder, when it flowed through one. */
  holder?: string;
  /** Built from a repository of the enclosing method's parameter `param` (a generic helper's entity). */
  param?: number;
  /** `relation(Post, 'tags')`: the join table (or the related entity's table) the relation builder changes. */
  relation?: { table?: string; entity?: EntityInfo };
}

export interface QbDialect {
  /** Methods that set or add the source: `from(User, 'u')`. Entity at arg 0, alias at arg 1. */
  from: ReadonlySet<string>;
  /** Write kinds by method; the entity, if any, is at arg 0 (`update(User)`, `into(User)`). */
  write: ReadonlyMap<string, 'insert' | 'update' | 'delete' | undefined>;
  /** Methods naming the write target without changing the kind: `into(User)`. */
  target: ReadonlySet<string>;
  /** Join method → index of the joined entity / `alias.relation` argument (the alias follows it). */
  joins: (method: string) => number | undefined;
  /** Calls that run the query. */
  terminal: ReadonlySet<string>;
  /** Relation-builder calls that change the relation (`relation(…).of(x).add(y)`), if the ORM has them. */
  relationWrites?: ReadonlySet<string>;
  /** Relation-builder calls that load it (`loadMany`). */
  relationReads?: ReadonlySet<string>;
}

export function startQb(main: EntityInfo | undefined, alias: string | undefined, store: string | undefined, param?: number): QbState {
  const aliases = new Map<string, EntityInfo>();
  if (main && alias) aliases.set(alias, main);
  return { store, main, aliases, joins: [], created: true, param };
}

const aliasOf = (arg: ArgFact | undefined): string | undefined => (arg?.k === 'str' ? arg.v : undefined);

/** Does `method` run the query built so far? */
export const isTerminal = (state: QbState, method: string, d: QbDialect): boolean =>
  d.terminal.has(method) ||
  (state.relation !== undefined && (d.relationWrites?.has(method) === true || d.relationReads?.has(method) === true));

/** One step of the chain. */
export function applyQb(
  state: QbState,
  method: string,
  args: readonly ArgFact[],
  file: string,
  catalog: EntityCatalog,
  d: QbDialect,
): QbState {
  if (d.relationWrites && method === 'relation') {
    const owner = args.length > 1 ? catalog.fromArg(file, args[0]) : state.main;
    const prop = aliasOf(args.length > 1 ? args[1] : args[0]);
    return { ...state, relation: (owner && prop ? relationTable(owner, prop, catalog) : undefined) ?? {} };
  }
  if (state.relation && d.relationWrites?.has(method)) return { ...state, write: 'update' };
  if (d.from.has(method)) {
    const entity = catalog.fromArg(file, args[0]);
    const alias = aliasOf(args[1]);
    const aliases = new Map(state.aliases);
    if (entity && alias) aliases.set(alias, entity);
    if (state.main || state.mainTable) return entity ? { ...state, aliases, joins: [...state.joins, entity] } : state;
    if (entity) return { ...state, main: entity, aliases };
    return args[0]?.k === 'str' ? { ...state, mainTable: args[0].v } : state;
  }
  if (d.write.has(method)) {
    const kind = d.write.get(method);
    const entity = catalog.fromArg(file, args[0]);
    return { ...state, write: kind ?? state.write, main: entity ?? state.main };
  }
  if (d.target.has(method)) {
    const entity = catalog.fromArg(file, args[0]);
    if (entity) return { ...state, main: entity };
    return args[0]?.k === 'str' && !state.main ? { ...state, mainTable: args[0].v } : state;
  }
  const at = d.joins(method);
  if (at !== undefined) {
    const target = joinTarget(state, args[at], file, catalog);
    if (!target) return state;
    const alias = aliasOf(args[at + 1]);
    const aliases = new Map(state.aliases);
    if (alias) aliases.set(alias, target);
    return { ...state, aliases, joins: [...state.joins, target] };
  }
  return state;
}

/** `'u.orders'` through the alias's relations, or an entity class / name. */
function joinTarget(state: QbState, arg: ArgFact | undefined, file: string, catalog: EntityCatalog): EntityInfo | undefined {
  if (arg?.k === 'str' && /^[\w$]+\.[\w$]+$/.test(arg.v)) {
    const [alias, prop] = arg.v.split('.') as [string, string];
    const owner = state.aliases.get(alias) ?? (state.aliases.size === 0 ? state.main : undefined);
    return catalog.get(owner?.relationTargets.get(prop));
  }
  return catalog.fromArg(file, arg);
}

export interface QbAccess {
  entity?: EntityInfo;
  table?: string;
  mode: AccessMode;
}

/** The table a relation builder changes: the owner's join table, the owning side's for an inverse many-to-many, else the related table. */
function relationTable(owner: EntityInfo, prop: string, catalog: EntityCatalog): QbState['relation'] {
  const own = owner.joinTables?.get(prop);
  if (own) return { table: own };
  const target = catalog.get(owner.relationTargets.get(prop));
  if (!target) return undefined;
  for (const [p, table] of target.joinTables ?? []) if (target.relationTargets.get(p) === owner.key) return { table };
  return { entity: target };
}

/** What running the builder touches; empty `entity` and `table` means it names no table we know. */
export function qbAccesses(state: QbState): QbAccess[] {
  const mode: AccessMode = state.write ? 'write' : 'read';
  if (state.relation) return [{ ...state.relation, mode }];
  const out: QbAccess[] = [];
  if (state.main) out.push({ entity: state.main, mode });
  else if (state.mainTable) out.push({ table: state.mainTable, mode });
  else out.push({ mode });
  for (const j of state.joins) if (j !== state.main) out.push({ entity: j, mode: 'read' });
  return out;
}
