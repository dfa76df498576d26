/**
 * Strangler-fig extraction order: the service with the least inbound
 * dependency weight and the fewest shared tables goes first (it breaks the
 * fewest callers), each step saying what must change.
 */
import type { DecompositionMetrics, MigrationStep } from '../model/decomposition.js';
import { compareStrings } from '../util/sort.js';
import { pairKey, type CodeLinks } from './code-links.js';

export function migrationPlan(metrics: DecompositionMetrics, links: CodeLinks): MigrationStep[] {
  const order = [...metrics.perService].sort(
    (a, b) => a.inWeight - b.inWeight || a.sharedTables.length - b.sharedTables.length || compareStrings(a.name, b.name),
  );
  const sagas = metrics.sharedDatabase.sagaCandidates;
  return order.map((s, i) => {
    const replaceImports: MigrationStep['replaceImports'] = [];
    for (const other of metrics.perService) {
      if (other.name === s.name) continue;
      for (const [from, to] of [
        [other.name, s.name],
        [s.name, other.name],
      ]) {
        const symbols = links.crossSymbols.get(pairKey(from, to));
        if (symbols && symbols.size > 0) replaceImports.push({ from, to, symbols: [...symbols].sort(compareStrings) });
      }
    }
    return {
      order: i + 1,
      service: s.name,
      inboundWeight: s.inWeight,
      sharedTables: s.sharedTables.length,
      replaceImports: replaceImports.sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to)),
      handOverTables: s.tablesOwned.filter((t) => s.sharedTables.includes(t)),
      replicateTables: s.foreignTables,
      sagas: sagas.filter((g) => g.services.includes(s.name)).map((g) => g.transaction),
    };
  });
}
