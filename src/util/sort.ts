/** Deterministic ordering: plain code-unit comparison, never locale-dependent. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortBy<T>(items: T[], ...keys: ((item: T) => string | number)[]): T[] {
  return items.sort((a, b) => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      if (x === y) continue;
      if (typeof x === 'number' && typeof y === 'number') return x - y;
      return compareStrings(String(x), String(y));
    }
    return 0;
  });
}
