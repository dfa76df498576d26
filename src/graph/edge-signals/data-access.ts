/**
 * Data access: unit ↔ table, write heavier than read. Propagated access (a
 * service calling a repository) counts half: the repository already carries
 * the direct edge, the caller is one step further from the table.
 */
import { tableNode, unitNode } from '../weighted-graph.js';
import type { EdgeSignal } from './signal.js';

const PROPAGATED_FACTOR = 0.5;

export const dataAccess: EdgeSignal = {
  name: 'data',
  contribute({ input, weights }, add) {
    const pairs = new Map<string, { unit: string; table: string; direct: Set<string>; propagated: Set<string> }>();
    for (const access of input.accesses) {
      const key = `${access.unit}\u0000${access.table}`;
      let pair = pairs.get(key);
      if (!pair) {
        pair = { unit: access.unit, table: access.table, direct: new Set(), propagated: new Set() };
        pairs.set(key, pair);
      }
      (access.propagated ? pair.propagated : pair.direct).add(access.mode);
    }
    for (const pair of pairs.values()) {
      const modes = pair.direct.size > 0 ? pair.direct : pair.propagated;
      const factor = pair.direct.size > 0 ? 1 : PROPAGATED_FACTOR;
      for (const mode of modes) {
        add(unitNode(pair.unit), tableNode(pair.table), mode, weights[mode === 'write' ? 'write' : 'read'] * factor);
      }
    }
  },
};
