/**
 * Size balance: 1 − Gini coefficient of the service sizes (in units).
 * 1 = all services the same size, → 0 = one service holds everything.
 *   G = (2 Σ_i i·x_(i)) / (n Σ x) − (n + 1) / n,   x sorted ascending, i = 1..n
 */
export function sizeBalance(sizes: readonly number[]): number {
  const n = sizes.length;
  const total = sizes.reduce((s, x) => s + x, 0);
  if (n <= 1 || total === 0) return 1;
  const sorted = [...sizes].sort((a, b) => a - b);
  let weighted = 0;
  sorted.forEach((x, i) => (weighted += (i + 1) * x));
  const gini = (2 * weighted) / (n * total) - (n + 1) / n;
  return 1 - gini;
}
