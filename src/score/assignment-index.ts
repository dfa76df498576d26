/**
 * Lookups over an assignment (which service holds each unit and owns each
 * table) and the effective data access every shared-database score reads.
 */
import { MODE_WEIGHT } from '../graph/weights.js';
import type { Assignment } from '../model/decomposition.js';
import type { Access, AccessMode, AnalysisResult } from '../model/result.js';
import { compareStrings } from '../util/sort.js';

export type ScoreInput = Pick<AnalysisResult, 'units' | 'edges' | 'tables' | 'accesses' | 'transactions' | 'relations' | 'accessCoverage'> &
  Partial<Pick<AnalysisResult, 'flows'>>;

export interface EffectiveAccess {
  unit: string;
  service: string;
  table: string;
  mode: AccessMode;
  /** Reached only through other code (a repository, a data-access library), never performed here. */
  propagated: boolean;
}

export interface AssignmentIndex {
  names: string[];
  serviceOfUnit: Map<string, string>;
  shared: Set<string>;
  /** Owner by assignment, or else the service that accesses the table most. */
  ownerOfTable: Map<string, string>;
  /** Distinct (unit, table, mode) accesses by units in services; see `effectiveAccesses`. */
  accesses: EffectiveAccess[];
}

export function indexAssignment(input: ScoreInput, assignment: Assignment): AssignmentIndex {
  const serviceOfUnit = new Map<string, string>();
  const ownerOfTable = new Map<string, string>();
  for (const service of assignment.services) {
    for (const unit of service.units) serviceOfUnit.set(unit, service.name);
    for (const table of service.tables) ownerOfTable.set(table, service.name);
  }
  const shared = new Set(assignment.shared);
  for (const id of shared) serviceOfUnit.delete(id);
  const accesses = effectiveAccesses(input, serviceOfUnit);

  // Tables nobody was given: the heaviest accessor is their natural owner.
  const weightBy = new Map<string, Map<string, number>>();
  for (const a of accesses) {
    if (ownerOfTable.has(a.table) || shared.has(a.table)) continue;
    let m = weightBy.get(a.table);
    if (!m) weightBy.set(a.table, (m = new Map()));
    // Performing the access binds harder than reaching it through a repository (the graph's half weight).
    m.set(a.service, (m.get(a.service) ?? 0) + MODE_WEIGHT[a.mode] * (a.propagated ? 0.5 : 1));
  }
  for (const [table, m] of weightBy) {
    const best = [...m].sort((x, y) => y[1] - x[1] || compareStrings(x[0], y[0]))[0];
    ownerOfTable.set(table, best[0]);
  }

  return {
    names: assignment.services.map((s) => s.name).sort(compareStrings),
    serviceOfUnit,
    shared,
    ownerOfTable,
    accesses,
  };
}

/**
 * The accesses that say which service touches which table: distinct (unit,
 * table, mode) accesses by units in services — direct ones, and propagated ones
 * whose first hop (`via`) is code of the same service or of the platform group.
 * A service reaching a table through its own repository layer or through a
 * shared data-access library uses that table as much as the repository does,
 * so a layered monolith whose SQL sits in one library does not look divisible.
 * Reaching it through another service's code is a call into that service (an
 * integration), not a use of its table: counting it would make every
 * cross-service call look like a shared table (docs/metrics.md, section 5).
 */
export function effectiveAccesses(input: ScoreInput, serviceOfUnit: Map<string, string>): EffectiveAccess[] {
  const siteKey = (unit: string, symbol: string, table: string, mode: AccessMode): string =>
    `${unit}\u0000${symbol}\u0000${table}\u0000${mode}`;
  // `symbol table mode` → the accesses of that symbol: the hops a propagated access goes through.
  const byHop = new Map<string, Access[]>();
  for (const access of input.accesses) {
    const key = `${access.symbol}\u0000${access.table}\u0000${access.mode}`;
    const list = byHop.get(key);
    if (list) list.push(access);
    else byHop.set(key, [access]);
  }
  // Whether the access stays inside `service` (or the platform group) down to the table; cycles count as not.
  const memo = new Map<string, boolean>();
  const staysInside = (access: Access, service: string): boolean => {
    if (!access.propagated) return true;
    const key = `${siteKey(access.unit, access.symbol, access.table, access.mode)}\u0000${access.via}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    memo.set(key, false);
    const hops = byHop.get(`${access.via}\u0000${access.table}\u0000${access.mode}`);
    // An unknown hop is counted: an access carve cannot place is shown, not dropped.
    const inside =
      !hops ||
      hops.some((hop) => {
        const hopService = serviceOfUnit.get(hop.unit);
        return hopService === undefined || (hopService === service && staysInside(hop, service));
      });
    memo.set(key, inside);
    return inside;
  };
  const byKey = new Map<string, EffectiveAccess>();
  for (const access of input.accesses) {
    const service = serviceOfUnit.get(access.unit);
    if (service === undefined || !staysInside(access, service)) continue;
    const key = `${access.unit}\u0000${access.table}\u0000${access.mode}`;
    const known = byKey.get(key);
    if (known) known.propagated &&= access.propagated;
    else byKey.set(key, { unit: access.unit, service, table: access.table, mode: access.mode, propagated: access.propagated });
  }
  return [...byKey.values()].sort(
    (a, b) => compareStrings(a.table, b.table) || compareStrings(a.unit, b.unit) || compareStrings(a.mode, b.mode),
  );
}
