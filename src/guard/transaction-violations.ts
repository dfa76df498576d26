/** A transaction whose tables belong to more than one declared service: after a split it becomes a saga. */
import type { AnalysisResult } from '../model/result.js';
import { compareStrings } from '../util/sort.js';
import type { DeclaredBoundaries } from './declared-boundaries.js';
import type { ViolationCollector } from './violation-collector.js';

export function findTransactionViolations(
  result: Pick<AnalysisResult, 'transactions'>,
  declared: DeclaredBoundaries,
  out: ViolationCollector,
): void {
  for (const t of result.transactions) {
    const owners = new Set(t.tables.map((x) => declared.ownerOfTable.get(x.table)).filter((s): s is string => !!s));
    const from = declared.serviceOfFile.get(t.unit) ?? [...owners].sort(compareStrings)[0];
    if (!from) continue;
    const others = [...owners].filter((s) => s !== from).sort(compareStrings);
    if (others.length === 0) continue;
    const all = [from, ...others].sort(compareStrings);
    // Each other service can be allowed on its own; what is left is the violation.
    for (const to of others) {
      out.add({
        kind: 'cross-service-transaction',
        from,
        to,
        id: `cross-service-transaction:${from}→${to}:${t.unit}:${t.symbol}`,
        file: t.unit,
        line: t.line,
        message: `${t.symbol} (${t.kind}) spans the tables of ${all.join(', ')} in one transaction`,
        subject: { service: to },
      });
    }
  }
}
