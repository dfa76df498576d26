/**
 * How much of the code that uses a database carve could read. A client file
 * imports an adapter's package, or receives its client through a project type
 * (`type Db = Knex`, `class UserRepository extends Repository<User>`,
 * `export const db = knex(…)`) imported from another file. It is read when
 * carve found an access there (direct or propagated) or recorded an
 * unresolved site; otherwise it is a blind spot (`no-access-read`).
 *
 * Files whose use of the client is set-up, not access, are not counted:
 * schema files (they declare a table), migrations, files exporting a client
 * type or instance, and files that only call the package itself
 * (`new PrismaClient()`, `knex({...})`, `TypeOrmModule.forFeature([...])`).
 */
import type { FileFacts } from '../extract/file-facts.js';
import type { ProjectIndex } from '../link/project-index.js';
import type { Access, AccessCoverage, BlindFile, CoverageFigure, Table, UnresolvedAccess } from '../model/result.js';
import { compareStrings } from '../util/sort.js';
import { packageOf } from './enable-adapters.js';

export interface CoverageAdapter {
  name: string;
  /** Package names that are this adapter's client (enablers, aliases, forks). */
  packages: ReadonlySet<string>;
}

export interface CoverageInput {
  files: readonly FileFacts[];
  index: ProjectIndex;
  adapters: readonly CoverageAdapter[];
  tables: readonly Table[];
  accesses: readonly Access[];
  unresolved: readonly UnresolvedAccess[];
  migrations: ReadonlySet<string>;
  defaultStore: string;
}

/** Below this share of client files read, the data figures are incomplete. */
export const LOW_COVERAGE = 0.5;
/** A store is judged on its own from this many client files up. */
const STORE_MIN_FILES = 10;

const IDENT = /[A-Za-z_$][\w$]*/g;
const identsOf = (text: string | undefined): string[] => (text ? (text.match(IDENT) ?? []) : []);
/** `new PrismaClient` → `PrismaClient`, `TypeOrmModule.forFeature` → `TypeOrmModule`. */
const calleeRoot = (callee: string): string => identsOf(callee.replace(/^new\s+/, ''))[0] ?? '';

interface ClientUse {
  adapter: string;
  detail: string;
  /** Local names bound to the client in this file (imports of the package or of a carrier). */
  locals: Set<string>;
}

