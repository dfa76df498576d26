/**
 * Shared kernel / platform detection. Files everything uses (logger, config,
 * utils, base classes, shared types, the ORM client module) and composition
 * roots that wire everything would glue every cluster together; they are set
 * aside with a reason each. A file with data access of its own is domain
 * code and never set aside automatically; pins win over every rule.
 */
import type { GraphInput } from '../graph/build-graph.js';
import { SOURCE_ROOTS } from '../graph/edge-signals/folder.js';
import { compareStrings } from '../util/sort.js';
import { globMatcher } from '../util/glob.js';

/** Name tokens of infrastructure roles. */
const GENERIC = new Set([
  'abstract',
  'base',
  'common',
  'config',
  'configuration',
  'constant',
  'constants',
  'env',
  'environment',
  'error',
  'errors',
  'exception',
  'exceptions',
  'helper',
  'helpers',
  'log',
  'logger',
  'logging',
  'settings',
  'shared',
  'type',
  'types',
  'util',
  'utils',
  'utility',
  'utilities',
]);
/** Layer/role suffixes that say nothing about the domain. */
const ROLE = new Set([
  'client',
  'controller',
  'decorator',
  'decorators',
  'dto',
  'entity',
  'filter',
  'guard',
  'interceptor',
  'interface',
  'interfaces',
  'middleware',
  'model',
  'module',
  'pipe',
  'provider',
  'repository',
  'schema',
  'service',
  'index',
]);
/** Folders that hold platform code by convention. */
const GENERIC_FOLDERS = new Set([
  'common',
  'config',
  'core',
  'helpers',
  'infra',
  'infrastructure',
  'kernel',
  'lib',
  'libs',
  'logger',
  'logging',
  'platform',
  'shared',
  'types',
  'util',
  'utils',
]);
/** Folders of development tooling (seeds, migrations, one-off scripts) rather than service code. */
const TOOLING_FOLDERS = new Set(['migrations', 'prisma', 'scripts', 'seeders', 'seeds', 'tooling', 'tools']);
const TOOLING_STEM = /^(seed|seeds|seeder|migrate)([.-]|$)/;
const ORM_CLIENT =
  /^(prisma|db|database|data-?source|knex|knexfile|drizzle|pool|pg|connection|orm|mongo|mongoose|sequelize|typeorm|kysely)([.-](service|module|client|provider|config))?$/;
/** Entry files that wire the app; an `index` counts only when nothing imports it (a barrel is seen through). */
const COMPOSITION_ROOT = /^(main|app|app\.module|server|bootstrap)$/;

export type SharedReasons = Map<string, string[]>;

interface Degree {
  importers: Set<string>;
  imports: Set<string>;
}

const stemOf = (id: string): string => {
  const base = id.slice(id.lastIndexOf('/') + 1).toLowerCase();
  return base.replace(/\.(d\.)?[cm]?[jt]sx?$/, '');
};

function degrees(input: GraphInput): Map<string, Degree> {
  const out = new Map<string, Degree>();
  const get = (id: string): Degree => {
    let d = out.get(id);
    if (!d) out.set(id, (d = { importers: new Set(), imports: new Set() }));
    return d;
  };
  for (const e of input.edges) {
    if (e.from === e.to || e.kind === 're-export') continue;
    get(e.to).importers.add(e.from);
    get(e.from).imports.add(e.to);
  }
  return out;
}

function touchesData(input: GraphInput, propagatedToo: boolean): Set<string> {
  const out = new Set<string>();
  for (const a of input.accesses) if (propagatedToo || !a.propagated) out.add(a.unit);
  return out;
}

const add = (reasons: SharedReasons, unit: string, reason: string): void => {
  const list = reasons.get(unit);
  if (list) list.push(reason);
  else reasons.set(unit, [reason]);
};

