/**
 * Structural modularity SM (Jin et al., "Service Candidate Identification
 * from Monolithic Systems Based on Execution Traces", TSE 2019):
 *   SM = (1/K) Σ_i μ_i / m_i²  −  (1 / (K(K−1)/2)) Σ_{i<j} σ_ij / (2 m_i m_j)
 * m_i = units in service i, μ_i = dependencies inside i, σ_ij = dependencies
 * between i and j (distinct unit pairs). Higher is better; the second term is
 * 0 when K = 1.
 */
import { compareStrings } from '../util/sort.js';

/** `links` holds one [service, service] pair per distinct unit-to-unit dependency. */
export function structuralModularity(sizes: ReadonlyMap<string, number>, links: readonly [string, string][]): number {
  const names = [...sizes.keys()].sort(compareStrings);
  const k = names.length;
  if (k === 0) return 0;
  const inside = new Map<string, number>();
  const between = new Map<string, number>();
  for (const [x, y] of links) {
    if (x === y) inside.set(x, (inside.get(x) ?? 0) + 1);
    else {
      const key = x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`;
      between.set(key, (between.get(key) ?? 0) + 1);
    }
  }
  let cohesion = 0;
  for (const name of names) {
    const m = sizes.get(name)!;
    if (m > 0) cohesion += (inside.get(name) ?? 0) / (m * m);
  }
  cohesion /= k;
  if (k === 1) return cohesion;
  let coupling = 0;
  for (const [key, sigma] of between) {
    const [x, y] = key.split('\u0000');
    const mx = sizes.get(x) ?? 0;
    const my = sizes.get(y) ?? 0;
    if (mx > 0 && my > 0) coupling += sigma / (2 * mx * my);
  }
  return cohesion - coupling / ((k * (k - 1)) / 2);
}
