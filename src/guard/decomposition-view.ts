/** The decomposition carve checks and exports: the declared boundaries when there are any, else carve's proposal. */
import type { CarveConfig } from '../config/options.js';
import type { Assignment } from '../model/decomposition.js';
import type { ServiceMap } from '../model/check-result.js';
import type { AnalysisResult } from '../model/result.js';
import { resolveBoundaries, type DeclaredBoundaries } from './declared-boundaries.js';
import { buildServiceMap, declaredAssignment } from './service-map.js';

export interface DecompositionView {
  assignment: Assignment;
  map: ServiceMap;
  /** Set when the config declares boundaries. */
  declared?: DeclaredBoundaries;
}

export function decompositionView(result: AnalysisResult, options: Pick<CarveConfig, 'boundaries' | 'shared'>): DecompositionView {
  const boundaries = options.boundaries ?? {};
  if (Object.keys(boundaries).length === 0) {
    const d = result.decomposition;
    const assignment: Assignment = {
      services: (d?.services ?? []).map(({ name, units, tables }) => ({ name, units, tables })),
      shared: (d?.shared ?? []).map((s) => s.unit),
    };
    return { assignment, map: buildServiceMap(result, assignment, 'proposal') };
  }
  const declared = resolveBoundaries(result, boundaries, options.shared ?? []);
  const assignment = declaredAssignment(declared.serviceOfFile, declared.ownerOfTable, declared.services.keys());
  assignment.shared = result.units.filter((u) => declared.isShared(u.id)).map((u) => u.id);
  const isDeclared = (from: string, to: string): boolean => declared.services.get(from)?.dependsOn?.has(to) ?? false;
  return { assignment, map: buildServiceMap(result, assignment, 'boundaries', isDeclared), declared };
}