/** Rules that need no clustering: config patterns, generic names and folders, the ORM client, composition roots by name. */
export function namedSharedKernel(input: GraphInput, patterns: readonly string[], isPinned: (unit: string) => boolean): SharedReasons {
  const reasons: SharedReasons = new Map();
  const deg = degrees(input);
  const direct = touchesData(input, false);
  const matchers = patterns.map((p) => ({ p, m: globMatcher(p) }));
  const tooling = toolingScripts(input, deg);
  for (const unit of [...input.units].sort((a, b) => compareStrings(a.id, b.id))) {
    if (isPinned(unit.id)) continue;
    for (const { p, m } of matchers) if (m(unit.id)) add(reasons, unit.id, `matches shared pattern "${p}"`);
    // Tooling writes data too (a seed fills every table), yet belongs to no service.
    if (!reasons.has(unit.id) && tooling.has(unit.id))
      add(reasons, unit.id, 'development tooling (seed, migration or script), part of no service');
    if (reasons.has(unit.id) || direct.has(unit.id)) continue;
    const d = deg.get(unit.id);
    const fanIn = d?.importers.size ?? 0;
    const fanOut = d?.imports.size ?? 0;
    const stem = stemOf(unit.id);
    const tokens = stem.split(/[.\-_]/).filter(Boolean);
    const files = (n: number): string => `${n} file${n === 1 ? '' : 's'}`;
    // A composition root may serve a health check; every other rule skips entry points (they are domain code).
    if ((COMPOSITION_ROOT.test(stem) || (stem === 'index' && fanIn === 0)) && fanOut >= 2 && fanIn <= 1) {
      add(reasons, unit.id, `composition root (wires ${files(fanOut)})`);
    } else if (unit.entryPoints.length > 0) {
      continue;
    } else if (ORM_CLIENT.test(stem) && fanIn > 0) {
      add(reasons, unit.id, `ORM client module (imported by ${files(fanIn)})`);
    } else if (fanIn >= 2 && tokens.every((t) => GENERIC.has(t) || ROLE.has(t)) && tokens.some((t) => GENERIC.has(t))) {
      add(reasons, unit.id, `generic role "${stem}" (imported by ${files(fanIn)})`);
    } else if (fanIn >= 1 && inPlatformFolder(unit.folder, d!.importers)) {
      add(reasons, unit.id, `in platform folder "${unit.folder}" (imported by ${files(fanIn)})`);
    }
  }
  return reasons;
}

/**
 * A platform folder (`common/`, `infrastructure/`, …) serves the whole app
 * when it sits at the top or right below a source root; nested inside a
 * domain folder (`users/infrastructure/`, hexagonal style) it serves that
 * domain, unless files of two or more other domains use it.
 */
function inPlatformFolder(folder: string, importers: ReadonlySet<string>): boolean {
  const parts = folder.split('/');
  // `lib/` with subfolders is a source root (`src/lib/orders/…`); files right in it are platform.
  const i = parts.findIndex((f, j) => GENERIC_FOLDERS.has(f) && !(SOURCE_ROOTS.has(f) && j < parts.length - 1));
  if (i < 0) return false;
  if (i === 0 || SOURCE_ROOTS.has(parts[i - 1])) return true;
  const domain = parts.slice(0, i).join('/');
  const others = new Set<string>();
  for (const importer of importers) {
    if (importer.startsWith(`${domain}/`)) continue;
    others.add(importer.split('/').slice(0, i).join('/'));
  }
  return others.size >= 2;
}

/** Seeds, migrations and scripts: in a tooling folder or named so, without entry points, imported by nothing but other tooling. */
function toolingScripts(input: GraphInput, deg: Map<string, Degree>): Set<string> {
  const candidates = new Set(
    input.units
      .filter(
        (u) => u.entryPoints.length === 0 && (u.folder.split('/').some((f) => TOOLING_FOLDERS.has(f)) || TOOLING_STEM.test(stemOf(u.id))),
      )
      .map((u) => u.id),
  );
  for (let changed = true; changed;) {
    changed = false;
    for (const id of [...candidates].sort(compareStrings)) {
      if ([...(deg.get(id)?.importers ?? [])].some((i) => !candidates.has(i))) {
        candidates.delete(id);
        changed = true;
      }
    }
  }
  return candidates;
}

