/**
 * `boundaries` for carve.config.json from a decomposition (carve's proposal,
 * or one edited in the report): folder globs where a whole folder belongs to
 * one service, single files otherwise; the tables each owns; today's
 * dependencies as `dependsOn`, so a new one fails the check until declared.
 */
import type { CarveConfig } from '../config/options.js';
import type { Assignment } from '../model/decomposition.js';
import type { AnalysisResult } from '../model/result.js';
import { CarveError } from '../util/errors.js';
import { posixDirname } from '../util/posix-path.js';
import { compareStrings } from '../util/sort.js';
import { buildServiceMap } from './service-map.js';

type Boundaries = NonNullable<CarveConfig['boundaries']>;

/** Smallest glob list covering `mine` and no other file: whole folders as `dir/**`, the rest by name. */
export function coveringGlobs(mine: ReadonlySet<string>, allFiles: readonly string[]): string[] {
  // A folder is pure when every file below it is mine.
  const pure = new Map<string, boolean>();
  for (const f of allFiles) {
    const own = mine.has(f);
    for (let dir = posixDirname(f); dir !== '.' && dir !== ''; dir = posixDirname(dir)) {
      pure.set(dir, (pure.get(dir) ?? true) && own);
      if (dir.indexOf('/') === -1) break;
    }
  }
  const globs = new Set<string>();
  for (const f of [...mine].sort(compareStrings)) {
    let top: string | undefined;
    for (let dir = posixDirname(f); dir !== '.' && dir !== ''; dir = posixDirname(dir)) {
      if (pure.get(dir)) top = dir;
      else break;
      if (dir.indexOf('/') === -1) break;
    }
    globs.add(top ? `${top}/**` : f);
  }
  return [...globs].sort(compareStrings);
}

export function boundariesConfig(
  assignment: Assignment,
  allFiles: readonly string[],
  tables: readonly { id: string; store: string; name: string }[],
  dependencies: readonly { from: string; to: string }[],
): Pick<CarveConfig, 'boundaries' | 'shared'> {
  const byId = new Map(tables.map((t) => [t.id, t]));
  const boundaries: Boundaries = {};
  for (const s of [...assignment.services].sort((a, b) => compareStrings(a.name, b.name))) {
    if (s.units.length === 0) continue;
    const dependsOn = [...new Set(dependencies.filter((d) => d.from === s.name).map((d) => d.to))].sort(compareStrings);
    const owned = s.tables.map((id) => byId.get(id)).filter((t): t is NonNullable<typeof t> => !!t);
    boundaries[s.name] = {
      paths: coveringGlobs(new Set(s.units), allFiles),
      tables: owned.map((t) => (t.store === 'default' ? t.name : t.id)).sort(compareStrings),
      dependsOn,
    };
  }
  const shared = assignment.shared.filter((id) => !byId.has(id));
  return { boundaries, shared: shared.length ? coveringGlobs(new Set(shared), allFiles) : [] };
}

/** `boundaries` (and `shared`) for a result: from `assignment` when given, else from carve's proposal. */
export function boundariesFor(result: AnalysisResult, assignment?: Assignment): Pick<CarveConfig, 'boundaries' | 'shared'> {
  const chosen = assignment ?? {
    services: (result.decomposition?.services ?? []).map(({ name, units, tables }) => ({ name, units, tables })),
    shared: (result.decomposition?.shared ?? []).map((s) => s.unit),
  };
  const known = new Set(result.units.map((u) => u.id));
  const unknown = chosen.services.flatMap((s) => s.units).filter((u) => !known.has(u));
  if (unknown.length)
    throw new CarveError(
      `the decomposition names ${unknown.length} files carve did not analyse (${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ', …' : ''})`,
    );
  const map = buildServiceMap(result, chosen, 'proposal');
  return boundariesConfig(
    chosen,
    result.units.map((u) => u.id),
    result.tables,
    map.dependencies,
  );
}
