/** A clustering of items as item → cluster label, restricted to the items two clusterings share. */
export type Labels = ReadonlyMap<string, string>;

export function commonItems(a: Labels, b: Labels): string[] {
  return [...a.keys()].filter((k) => b.has(k)).sort();
}

/** Contingency table n_ij between the clusters of a (rows) and b (columns) over `items`. */
export function contingency(
  a: Labels,
  b: Labels,
  items: readonly string[],
): { table: Map<string, Map<string, number>>; rows: Map<string, number>; cols: Map<string, number> } {
  const table = new Map<string, Map<string, number>>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  for (const item of items) {
    const x = a.get(item)!;
    const y = b.get(item)!;
    let row = table.get(x);
    if (!row) table.set(x, (row = new Map()));
    row.set(y, (row.get(y) ?? 0) + 1);
    rows.set(x, (rows.get(x) ?? 0) + 1);
    cols.set(y, (cols.get(y) ?? 0) + 1);
  }
  return { table, rows, cols };
}
