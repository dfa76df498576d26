/**
 * Normalised mutual information with arithmetic-mean normalisation
 * (Strehl & Ghosh 2002; scikit-learn's default):
 *   NMI = I(A;B) / ((H(A) + H(B)) / 2),  I = Σ_ij (n_ij/n) log(n·n_ij / (a_i b_j))
 * 1 = identical; 1 also when both are a single cluster, 0 when only one is.
 */
import { commonItems, contingency, type Labels } from './partition.js';

function entropy(counts: Iterable<number>, n: number): number {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
}

export function normalizedMutualInformation(a: Labels, b: Labels): number {
  const items = commonItems(a, b);
  const n = items.length;
  if (n === 0) return 1;
  const { table, rows, cols } = contingency(a, b, items);
  const ha = entropy(rows.values(), n);
  const hb = entropy(cols.values(), n);
  if (ha === 0 && hb === 0) return 1;
  let mi = 0;
  for (const [x, row] of table) {
    for (const [y, v] of row) mi += (v / n) * Math.log((n * v) / (rows.get(x)! * cols.get(y)!));
  }
  return mi / ((ha + hb) / 2);
}
