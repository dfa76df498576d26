/**
 * The warm run's edit: 1% of the files (at least one), picked by a seeded
 * draw, each given a small new function, different in every round so each
 * warm run really finds 1% of the cache stale.
 */
import { createRng } from './prng.js';

export function pickTouched(files: readonly string[], seed: number): string[] {
  const count = Math.max(1, Math.round(files.length / 100));
  return createRng(seed)
    .sample([...files].sort(), count)
    .sort();
}

export function touchText(text: string, round: number): string {
  return `${text}
/** Added by the warm benchmark, round ${round}. */
export function benchEdit${round}(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value * ${round}, 0);
}
`;
}
