/**
 * The as-is topology: which folders the repository deploys on its own, from
 * the repository's own evidence (`deployable-hints.ts`) and the code's
 * bootstrap calls (`src/extract/bootstrap.ts`), and what those deployables
 * share: libraries, tables, topics. A file belongs to the deepest deployable
 * folder holding it; code under no deployable is a library (its package
 * folder, else `libs/<name>`, `packages/<name>`). A front-end package is a
 * client, never a back-end service. The repository root counts as a
 * deployable only when nothing below it does.
 */
import type { Bootstrap } from '../model/bootstrap.js';
import type { AnalysisResult, Deployable, DeployableKind, Library } from '../model/result.js';
import { compareStrings } from '../util/sort.js';
import type { DeployableHint } from './deployable-hints.js';

type Base = Pick<AnalysisResult, 'units' | 'edges' | 'accesses' | 'tables'>;

const dirOf = (rel: string): string => (rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '.');
const isUnder = (id: string, folder: string): boolean => folder === '.' || id.startsWith(`${folder}/`);
const LIBRARY_PARENTS = new Set(['libs', 'packages', 'lib', 'shared']);

/** The folder a bootstrap file starts: its package or project folder, else the folder above its `src/`, else its own folder. */
function startedFolder(file: string, projectRoots: readonly string[]): string {
  const pkg = projectRoots.filter((r) => r !== '.' && isUnder(file, r)).sort((a, b) => b.length - a.length)[0];
  if (pkg) return pkg;
  const parts = file.split('/');
  const src = parts.lastIndexOf('src');
  if (src > 0) return parts.slice(0, src).join('/');
  return src === 0 ? '.' : dirOf(file);
}

/** The deepest of `roots` holding `id`. */
export function rootOf(id: string, roots: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const r of roots) if (isUnder(id, r) && (best === undefined || r.length > best.length)) best = r;
  return best;
}

