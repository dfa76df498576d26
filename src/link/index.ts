/**
 * The link stage: resolve every import, see through barrels, weigh edges by
 * the symbols used, add dependency-injection edges, and build the
 * ProjectIndex later stages use for name lookups. Facts only, in memory.
 */
import type { Discovery } from '../discover/index.js';
import type { FileFacts, ImportFact } from '../extract/file-facts.js';
import type { Edge, EdgeKind, Flow, Problem, UnresolvedImport, Unit } from '../model/result.js';
import { posixDirname } from '../util/posix-path.js';
import { compareStrings } from '../util/sort.js';
import { ExportResolver } from './export-resolver.js';
import { linkContext, reusableLinks, type FileLinks, type LinkMemory } from './link-memory.js';
import { deepReexportChains } from './reexport-depth.js';
import { ModuleResolver } from './module-resolver.js';
import type { ClassRef, ProjectIndex, ResolvedName, ResolvedSpecifier } from './project-index.js';
import { messageFlows, resolveEntryTopics } from './message-flows.js';
import { ReadTracker } from './read-tracker.js';
import { routePrefixes, withPrefix } from './route-mounts.js';
import { unitTags } from './unit-tags.js';

export interface Linked {
  units: Unit[];
  edges: Edge[];
  unresolvedImports: UnresolvedImport[];
  externalPackages: string[];
  /** Imports of styles, templates and data files, which bundlers resolve. */
  assetImports: number;
  flows: Flow[];
  index: ProjectIndex;
  /** With a link cache: what to keep for the next run, and how many files' links were reused. */
  memory?: LinkMemory;
  reused: number;
  problems: Problem[];
  /** Where the guard points (not in analysis.json): see `EdgeSites`. */
  edgeSites: EdgeSites;
}

/**
 * For each edge `from → to`, the files `from` names that lead to `to` (the
 * module it imports, which may be a barrel re-exporting `to`; for injection,
 * `to` itself) with the first line doing so, keyed `from\0to`.
 */
export type EdgeSites = Map<string, Map<string, number>>;

export interface LinkCacheInput {
  /** The last run's links, if any. */
  previous?: LinkMemory;
  /** Path → content hash of every analysed file this run. */
  hashes: ReadonlyMap<string, string>;
}

/** Symbol references beyond this many add no more weight: one heavy use should not dwarf many light ones. */
const MAX_REFS_PER_SYMBOL = 4;

/** One file's outgoing edges, merged per target and kind in the order first added. */
class FileEdges {
  private readonly map = new Map<string, [string, EdgeKind, number, Set<string>]>();
  private readonly at = new Map<string, [string, string, number]>();

  constructor(private readonly from: string) {}

  add(to: string, kind: EdgeKind, weight: number, symbols: string[], line: number, via = to): void {
    if (to === this.from) return;
    const site = `${to}\0${via}`;
    const seen = this.at.get(site);
    if (!seen || line < seen[2]) this.at.set(site, [to, via, line]);
    const key = `${to}\0${kind}`;
    let e = this.map.get(key);
    if (!e) this.map.set(key, (e = [to, kind, 0, new Set()]));
    e[2] += weight;
    for (const s of symbols) e[3].add(s);
  }

  sites(): FileLinks['sites'] {
    return [...this.at.values()];
  }

  entries(): FileLinks['edges'] {
    return [...this.map.values()].map(([to, kind, weight, symbols]) => [to, kind, weight, [...symbols]]);
  }
}

function toEdges(links: ReadonlyMap<string, FileLinks>): Edge[] {
  const out: Edge[] = [];
  for (const [from, l] of links) {
    for (const [to, kind, weight, symbols] of l.edges) {
      out.push({
        from,
        to,
        kind,
        weight: Math.round(weight * 100) / 100,
        symbols: symbols.length > 1 ? [...symbols].sort(compareStrings) : symbols,
      });
    }
  }
  return out.sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to) || compareStrings(a.kind, b.kind));
}

function importKind(imp: ImportFact, typeOnly: boolean): EdgeKind {
  if (imp.kind === 'import' && typeOnly) return 'type-only';
  return imp.kind;
}

/** A type annotation's class name: `Repository<User>` → `Repository`, `Foo[]` → `Foo`. */
export function typeName(type: string | undefined): string | undefined {
  const m = type ? /^([A-Za-z_$][\w$.]*)/.exec(type.trim()) : null;
  return m?.[1];
}

