/**
 * Foreign keys: a declared relation is a standing co-access (joins, nested
 * reads), so related tables are drawn together with the co-access weight.
 * The relations that still cross services are reported as coupling.
 */
import { tableNode } from '../weighted-graph.js';
import type { EdgeSignal } from './signal.js';

export const foreignKey: EdgeSignal = {
  name: 'foreign-key',
  contribute({ input, weights }, add) {
    for (const r of input.relations) add(tableNode(r.from), tableNode(r.to), 'foreign-key', weights.coAccess);
  },
};
