/**
 * Adjusted Rand index (Hubert & Arabie) over a weighted contingency table:
 * the one formula behind folder alignment and seed-to-seed stability.
 */
const pairs = (x: number): number => (x * (x - 1)) / 2;

export class Contingency {
  private readonly cells = new Map<string, number>();
  private readonly rows = new Map<string | number, number>();
  private readonly cols = new Map<string | number, number>();
  private n = 0;

  add(row: string | number, col: string | number, weight = 1): void {
    const key = `${row}\0${col}`;
    this.cells.set(key, (this.cells.get(key) ?? 0) + weight);
    this.rows.set(row, (this.rows.get(row) ?? 0) + weight);
    this.cols.set(col, (this.cols.get(col) ?? 0) + weight);
    this.n += weight;
  }

  /** The index; `degenerate` when fewer than two items were added or both partitions are trivial and agree (0 when they differ). */
  ari(degenerate: number): number {
    if (this.n < 2) return degenerate;
    const sum = (m: Map<unknown, number>): number => [...m.values()].reduce((s, v) => s + pairs(v), 0);
    const index = sum(this.cells);
    const sumA = sum(this.rows);
    const sumB = sum(this.cols);
    const expected = (sumA * sumB) / pairs(this.n);
    const max = (sumA + sumB) / 2;
    if (max === expected) return index === expected ? degenerate : 0;
    return (index - expected) / (max - expected);
  }
}