export function link(facts: readonly FileFacts[], found: Discovery, cache?: LinkCacheInput): Linked {
  const byPath = new Map(facts.map((f) => [f.path, f]));
  const context = cache ? linkContext(found.tsconfigs, found.workspaces, found.packages) : '';
  const reusable = cache ? reusableLinks(cache.previous, cache.hashes, context) : new Map();
  const reads = cache ? new ReadTracker() : undefined;
  const resolver = new ModuleResolver(new Set(byPath.keys()), found.tsconfigs, found.workspaces, reads !== undefined, found.packages);
  if (reads) resolver.onResolve = (key) => reads.query(key);
  const resolveSpecifier = (from: string, spec: string): ResolvedSpecifier => resolver.resolve(from, spec);
  const exportsOf = new ExportResolver(byPath, resolveSpecifier, reads);

  const index = buildIndex(byPath, resolveSpecifier, exportsOf, reads);
  const links = new Map<string, FileLinks>();
  const memory: LinkMemory | undefined = cache ? { context, files: new Map(), queries: new Map() } : undefined;
  let reused = 0;

  for (const f of facts) {
    const kept = reusable.get(f.path);
    if (kept) {
      links.set(f.path, kept.links);
      memory?.files.set(f.path, kept);
      reused++;
      continue;
    }
    reads?.open();
    reads?.file(f.path);
    const fileLinks = linkFile(f, resolver, exportsOf, index);
    links.set(f.path, fileLinks);
    const r = reads?.close();
    if (memory && r)
      memory.files.set(f.path, { hash: cache!.hashes.get(f.path) ?? '', reads: [...r.files], queries: [...r.queries], links: fileLinks });
  }
  reads?.stop();
  if (memory) {
    for (const entry of memory.files.values()) {
      for (const q of entry.queries) {
        const probes = resolver.probes.get(q) ?? cache!.previous?.queries.get(q);
        if (probes) memory.queries.set(q, probes);
      }
    }
  }

  const unresolved: UnresolvedImport[] = [];
  const externals = new Set<string>();
  let assetImports = 0;
  const edgeSites: EdgeSites = new Map();
  for (const [from, l] of links) {
    for (const [to, via, line] of l.sites) {
      const pair = `${from}\0${to}`;
      let m = edgeSites.get(pair);
      if (!m) edgeSites.set(pair, (m = new Map()));
      m.set(via, Math.min(line, m.get(via) ?? line));
    }
    for (const [specifier, line, hint] of l.unresolved) unresolved.push({ from, specifier, line, ...(hint ? { hint } : {}) });
    for (const e of l.externals) externals.add(e);
    assetImports += l.assets;
  }

  const workspaceOf = (path: string): string | undefined => found.workspaces.find((w) => path.startsWith(`${w.dir}/`))?.name;
  const prefixes = routePrefixes(facts, index);
  const units: Unit[] = facts.map((f) => {
    const entryPoints = resolveEntryTopics(index, f.path, withPrefix(f.entryPoints, prefixes.get(f.path)));
    const unit: Unit = { id: f.path, folder: posixDirname(f.path), lines: f.lines, tags: unitTags(f), entryPoints };
    const ws = workspaceOf(f.path);
    if (ws) unit.workspace = ws;
    if (f.parseErrors) unit.parseErrors = f.parseErrors;
    return unit;
  });

  const flows = messageFlows(facts, index, new Map(units.map((u) => [u.id, u.entryPoints])));
  return {
    units,
    flows,
    edges: toEdges(links),
    unresolvedImports: unresolved.sort((a, b) => compareStrings(a.from, b.from) || a.line - b.line),
    externalPackages: [...externals].sort(compareStrings),
    assetImports,
    index,
    memory,
    reused,
    problems: deepReexportChains(facts, resolveSpecifier),
    edgeSites,
  };
}

/** One file's imports and injections, resolved. */
function linkFile(f: FileFacts, resolver: ModuleResolver, exportsOf: ExportResolver, index: ProjectIndex): FileLinks {
  const edges = new FileEdges(f.path);
  const out: FileLinks = { edges: [], unresolved: [], externals: [], assets: 0, sites: [] };
  for (const imp of f.imports) {
    const target = resolver.resolve(f.path, imp.specifier);
    if (target.kind === 'external') {
      if (!out.externals.includes(target.package)) out.externals.push(target.package);
      continue;
    }
    if (target.kind === 'asset') {
      out.assets++;
      continue;
    }
    if (target.kind === 'unresolved') {
      out.unresolved.push(target.hint ? [imp.specifier, imp.line, target.hint] : [imp.specifier, imp.line]);
      continue;
    }
    addImportEdges(imp, target.file, edges, exportsOf);
  }
  addInjectionEdges(f, index, edges);
  out.edges = edges.entries();
  out.sites = edges.sites();
  return out;
}