/**
 * Rules that need a first clustering: a file without data access (direct or
 * through callees) used by many clusters is kernel; one that reaches into
 * many clusters and is used by almost nothing is a composition root.
 */
export function spreadSharedKernel(
  input: GraphInput,
  clusterOf: (unit: string) => number | undefined,
  clusterCount: number,
  already: SharedReasons,
  isPinned: (unit: string) => boolean,
): SharedReasons {
  const reasons: SharedReasons = new Map();
  const threshold = Math.max(3, Math.ceil(clusterCount / 2));
  const deg = degrees(input);
  const data = touchesData(input, true);
  for (const unit of [...input.units].sort((a, b) => compareStrings(a.id, b.id))) {
    if (already.has(unit.id) || isPinned(unit.id) || data.has(unit.id) || unit.entryPoints.length > 0) continue;
    const own = clusterOf(unit.id);
    const d = deg.get(unit.id);
    if (!d) continue;
    const spread = (ids: Set<string>): number => {
      const seen = new Set<number>();
      for (const id of ids) {
        const c = clusterOf(id);
        if (c !== undefined && c !== own) seen.add(c);
      }
      return seen.size;
    };
    const usedBy = spread(d.importers);
    if (usedBy >= threshold) {
      add(reasons, unit.id, `used by ${usedBy} of ${clusterCount} clusters (${d.importers.size} files), no data access of its own`);
      continue;
    }
    const reaches = spread(d.imports);
    if (reaches >= threshold && d.importers.size <= 1) {
      add(reasons, unit.id, `composition root: imports from ${reaches} of ${clusterCount} clusters`);
    }
  }
  return reasons;
}

/**
 * Platform closure: files (no data access, no entry points) in a platform
 * folder, or used only by the platform group, whose every neighbour is in
 * the group or is such a file itself, join the group (a barrel of the shared
 * folder, a shared module and the filters only it registers). The largest
 * such set: candidates are dropped until all their neighbours qualify.
 */
export function closeSharedKernel(input: GraphInput, shared: SharedReasons, isPinned: (unit: string) => boolean): SharedReasons {
  const deg = degreesAllKinds(input);
  const data = touchesData(input, true);
  const candidates = new Set<string>();
  for (const unit of input.units) {
    if (shared.has(unit.id) || isPinned(unit.id) || data.has(unit.id) || unit.entryPoints.length > 0) continue;
    const d = deg.get(unit.id);
    if (!d) continue;
    const onlyPlatformImporters = d.importers.size > 0 && [...d.importers].every((i) => shared.has(i));
    if (inPlatformFolder(unit.folder, d.importers) || onlyPlatformImporters) candidates.add(unit.id);
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const id of [...candidates].sort(compareStrings)) {
      const d = deg.get(id)!;
      if ([...d.importers, ...d.imports].some((n) => !shared.has(n) && !candidates.has(n))) {
        candidates.delete(id);
        changed = true;
      }
    }
  }
  const out: SharedReasons = new Map(shared);
  for (const id of [...candidates].sort(compareStrings)) add(out, id, 'only connected to the platform group');
  return out;
}

function degreesAllKinds(input: GraphInput): Map<string, Degree> {
  const out = new Map<string, Degree>();
  const get = (id: string): Degree => {
    let d = out.get(id);
    if (!d) out.set(id, (d = { importers: new Set(), imports: new Set() }));
    return d;
  };
  for (const e of input.edges) {
    if (e.from === e.to) continue;
    get(e.to).importers.add(e.from);
    get(e.from).imports.add(e.to);
  }
  return out;
}
