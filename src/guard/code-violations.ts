/**
 * Code crossing a declared boundary: an import or injection of another
 * service's non-API file, a dependency not in `dependsOn`, a deprecated one.
 */
import type { AnalysisResult } from '../model/result.js';
import type { DeclaredBoundaries } from './declared-boundaries.js';
import type { ViolationCollector } from './violation-collector.js';

export type EdgeLine = (from: string, to: string) => number | undefined;

export function findCodeViolations(result: Pick<AnalysisResult, 'edges'>, declared: DeclaredBoundaries, edgeLine: EdgeLine, out: ViolationCollector): void {
  for (const e of result.edges) {
    const from = declared.serviceOfFile.get(e.from);
    const to = declared.serviceOfFile.get(e.to);
    if (!from || !to || from === to) continue;
    const source = declared.services.get(from)!;
    const target = declared.services.get(to)!;
    const line = edgeLine(e.from, e.to) ?? 1;
    const how = e.kind === 'di' ? 'injects' : 'imports';
    if (!target.isApi(e.to)) {
      out.add({
        kind: 'api-import',
        from,
        to,
        id: `api-import:${from}→${to}:${e.to}:${e.from}`,
        file: e.from,
        line,
        message: `${e.from} ${how} ${e.to}, which is not in the API of ${to}`,
        subject: { service: to, file: e.to },
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