function addImportEdges(imp: ImportFact, target: string, edges: FileEdges, exportsOf: ExportResolver): void {
  if (imp.names.length === 0) {
    edges.add(target, imp.kind, 1, [], imp.line); // side-effect import
    return;
  }
  for (const n of imp.names) {
    const weight = imp.kind === 're-export' ? 1 : 1 + Math.min(n.refs ?? 0, MAX_REFS_PER_SYMBOL);
    const kind = importKind(imp, n.typeOnly);
    if (n.imported === '*' && n.members) {
      // `ns.a`, `ns.b`: each member links to the file that declares it.
      const perMember = weight / n.members.length;
      for (const member of n.members) {
        const declared = exportsOf.find(target, member);
        edges.add(
          declared?.file ?? target,
          kind,
          perMember,
          [declared && declared.name !== '*' ? declared.name : member],
          imp.line,
          target,
        );
      }
      continue;
    }
    if (n.imported === '*') {
      // A namespace used as a value of its own: of a pure barrel, it spreads over what the barrel re-exports.
      const targets = exportsOf.isBarrel(target) ? exportsOf.barrelTargets(target) : [target];
      for (const t of targets) edges.add(t, kind, weight / targets.length, n.local === '*' ? [] : [`${n.local}.*`], imp.line, target);
      continue;
    }
    const declared = exportsOf.find(target, n.imported);
    const to = declared && declared.file ? declared.file : target;
    const symbol = declared && declared.name !== '*' ? declared.name : n.imported;
    edges.add(to, kind, weight, [symbol], imp.line, target);
  }
}

/** Constructor injection (`constructor(private orders: OrderService)`, `@Inject(TOKEN)`) as `di` edges. */
function addInjectionEdges(f: FileFacts, index: ProjectIndex, edges: FileEdges): void {
  for (const cls of f.classes) {
    for (const m of cls.members) {
      if (m.kind !== 'ctor-param') continue;
      const inject = m.decorators.find((d) => d.name === 'Inject' || d.name === 'InjectRepository' || d.name === 'InjectModel');
      const tokenArg = inject?.args[0];
      const name = tokenArg && (tokenArg.k === 'id' || tokenArg.k === 'member') ? tokenArg.v.replace(/\.name$/, '') : typeName(m.type);
      if (!name) continue;
      const target = index.resolveClass(f.path, name) ?? index.resolveName(f.path, name);
      const file = target && 'cls' in target ? target.file : target?.kind === 'internal' ? target.file : undefined;
      if (file) edges.add(file, 'di', 1, [name], m.line);
    }
  }
}

function buildIndex(
  files: Map<string, FileFacts>,
  resolveSpecifier: (from: string, spec: string) => ResolvedSpecifier,
  exportsOf: ExportResolver,
  reads?: ReadTracker,
): ProjectIndex {
  const sorted = new Map([...files.entries()].sort(([a], [b]) => compareStrings(a, b)));
  const classes = new Map<string, ClassRef[]>();
  for (const f of sorted.values()) {
    for (const cls of f.classes) {
      const list = classes.get(cls.name) ?? [];
      list.push({ file: f.path, cls });
      classes.set(cls.name, list);
    }
  }

  const resolveName = (file: string, local: string): ResolvedName | undefined => {
    reads?.file(file);
    const facts = files.get(file);
    if (!facts) return undefined;
    const dot = local.indexOf('.');
    if (dot > 0) {
      // `ns.Name` through a namespace import.
      const ns = resolveName(file, local.slice(0, dot));
      const rest = local.slice(dot + 1);
      if (ns?.kind === 'internal' && ns.name === '*') {
        const d = exportsOf.find(ns.file, rest);
        return d ? { kind: 'internal', file: d.file, name: d.name } : undefined;
      }
      if (ns?.kind === 'external') return { kind: 'external', package: ns.package, name: `${ns.name === '*' ? '' : `${ns.name}.`}${rest}` };
      // `Tables.Users` of an imported enum or object: the member's dotted name in the declaring file.
      if (ns?.kind === 'internal') return { kind: 'internal', file: ns.file, name: `${ns.name}.${rest}` };
      return undefined;
    }
    if (exportsOf.declaredIn(file).has(local)) return { kind: 'internal', file, name: local };
    for (const imp of facts.imports) {
      if (imp.kind === 're-export') continue;
      const n = imp.names.find((x) => x.local === local);
      if (!n) continue;
      const target = resolveSpecifier(file, imp.specifier);
      if (target.kind === 'external') return { kind: 'external', package: target.package, name: n.imported };
      if (target.kind !== 'internal') return undefined;
      if (n.imported === '*') return { kind: 'internal', file: target.file, name: '*' };
      const d = exportsOf.find(target.file, n.imported);
      return d ? { kind: 'internal', file: d.file, name: d.name } : { kind: 'internal', file: target.file, name: n.imported };
    }
    return undefined;
  };

  const resolveClass = (file: string, name: string): ClassRef | undefined => {
    const r = resolveName(file, name);
    if (r?.kind !== 'internal') return undefined;
    reads?.file(r.file);
    const f = files.get(r.file);
    if (!f) return undefined;
    let clsName = r.name;
    if (clsName === 'default') clsName = f.exports.find((e) => e.name === 'default')?.local ?? 'default';
    const cls = f.classes.find((c) => c.name === clsName);
    return cls ? { file: r.file, cls } : undefined;
  };

  return {
    files: sorted,
    resolveSpecifier,
    resolveName,
    resolveClass,
    classesByName: (name) => classes.get(name) ?? [],
  };
}
