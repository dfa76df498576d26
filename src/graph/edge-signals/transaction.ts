/**
 * Transactions: tables written or read inside one transaction belong
 * together (splitting them turns the transaction into a saga). The unit
 * running it is already bound to each table by its data access.
 */
import { compareStrings } from '../../util/sort.js';
import { tableNode } from '../weighted-graph.js';
import type { EdgeSignal } from './signal.js';

export const transaction: EdgeSignal = {
  name: 'transaction',
  contribute({ input, weights }, add) {
    for (const tx of input.transactions) {
      const tables = [...new Set(tx.tables.map((t) => t.table))].sort(compareStrings);
      if (tables.length < 2) continue;
      const w = weights.transaction / (tables.length - 1);
      for (let i = 0; i < tables.length; i++) {
        for (let j = i + 1; j < tables.length; j++) add(tableNode(tables[i]), tableNode(tables[j]), 'transaction', w);
      }
    }
  },
};
