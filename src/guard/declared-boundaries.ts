/**
 * The declared boundaries (`config.boundaries`) resolved against one result:
 * which service holds each file and owns each table, its public files and
 * allowed dependencies. Input errors (a boundary matching nothing, a file or
 * table claimed twice, an unknown service named) are CarveErrors: exit 2.
 */
import type { CarveConfig } from '../config/options.js';
import type { AnalysisResult } from '../model/result.js';
import { CarveError } from '../util/errors.js';
import { compareStrings } from '../util/sort.js';
import { matchPaths, type PathMatcher } from './match-paths.js';

export interface DeclaredService {
  name: string;
  isApi: PathMatcher;
  /** Undefined: may depend on any service. */
  dependsOn?: Set<string>;
  deprecated: Set<string>;
}

export interface DeclaredBoundaries {
  services: Map<string, DeclaredService>;
  serviceOfFile: Map<string, string>;
  ownerOfTable: Map<string, string>;
  inferredOwners: { table: string; owner: string }[];
  unownedTables: string[];
  unassignedFiles: number;
  isShared: PathMatcher;
}

type BoundarySpec = NonNullable<CarveConfig['boundaries']>[string];

function normalise(spec: BoundarySpec): { paths: string[]; tables: string[]; api?: string[]; dependsOn?: string[]; deprecated: string[] } {
  if (Array.isArray(spec)) return { paths: spec, tables: [], deprecated: [] };
  return { paths: spec.paths, tables: spec.tables ?? [], api: spec.api, dependsOn: spec.dependsOn, deprecated: spec.deprecated ?? [] };
}

/** `orders`, `default:orders` or `service.orders` name the table `default:orders`. */
export function tableMatches(table: { id: string; name: string }, ref: string, owner?: string): boolean {
  if (ref === table.id || ref === table.name) return true;
  return owner !== undefined && ref === `${owner}.${table.name}`;
}

export function resolveBoundaries(
  result: Pick<AnalysisResult, 'units' | 'tables' | 'accesses'>,
  boundaries: NonNullable<CarveConfig['boundaries']>,
  sharedGlobs: readonly string[],
): DeclaredBoundaries {
  const names = Object.keys(boundaries).sort(compareStrings);
  const specs = new Map(names.map((n) => [n, normalise(boundaries[n])]));
  const isShared = matchPaths(sharedGlobs);
  const serviceOfFile = new Map<string, string>();
  const services = new Map<string, DeclaredService>();

  for (const name of names) {
    const spec = specs.get(name)!;
    const inPaths = matchPaths(spec.paths);
    let matched = 0;
    for (const u of result.units) {
      if (!inPaths(u.id)) continue;
      matched++;
      if (isShared(u.id)) continue; // the shared kernel stays everyone's
      const other = serviceOfFile.get(u.id);
      if (other) throw new CarveError(`boundaries: ${u.id} is claimed by both "${other}" and "${name}" — a file belongs to one service`);
      serviceOfFile.set(u.id, name);
    }
    if (matched === 0)
      throw new CarveError(`boundaries: "${name}" matches no analysed file (paths ${spec.paths.map((p) => `"${p}"`).join(', ')})`);
    for (const dep of [...(spec.dependsOn ?? []), ...spec.deprecated]) {
      if (!specs.has(dep)) throw new CarveError(`boundaries: "${name}" depends on "${dep}", which is not a declared boundary`);
    }
    services.set(name, {
      name,
      isApi: spec.api ? matchPaths(spec.api) : () => true,
      dependsOn: spec.dependsOn ? new Set([...spec.dependsOn, ...spec.deprecated]) : undefined,
      deprecated: new Set(spec.deprecated),
    });
  }

  const ownerOfTable = new Map<string, string>();
  for (const name of names) {
    for (const ref of specs.get(name)!.tables) {
      const hits = result.tables.filter((t) => tableMatches(t, ref, name));
      if (hits.length === 0) throw new CarveError(`boundaries: "${name}" owns table "${ref}", which carve did not find`);
      for (const t of hits) {
        const other = ownerOfTable.get(t.id);
        if (other && other !== name) throw new CarveError(`boundaries: table ${t.id} is owned by both "${other}" and "${name}"`);
        ownerOfTable.set(t.id, name);
      }
    }
  }
  const { inferred, unowned } = inferOwners(result, serviceOfFile, ownerOfTable);
  const unassignedFiles = result.units.filter((u) => !serviceOfFile.has(u.id) && !isShared(u.id)).length;
  return { services, serviceOfFile, ownerOfTable, inferredOwners: inferred, unownedTables: unowned, unassignedFiles, isShared };
}

/**
 * A table no boundary lists goes to the service whose files declare it, else
 * to the one writing it most (write 2, read 1; a tie goes to the first name).
 * The report lists these, so a team can make them explicit.
 */
function inferOwners(
  result: Pick<AnalysisResult, 'tables' | 'accesses'>,
  serviceOfFile: Map<string, string>,
  ownerOfTable: Map<string, string>,
): { inferred: { table: string; owner: string }[]; unowned: string[] } {
  const use = new Map<string, Map<string, number>>();
  for (const a of result.accesses) {
    const s = serviceOfFile.get(a.unit);
    if (a.propagated || !s) continue;
    let m = use.get(a.table);
    if (!m) use.set(a.table, (m = new Map()));
    m.set(s, (m.get(s) ?? 0) + a.count * (a.mode === 'write' ? 2 : 1));
  }
  const inferred: { table: string; owner: string }[] = [];
  const unowned: string[] = [];
  for (const t of result.tables) {
    if (ownerOfTable.has(t.id)) continue;
    const declaring = t.declaredIn ? serviceOfFile.get(t.declaredIn.replace(/:\d+$/, '')) : undefined;
    const ranked = [...(use.get(t.id) ?? [])].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]));
    const owner = declaring ?? ranked[0]?.[0];
    if (owner) {
      ownerOfTable.set(t.id, owner);
      inferred.push({ table: t.id, owner });
    } else unowned.push(t.id);
  }
  return { inferred, unowned };
}
