/**
 * Adjusted Rand index (Hubert & Arabie 1985) between two clusterings:
 *   ARI = (Σ_ij C(n_ij,2) − [Σ_i C(a_i,2) Σ_j C(b_j,2)] / C(n,2))
 *         / (½[Σ_i C(a_i,2) + Σ_j C(b_j,2)] − [Σ_i C(a_i,2) Σ_j C(b_j,2)] / C(n,2))
 * 1 = identical, ≈0 = chance agreement. Computed over the items both share.
 */
import { commonItems, contingency, type Labels } from './partition.js';

const pairs = (x: number): number => (x * (x - 1)) / 2;

export function adjustedRandIndex(a: Labels, b: Labels): number {
  const items = commonItems(a, b);
  const n = items.length;
  if (n < 2) return 1;
  const { table, rows, cols } = contingency(a, b, items);
  let index = 0;
  for (const row of table.values()) for (const v of row.values()) index += pairs(v);
  let sumA = 0;
  for (const v of rows.values()) sumA += pairs(v);
  let sumB = 0;
  for (const v of cols.values()) sumB += pairs(v);
  const expected = (sumA * sumB) / pairs(n);
  const max = (sumA + sumB) / 2;
  // Both clusterings trivial (all singletons or one cluster each) and equal.
  if (max === expected) return index === expected ? 1 : 0;
  return (index - expected) / (max - expected);
}
