/**
 * Lookups over an assignment (which service holds each unit and owns each
 * table) and the effective data access every shared-database score reads.
 */
import { MODE_WEIGHT } from '../graph/weights.js';
import type { Assignment } from '../model/decomposition.js';
import type { AccessMode, AnalysisResult } from '../model/result.js';
import { compareStrings } from '../util/sort.js';

export type ScoreInput = Pick<AnalysisResult, 'units' | 'edges' | 'tables' | 'accesses' | 'transactions' | 'relations' | 'accessCoverage'>;

export interface EffectiveAccess {
  unit: string;
  service: string;
  table: string;
  mode: AccessMode;
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
    m.set(a.service, (m.get(a.service) ?? 0) + MODE_WEIGHT[a.mode]);
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
 * The accesses that say which service touches which table: direct accesses
 * by units in a service; for a table no service unit touches directly (its
 * SQL sits in a shared base repository), the propagated ones instead.
 */
export function effectiveAccesses(input: ScoreInput, serviceOfUnit: Map<string, string>): EffectiveAccess[] {
  const direct = new Map<string, EffectiveAccess>();
  const propagated = new Map<string, EffectiveAccess>();
  const directTables = new Set<string>();
  for (const access of input.accesses) {
    const service = serviceOfUnit.get(access.unit);
    if (service === undefined) continue;
    const key = `${access.unit}\u0000${access.table}\u0000${access.mode}`;
    const entry: EffectiveAccess = { unit: access.unit, service, table: access.table, mode: access.mode };
    if (access.propagated) propagated.set(key, entry);
    else {
      direct.set(key, entry);
      directTables.add(access.table);
    }
  }
  const out = [...direct.values()];
  for (const entry of propagated.values()) if (!directTables.has(entry.table)) out.push(entry);
  return out.sort((a, b) => compareStrings(a.table, b.table) || compareStrings(a.unit, b.unit) || compareStrings(a.mode, b.mode));
}
