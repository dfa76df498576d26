/** A foreign key (or ORM relation) from one service's table to another's: the schema couples them even when the code does not. */
import type { AnalysisResult } from '../model/result.js';
import type { DeclaredBoundaries } from './declared-boundaries.js';
import { tableLabel } from './table-name.js';
import type { ViolationCollector } from './violation-collector.js';

/** The inverse side of a relation holds no reference of its own. */
const HOLDS_REFERENCE = new Set(['many-to-one', 'one-to-one', 'many-to-many', 'foreign-key', 'ref']);

export function findForeignKeyViolations(
  result: Pick<AnalysisResult, 'relations' | 'tables'>,
  declared: DeclaredBoundaries,
  out: ViolationCollector,
): void {
  const tables = new Map(result.tables.map((t) => [t.id, t]));
  for (const r of result.relations) {
    if (!HOLDS_REFERENCE.has(r.kind)) continue;
    const from = declared.ownerOfTable.get(r.from);
    const to = declared.ownerOfTable.get(r.to);
    const source = tables.get(r.from);
    const target = tables.get(r.to);
    if (!from || !to || !source || !target || from === to) continue;
    const where = r.declaredIn ?? source.declaredIn ?? '';
    const colon = where.lastIndexOf(':');
    const file = colon > 0 ? where.slice(0, colon) : where;
    const line = colon > 0 ? Number(where.slice(colon + 1)) || 1 : 1;
    const fromLabel = tableLabel(source, from);
    const toLabel = tableLabel(target, to);
    out.add({
      kind: 'foreign-key',
      from,
      to,
      id: `foreign-key:${from}→${to}:${fromLabel}→${toLabel}`,
      file,
      line,
      message: `${fromLabel}${r.field ? `.${r.field}` : ''} references ${toLabel} across services (${r.kind})`,
      subject: { service: to, table: { id: target.id, name: target.name, owner: to } },
    });
  }
}
