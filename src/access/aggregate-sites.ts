/**
 * Access sites (one per call) → access edges (one per unit, symbol, table,
 * mode, via and propagation), with a count and the sorted lines.
 */
import type { Access, AccessMode } from '../model/result.js';

export interface SiteLike {
  unit: string;
  symbol: string;
  table: string;
  mode: AccessMode;
  line: number;
  orm: string;
  via: string;
  propagated: boolean;
}

export function aggregateSites(sites: readonly SiteLike[]): Access[] {
  const groups = new Map<string, Access>();
  for (const s of sites) {
    const key = [s.unit, s.symbol, s.table, s.mode, s.via, s.propagated ? 1 : 0, s.orm].join('\0');
    const group = groups.get(key);
    if (group) {
      group.count++;
      group.lines.push(s.line);
    } else {
      groups.set(key, {
        unit: s.unit,
        symbol: s.symbol,
        table: s.table,
        mode: s.mode,
        count: 1,
        lines: [s.line],
        orm: s.orm,
        via: s.via,
        propagated: s.propagated,
      });
    }
  }
  const accesses = [...groups.values()];
  for (const a of accesses) a.lines = [...new Set(a.lines)].sort((x, y) => x - y);
  return accesses.sort(compareAccess);
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function compareAccess(a: Access, b: Access): number {
  return (
    cmp(a.unit, b.unit) ||
    cmp(a.symbol, b.symbol) ||
    cmp(a.table, b.table) ||
    cmp(a.mode, b.mode) ||
    Number(a.propagated) - Number(b.propagated) ||
    cmp(a.via, b.via) ||
    cmp(a.orm, b.orm)
  );
}