const shortName = (hint: DeployableHint | undefined, root: string): string =>
  hint?.name ? hint.name.replace(/^@[^/]+\//, '') : root === '.' ? 'app' : root.slice(root.lastIndexOf('/') + 1);

function uniqueNames<T extends { name: string; root: string }>(items: T[]): T[] {
  const count = new Map<string, number>();
  for (const i of items) count.set(i.name, (count.get(i.name) ?? 0) + 1);
  return items.map((i) => (count.get(i.name)! > 1 ? { ...i, name: i.root } : i));
}

export function findDeployables(
  hints: readonly DeployableHint[],
  bootstraps: readonly Bootstrap[],
  base: Base,
): { deployables: Deployable[]; libraries: Library[] } {
  const hintAt = new Map(hints.map((h) => [h.root, h]));
  const packageRoots = hints.filter((h) => h.packageRoot).map((h) => h.root);
  // A Dockerfile below a package (`prisma/Dockerfile`) builds that package; a start call below one starts it.
  const projectRoots = hints.filter((h) => h.packageRoot || h.evidence.some((e) => !e.startsWith('Dockerfile'))).map((h) => h.root);
  const candidates = new Map<string, { evidence: Set<string>; kinds: Set<Bootstrap['kind']> }>();
  const candidate = (root: string): { evidence: Set<string>; kinds: Set<Bootstrap['kind']> } => {
    let c = candidates.get(root);
    if (!c) candidates.set(root, (c = { evidence: new Set(), kinds: new Set() }));
    return c;
  };
  for (const h of hints) {
    const root = h.packageRoot
      ? h.root
      : (projectRoots.filter((r) => r !== '.' && isUnder(h.root, r)).sort((a, b) => b.length - a.length)[0] ?? h.root);
    for (const e of h.evidence) candidate(root).evidence.add(e);
  }
  for (const b of bootstraps) {
    const c = candidate(startedFolder(b.file, projectRoots));
    c.evidence.add(`${b.call} in ${b.file}:${b.line}`);
    c.kinds.add(b.kind);
  }
  const unitIds = base.units.map((u) => u.id);
  // Only folders holding analysed code; the root only when nothing below it is a deployable.
  // End-to-end test projects (`ng-client-e2e`) drive a deployable; they are not one.
  let roots = [...candidates.keys()].filter((r) => !/(^|[-_/])e2e$/.test(r) && unitIds.some((id) => isUnder(id, r)));
  if (roots.some((r) => r !== '.')) roots = roots.filter((r) => r !== '.');
  roots.sort(compareStrings);

  const kindOf = (root: string): DeployableKind => {
    const c = candidates.get(root)!;
    const hint = hintAt.get(root);
    // A front-end package stays a client even with a custom server (`next` + `createServer`); NestFactory makes it a back end.
    if (hint?.frontend && ![...c.evidence].some((e) => e.startsWith('NestFactory'))) return 'client';
    if (c.kinds.has('http')) return 'service';
    if (c.kinds.has('worker')) return 'worker';
    if ([...c.evidence].every((e) => e === 'package.json bin')) return 'cli';
    return 'service';
  };

  const deployableOf = new Map<string, string>();
  const libraryOf = new Map<string, string>();
  const libraryRoots = packageRoots.filter((r) => r !== '.' && !roots.includes(r));
  for (const id of unitIds) {
    const d = rootOf(id, roots);
    if (d !== undefined) {
      deployableOf.set(id, d);
      continue;
    }
    const pkg = rootOf(id, libraryRoots);
    const parts = id.split('/');
    const lib = pkg ?? (parts.length > 2 && LIBRARY_PARENTS.has(parts[0]) ? parts.slice(0, 2).join('/') : undefined);
    if (lib !== undefined) libraryOf.set(id, lib);
  }

  const tableStore = new Map(base.tables.map((t) => [t.id, t.store]));
  const perRoot = new Map<string, { units: number; tables: Set<string>; libraries: Set<string>; topics: Set<string> }>();
  const stats = (root: string): { units: number; tables: Set<string>; libraries: Set<string>; topics: Set<string> } => {
    let s = perRoot.get(root);
    if (!s) perRoot.set(root, (s = { units: 0, tables: new Set(), libraries: new Set(), topics: new Set() }));
    return s;
  };
  for (const u of base.units) {
    const d = deployableOf.get(u.id);
    if (d === undefined) continue;
    const s = stats(d);
    s.units++;
    for (const e of u.entryPoints) if (e.topic && e.kind !== 'cron' && e.kind !== 'http') s.topics.add(e.topic);
  }
  for (const a of base.accesses) {
    const d = deployableOf.get(a.unit);
    if (d !== undefined && !a.propagated) stats(d).tables.add(a.table);
  }
  const usedBy = new Map<string, Set<string>>();
  for (const e of base.edges) {
    const d = deployableOf.get(e.from);
    const lib = libraryOf.get(e.to);
    if (d === undefined || lib === undefined) continue;
    stats(d).libraries.add(lib);
    let set = usedBy.get(lib);
    if (!set) usedBy.set(lib, (set = new Set()));
    set.add(d);
  }
  // A library used through another library still serves the deployables using that one.
  for (let changed = true; changed;) {
    changed = false;
    for (const e of base.edges) {
      const from = libraryOf.get(e.from);
      const to = libraryOf.get(e.to);
      if (from === undefined || to === undefined || from === to) continue;
      let set = usedBy.get(to);
      if (!set) usedBy.set(to, (set = new Set()));
      for (const d of usedBy.get(from) ?? []) {
        if (!set.has(d)) {
          set.add(d);
          changed = true;
        }
      }
    }
  }

  const named = uniqueNames(roots.map((root) => ({ name: shortName(hintAt.get(root), root), root })));
  const nameOf = new Map(named.map((n) => [n.root, n.name]));
  const libNames = uniqueNames(
    [...new Set(libraryOf.values())].sort(compareStrings).map((root) => ({ name: shortName(hintAt.get(root), root), root })),
  );
  const libNameOf = new Map(libNames.map((n) => [n.root, n.name]));
  const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort(compareStrings);

  const deployables: Deployable[] = roots.map((root) => {
    const s = stats(root);
    return {
      name: nameOf.get(root)!,
      root,
      kind: kindOf(root),
      evidence: sorted(candidates.get(root)!.evidence),
      units: s.units,
      stores: sorted([...s.tables].map((t) => tableStore.get(t) ?? t.slice(0, t.indexOf(':')))),
      tables: sorted(s.tables),
      libraries: sorted([...s.libraries].map((l) => libNameOf.get(l)!)),
      topics: sorted(s.topics),
    };
  });
  const libTables = new Map<string, Set<string>>();
  for (const a of base.accesses) {
    const lib = libraryOf.get(a.unit);
    if (lib === undefined || a.propagated) continue;
    let set = libTables.get(lib);
    if (!set) libTables.set(lib, (set = new Set()));
    set.add(a.table);
  }
  const libUnits = new Map<string, number>();
  for (const lib of libraryOf.values()) libUnits.set(lib, (libUnits.get(lib) ?? 0) + 1);
  const libraries: Library[] = libNames.map(({ name, root }) => ({
    name,
    root,
    units: libUnits.get(root) ?? 0,
    usedBy: sorted([...(usedBy.get(root) ?? [])].map((d) => nameOf.get(d)!)),
    tables: sorted(libTables.get(root) ?? []),
  }));
  return { deployables, libraries };
}

/** Back-end deployables (services and workers): two or more means the repository is already split. */
export const backEnd = (deployables: readonly Deployable[] | undefined): Deployable[] =>
  (deployables ?? []).filter((d) => d.kind === 'service' || d.kind === 'worker');
