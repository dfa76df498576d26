/**
 * Default edge weights of the decomposition graph, by kind. Overridable per key
 * with `config.weights`; docs/metrics.md explains each value.
 */
import type { CarveConfig } from '../config/options.js';

export type WeightKey = keyof NonNullable<CarveConfig['weights']>;
export type Weights = Record<WeightKey, number>;

export const DEFAULT_WEIGHTS: Readonly<Weights> = {
  // Code: a value import is the unit of dependency; type-only imports couple
  // less (they vanish at run time), DI is a deliberate collaboration.
  import: 1,
  typeOnly: 0.3,
  dynamic: 0.7,
  require: 1,
  reExport: 0.5,
  di: 1.5,
  // Data: writing a table binds code to it more than reading it.
  read: 1,
  write: 2,
  coAccess: 0.5,
  transaction: 1.5,
  entryPoint: 0.5,
  // Layers: files sharing a domain stem in different folders (`services/cart.ts`, `models/cart.ts`).
  nameStem: 0.3,
};

/**
 * Weight of one access by mode when counting who uses a table (ownership,
 * shared-database scores): a write binds twice as hard as a read.
 */
export const MODE_WEIGHT: Readonly<Record<'read' | 'write', number>> = { read: 1, write: 2 };

export function resolveWeights(overrides: Partial<Weights> | undefined): Weights {
  return { ...DEFAULT_WEIGHTS, ...(overrides ?? {}) };
}
