/** Direct reads and writes of a table another declared service owns (access through its code is that code's business). */
import type { AnalysisResult } from '../model/result.js';
import type { DeclaredBoundaries } from './declared-boundaries.js';
import { tableLabel } from './table-name.js';
import type { ViolationCollector } from './violation-collector.js';

export function findTableViolations(
  result: Pick<AnalysisResult, 'accesses' | 'tables'>,
  declared: DeclaredBoundaries,
  out: ViolationCollector,
): void {
  const tables = new Map(result.tables.map((t) => [t.id, t]));
  for (const a of result.accesses) {
    if (a.propagated) continue;
    const from = declared.serviceOfFile.get(a.unit);
    const owner = declared.ownerOfTable.get(a.table);
    const table = tables.get(a.table);
    if (!from || !owner || !table || from === owner) continue;
    const label = tableLabel(table, owner);
    const kind = a.mode === 'write' ? 'table-write' : 'table-read';
    out.add({
      kind,
      from,
      to: owner,
      id: `${kind}:${from}→${owner}:${label}:${a.unit}`,
      file: a.unit,
      line: Math.min(...a.lines),
      message: `${a.unit} ${a.mode === 'write' ? 'writes' : 'reads'} ${label}, owned by ${owner} (${a.symbol} via ${a.via})`,
      subject: { service: owner, table: { id: table.id, name: table.name, owner } },
    });
  }
}