export function measureCoverage(input: CoverageInput): AccessCoverage {
  const { files, index } = input;
  const adapterOfPackage = new Map<string, string>();
  for (const a of input.adapters) for (const p of a.packages) if (!adapterOfPackage.has(p)) adapterOfPackage.set(p, a.name);

  const uses = new Map<string, ClientUse>();
  // direct importers of a client package
  for (const f of files) {
    for (const imp of f.imports) {
      if (imp.kind === 're-export') continue;
      const pkg = packageOf(imp.specifier);
      const adapter = pkg && adapterOfPackage.get(pkg);
      if (!adapter) continue;
      const use = uses.get(f.path) ?? { adapter, detail: `imports ${pkg}`, locals: new Set<string>() };
      for (const n of imp.names) if (n.local !== '*') use.locals.add(n.local);
      uses.set(f.path, use);
    }
  }
  // carriers: project symbols that stand for the client, followed across files until nothing new
  const carriers = new Map<string, { adapter: string; file: string; name: string }>();
  for (let round = 0; round < 4; round++) {
    let grew = false;
    for (const [file, use] of [...uses]) {
      for (const name of carrierNames(index.files.get(file), use.locals)) {
        const key = `${file}#${name}`;
        if (!carriers.has(key)) {
          carriers.set(key, { adapter: use.adapter, file, name });
          grew = true;
        }
      }
    }
    for (const f of files) {
      for (const imp of f.imports) {
        if (imp.kind === 're-export') continue;
        for (const n of imp.names) {
          if (n.local === '*') continue;
          const resolved = index.resolveName(f.path, n.local);
          if (resolved?.kind !== 'internal') continue;
          const carrier = carriers.get(`${resolved.file}#${resolved.name}`);
          if (!carrier) continue;
          const use = uses.get(f.path);
          if (use?.locals.has(n.local)) continue;
          if (use) use.locals.add(n.local);
          else uses.set(f.path, { adapter: carrier.adapter, detail: `uses ${carrier.name} (${carrier.file})`, locals: new Set([n.local]) });
          grew = true;
        }
      }
    }
    if (!grew) break;
  }

  const declaring = new Set(input.tables.map((t) => (t.declaredIn ?? '').replace(/:\d+$/, '')));
  const storeOfTable = new Map(input.tables.map((t) => [t.id, t.store]));
  const storesRead = new Map<string, Set<string>>();
  for (const a of input.accesses) {
    const set = storesRead.get(a.unit) ?? new Set<string>();
    set.add(storeOfTable.get(a.table) ?? a.table.slice(0, a.table.indexOf(':')));
    storesRead.set(a.unit, set);
  }
  const unresolvedIn = new Set(input.unresolved.map((u) => u.unit));
  const mainStore = mainStores(input.tables, input.defaultStore);
  const readThroughSubclass = basesOfRead(files, index, (f) => storesRead.has(f) || unresolvedIn.has(f));

  const byAdapter = new Map<string, Tally>();
  const byStore = new Map<string, Tally>();
  const blind: BlindFile[] = [];
  let all: Tally = { files: 0, read: 0 };
  for (const [file, use] of [...uses].sort((a, b) => compareStrings(a[0], b[0]))) {
    const read = storesRead.has(file) || unresolvedIn.has(file) || readThroughSubclass.has(file);
    const facts = index.files.get(file);
    if (!read && (input.migrations.has(file) || declaring.has(file) || !facts || isSetUp(facts, use.locals))) continue;
    const stores = storesRead.get(file) ?? new Set([mainStore.get(use.adapter) ?? input.defaultStore]);
    all = tally(all, read);
    byAdapter.set(use.adapter, tally(byAdapter.get(use.adapter), read));
    for (const store of stores) byStore.set(store, tally(byStore.get(store), read));
    if (!read) {
      blind.push({ unit: file, orm: use.adapter, store: [...stores][0], reason: 'no-access-read', detail: use.detail });
    }
  }
  const storeFigures = [...byStore].map(([store, t]) => ({ store, ...figure(t) })).sort((a, b) => compareStrings(a.store, b.store));
  const overall = figure(all);
  return {
    ...overall,
    low: overall.share < LOW_COVERAGE || storeFigures.some((s) => s.files >= STORE_MIN_FILES && s.share < LOW_COVERAGE),
    byAdapter: [...byAdapter].map(([name, t]) => ({ name, ...figure(t) })).sort((a, b) => compareStrings(a.name, b.name)),
    byStore: storeFigures,
    blind,
  };
}

interface Tally {
  files: number;
  read: number;
}
const tally = (t: Tally | undefined, read: boolean): Tally => ({ files: (t?.files ?? 0) + 1, read: (t?.read ?? 0) + (read ? 1 : 0) });
const figure = (t: Tally): CoverageFigure => ({
  files: t.files,
  read: t.read,
  share: t.files === 0 ? 1 : Math.round((t.read / t.files) * 1000) / 1000,
});

