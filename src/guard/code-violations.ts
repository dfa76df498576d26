/**
 * Code crossing a declared boundary: an import or injection of another
 * service's non-API file, a dependency not in `dependsOn`, a deprecated one.
 */
import type { AnalysisResult } from '../model/result.js';
import type { DeclaredBoundaries } from './declared-boundaries.js';
import type { ViolationCollector } from './violation-collector.js';

/** The files `from` names that lead to `to` (a barrel, or `to` itself), each with its first line. */
export type EdgeEntries = (from: string, to: string) => { via: string; line: number }[];

/** The first line of an edge, for violations about the dependency as a whole. */
export function firstLine(entries: { line: number }[]): number {
  return entries.length ? Math.min(...entries.map((x) => x.line)) : 1;
}

export function findCodeViolations(
  result: Pick<AnalysisResult, 'edges'>,
  declared: DeclaredBoundaries,
  edgeEntries: EdgeEntries,
  out: ViolationCollector,
): void {
  for (const e of result.edges) {
    const from = declared.serviceOfFile.get(e.from);
    const to = declared.serviceOfFile.get(e.to);
    if (!from || !to || from === to) continue;
    const source = declared.services.get(from)!;
    const target = declared.services.get(to)!;
    const entries = edgeEntries(e.from, e.to);
    const line = firstLine(entries);
    const how = e.kind === 'di' ? 'injects' : 'imports';
    // Through a public barrel is fine: what counts is the file the import names.
    for (const { via, line: at } of entries.length ? entries : [{ via: e.to, line }]) {
      if (target.isApi(via)) continue;
      out.add({
        kind: 'api-import',
        from,
        to,
        id: `api-import:${from}→${to}:${via}:${e.from}`,
        file: e.from,
        line: at,
        message: `${e.from} ${how} ${via}${via === e.to ? '' : ` (for ${e.to})`}, which is not in the API of ${to}`,
        subject: { service: to, file: via },
      });
    }
    if (source.deprecated.has(to)) {
      out.add({
        kind: 'deprecated-dependency',
        from,
        to,
        id: `deprecated-dependency:${from}→${to}:${e.from}`,
        file: e.from,
        line,
        message: `${e.from} depends on ${to}, a deprecated dependency of ${from}`,
        subject: { service: to },
      });
    } else if (source.dependsOn && !source.dependsOn.has(to)) {
      out.add({
        kind: 'undeclared-dependency',
        from,
        to,
        id: `undeclared-dependency:${from}→${to}:${e.from}`,
        file: e.from,
        line,
        message: `${e.from} depends on ${to}, which is not in the dependsOn of ${from}`,
        subject: { service: to },
      });
    }
  }
}
