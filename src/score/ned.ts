/**
 * Non-extreme distribution NED (Wu, Hassan & Holt 2005; as used by
 * Mono2Micro, Kalia et al. 2021): the share of units that sit in services of
 * extreme size, outside [lower, upper] units.
 *   NED = 1 − Σ_{i: lower ≤ |S_i| ≤ upper} |S_i| / Σ_i |S_i|     (lower is better)
 */
export const DEFAULT_NED_BOUNDS: readonly [number, number] = [5, 20];

export function nonExtremeDistribution(sizes: readonly number[], bounds: readonly [number, number] = DEFAULT_NED_BOUNDS): number {
  const total = sizes.reduce((s, x) => s + x, 0);
  if (total === 0) return 0;
  const [lower, upper] = bounds;
  const fine = sizes.filter((x) => x >= lower && x <= upper).reduce((s, x) => s + x, 0);
  return 1 - fine / total;
}