/** Names a file exports that stand for the client: aliases, interfaces, subclasses and instances built from it. */
function carrierNames(facts: FileFacts | undefined, locals: ReadonlySet<string>): string[] {
  if (!facts || locals.size === 0) return [];
  // the type itself is the client (`Knex`, `Knex.Transaction`, `Repository<User>`), not a type that merely mentions it
  const mentions = (text: string | undefined): boolean => locals.has(identsOf(text)[0] ?? '');
  const names: string[] = [];
  const exported = new Set(facts.exports.map((e) => e.local ?? e.name));
  for (const t of facts.types) {
    if (!t.exported) continue;
    if (mentions(t.aliasOf) || t.members?.some((m) => mentions(m.type)) || t.extends?.some(mentions)) names.push(t.name);
  }
  for (const c of facts.classes) if (c.exported && mentions(c.extends)) names.push(c.name);
  for (const v of facts.variables) {
    if (!(v.exported || exported.has(v.name)) || v.scope !== '<module>') continue;
    if (mentions(v.type) || (v.init?.k === 'call' && locals.has(calleeRoot(v.init.callee)))) names.push(v.name);
  }
  for (const e of facts.exports) if (e.local && names.includes(e.local) && !names.includes(e.name)) names.push(e.name);
  return names;
}

/** Calls on the package or client that connect, configure or close rather than read or write. */
const SET_UP_MEMBERS =
  /^(connect|createConnection|createPool|createClient|initialize|forRoot|forRootAsync|forFeature|register|registerAsync|model|plugin|set|destroy|end|close|on|\$connect|\$disconnect|\$on|\$use|\$extends)$/;

/**
 * The file only sets the client up: it builds or exports it, configures it,
 * wires it (a NestJS module, a composition root handing it to constructors),
 * or declares schema through the package's decorators.
 */
function isSetUp(facts: FileFacts, locals: ReadonlySet<string>): boolean {
  if (carrierNames(facts, locals).length > 0) return true;
  if (facts.classes.some((c) => c.decorators.some((d) => d.name === 'Module'))) return true;
  if (facts.classes.some((c) => c.members.some((m) => m.decorators.some((d) => locals.has(d.name))))) return true;
  let uses = false;
  for (const c of facts.calls) {
    if (!locals.has(calleeRoot(c.callee))) continue;
    if (c.callee.startsWith('new ') || c.symbol === '<module>') return true;
    const parts = c.callee.split('.');
    if (parts.length === 2 && SET_UP_MEMBERS.test(parts[1])) continue;
    if (parts.length === 1 && c.args.length === 1 && c.args[0].k === 'obj') return true;
    uses = true;
  }
  return !uses && !receivesClient(facts, locals);
}

/** A parameter, member or variable typed by the client: the file holds one (constructor injection, `db: Db`). */
function receivesClient(facts: FileFacts, locals: ReadonlySet<string>): boolean {
  const mentions = (text: string | undefined): boolean => identsOf(text).some((id) => locals.has(id));
  for (const c of facts.classes) {
    for (const m of c.members) {
      if (mentions(m.type) || m.params?.some((p) => mentions(p.type))) return true;
      if (m.decorators.some((d) => /^Inject/.test(d.name))) return true;
    }
  }
  return facts.functions.some((f) => f.params.some((p) => mentions(p.type))) || facts.variables.some((v) => mentions(v.type));
}

/** Files declaring a base class that a read file extends: a generic base repository's accesses count for its subclasses. */
function basesOfRead(files: readonly FileFacts[], index: ProjectIndex, isRead: (file: string) => boolean): Set<string> {
  const bases = new Set<string>();
  for (const f of files) {
    if (!isRead(f.path)) continue;
    for (const c of f.classes) {
      const root = identsOf(c.extends)[0];
      const base = root ? index.resolveClass(f.path, root) : undefined;
      if (base && base.file !== f.path) bases.add(base.file);
    }
  }
  return bases;
}

/** The store most of an adapter's tables live in. */
function mainStores(tables: readonly Table[], fallback: string): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const t of tables) {
    const m = counts.get(t.orm) ?? new Map<string, number>();
    m.set(t.store, (m.get(t.store) ?? 0) + 1);
    counts.set(t.orm, m);
  }
  const out = new Map<string, string>();
  for (const [orm, m] of counts) {
    const best = [...m].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))[0];
    out.set(orm, best?.[0] ?? fallback);
  }
  return out;
}
