/**
 * Co-access: units that access the same table directly are drawn together.
 * Each unit gets at most `coAccess` in total per table (split over its
 * partners), and tables with many accessors are skipped: their table node
 * already links them, and pairwise edges would be quadratic.
 */
import { compareStrings } from '../../util/sort.js';
import { unitNode } from '../weighted-graph.js';
import type { EdgeSignal } from './signal.js';

export const MAX_CO_ACCESSORS = 12;

export const coAccess: EdgeSignal = {
  name: 'co-access',
  contribute({ input, weights }, add) {
    const accessors = new Map<string, Set<string>>();
    for (const access of input.accesses) {
      if (access.propagated) continue;
      let set = accessors.get(access.table);
      if (!set) accessors.set(access.table, (set = new Set()));
      set.add(access.unit);
    }
    for (const table of [...accessors.keys()].sort(compareStrings)) {
      const units = [...accessors.get(table)!].sort(compareStrings);
      if (units.length < 2 || units.length > MAX_CO_ACCESSORS) continue;
      const w = weights.coAccess / (units.length - 1);
      for (let i = 0; i < units.length; i++) {
        for (let j = i + 1; j < units.length; j++) add(unitNode(units[i]), unitNode(units[j]), 'co-access', w);
      }
    }
  },
};
