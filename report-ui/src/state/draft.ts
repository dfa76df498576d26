/**
 * A draft decomposition: the proposal as the architect edits it. Plain sorted
 * data, so history snapshots are cheap and exports are deterministic.
 */
import type { Assignment } from '../../../src/model/decomposition.js';
import type { AnalysisResult } from '../../../src/model/result.js';
import { compareStrings } from '../../../src/util/sort.js';

export interface DraftService {
  name: string;
  units: string[]; // sorted
  tables: string[]; // sorted
}

export interface Draft {
  /** In display order: the proposal's order, new services appended. */
  services: DraftService[];
  /** Units kept out of every service (shared kernel), sorted. */
  shared: string[];
}

/** The carve config that pins a draft: what `carve analyze` must reproduce. */
export interface PinConfig {
  pins: Record<string, string[]>;
  shared?: string[];
}

export const sortedUnique = (items: Iterable<string>): string[] => Array.from(new Set(items)).sort(compareStrings);

export function draftFromResult(result: AnalysisResult): Draft {
  const services = (result.decomposition?.services ?? []).map((s) => ({
    name: s.name,
    units: sortedUnique(s.units ?? []),
    tables: sortedUnique(s.tables ?? []),
  }));
  const known = new Set(result.units.map((u) => u.id));
  return { services, shared: sortedUnique((result.decomposition?.shared ?? []).map((s) => s.unit).filter((u) => known.has(u))) };
}

/** The assignment in the shape the engine's scoring takes. */
export function scoreInput(draft: Draft): Assignment {
  return { services: draft.services.map((s) => ({ name: s.name, units: [...s.units], tables: [...s.tables] })), shared: [...draft.shared] };
}

/** Pins every unit path and table id to its service: exact paths, sorted. */
export function toPinConfig(draft: Draft): PinConfig {
  // fromEntries defines own keys: a service named `__proto__` is kept, where `pins[name] = …` would set the prototype.
  const pins: Record<string, string[]> = Object.fromEntries(
    [...draft.services]
      .sort((a, b) => compareStrings(a.name, b.name))
      .map((service) => [service.name, [...service.units, ...service.tables]]),
  );
  return draft.shared.length > 0 ? { pins, shared: [...draft.shared] } : { pins };
}

/** The edited decomposition as plain JSON (services sorted by name). */
export function toDecompositionJson(draft: Draft): Assignment {
  return { services: scoreInput(draft).services.sort((a, b) => compareStrings(a.name, b.name)), shared: [...draft.shared] };
}
