/**
 * Stores for an entity ORM (TypeORM, MikroORM): one per named data source.
 * Each adapter finds its sources (`typeorm/store-sources.ts`); here they
 * become stores. When the code names fewer than two, every entity lives in
 * the default store. Two unnamed data sources are told apart by the variable
 * holding them (`AnalyticsDataSource`).
 */
import type { ArgFact, FileFacts } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';
import type { EntityCatalog } from './entity-catalog.js';
import { entityGlob } from './entity-globs.js';

export interface StoreSource {
  /** What the code calls the data source; undefined = TypeORM's `default`. */
  name?: string;
  variable?: string;
  /** Entity arguments (`[User, Order]`) with the file they are written in. */
  entities: { file: string; arg: ArgFact }[];
}

export interface StoreMap {
  /** The store a connection / data source name denotes (`@InjectRepository(User, 'billing')`). */
  storeOf(connection: string | undefined): string;
}

/** Option objects an ORM setup call receives, following a variable holding them. */
export function optionsObject(index: ProjectIndex, file: string, arg: ArgFact | undefined): Extract<ArgFact, { k: 'obj' }> | undefined {
  if (!arg) return undefined;
  if (arg.k === 'obj') return arg;
  if (arg.k === 'fn') return optionsObject(index, file, arg.ret);
  if (arg.k !== 'id') return undefined;
  const resolved = index.resolveName(file, arg.v);
  const where = resolved?.kind === 'internal' ? resolved : { file, name: arg.v };
  const init = index.files.get(where.file)?.variables.find((v) => v.name === where.name && v.scope === '<module>')?.init;
  return init?.k === 'obj' ? init : undefined;
}

/** A call as setup code writes it: in the program, or inside a decorator (`@Module({ imports: [TypeOrmModule.forRoot(…)] })`). */
export interface SetupCall {
  callee: string;
  args: readonly ArgFact[];
  assignedTo?: string;
}

/** Calls of a file, plus the calls written in its class decorators' arguments (the extractor keeps those as facts only). */
export function setupCalls(file: FileFacts): SetupCall[] {
  const out: SetupCall[] = [...file.calls];
  const walk = (arg: ArgFact): void => {
    if (arg.k === 'call') {
      out.push({ callee: arg.callee, args: arg.args });
      arg.args.forEach(walk);
    } else if (arg.k === 'obj') Object.values(arg.props).forEach(walk);
    else if (arg.k === 'arr') arg.items.forEach(walk);
  };
  for (const cls of file.classes) for (const d of cls.decorators) d.args.forEach(walk);
  return out;
}

/**
 * Assign stores to entities. Named sources become stores only when the code
 * names at least two; `default` (TypeORM's own name) is the default store.
 */
export function assignStores(sources: readonly StoreSource[], catalog: EntityCatalog, defaultStore: string): StoreMap {
  // Unnamed data sources in different variables are different databases only when they load different entities;
  // overlapping ones are variants of one database (the app's and the migration CLI's).
  const unnamed = sources.filter((s) => s.name === undefined && s.variable && s.entities.length > 0);
  const apart = unnamed.length > 1 && disjoint(unnamed.map((s) => loaded(s, catalog)));
  const nameOf = (s: StoreSource): string => s.name ?? (apart && unnamed.includes(s) ? s.variable! : 'default');
  const names = new Set(sources.map(nameOf));
  const multi = names.size > 1;
  const storeOf = (connection: string | undefined): string =>
    !multi || connection === undefined || connection === 'default' ? defaultStore : connection;
  if (!multi) return { storeOf };
  // Entities a source names one by one outrank glob matches: a catch-all glob (a migrations CLI config) is the weaker claim.
  const explicit = new Map<string, Set<string>>();
  const globbed = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, store: string): void => {
    const set = map.get(key) ?? new Set<string>();
    set.add(store);
    map.set(key, set);
  };
  for (const s of sources) {
    for (const { file, arg } of s.entities) {
      const glob = entityGlob(arg);
      if (glob) for (const e of catalog.all) if (glob(e.file)) add(globbed, e.key, storeOf(nameOf(s)));
      const entity = glob ? undefined : catalog.fromArg(file, arg);
      if (entity) add(explicit, entity.key, storeOf(nameOf(s)));
    }
  }
  const stores = new Map([...globbed, ...explicit]);
  for (const e of catalog.all) {
    const set = stores.get(e.key);
    if (set) e.stores = [...set].sort();
  }
  return { storeOf };
}

/** Keys of the entities a source loads, by class or by glob. */
function loaded(source: StoreSource, catalog: EntityCatalog): Set<string> {
  const keys = new Set<string>();
  for (const { file, arg } of source.entities) {
    const glob = entityGlob(arg);
    if (glob) for (const e of catalog.all) if (glob(e.file)) keys.add(e.key);
    const entity = glob ? undefined : catalog.fromArg(file, arg);
    if (entity) keys.add(entity.key);
  }
  return keys;
}

function disjoint(sets: readonly Set<string>[]): boolean {
  const seen = new Set<string>();
  for (const set of sets) {
    for (const key of set) {
      if (seen.has(key)) return false;
      seen.add(key);
    }
  }
  return true;
}
