/**
 * Cycles between declared services: each strongly connected group of two or
 * more services, from runtime code dependencies (type-only imports vanish at
 * build time and are left out).
 */
import type { AnalysisResult } from '../model/result.js';
import { compareStrings } from '../util/sort.js';
import { firstLine, type EdgeEntries } from './code-violations.js';
import type { DeclaredBoundaries } from './declared-boundaries.js';
import type { ViolationCollector } from './violation-collector.js';

interface Site {
  file: string;
  line: number;
  target: string;
}

export function findServiceCycles(
  result: Pick<AnalysisResult, 'edges'>,
  declared: DeclaredBoundaries,
  edgeEntries: EdgeEntries,
  out: ViolationCollector,
): void {
  const next = new Map<string, Map<string, Site>>();
  for (const e of result.edges) {
    if (e.kind === 'type-only') continue;
    const from = declared.serviceOfFile.get(e.from);
    const to = declared.serviceOfFile.get(e.to);
    if (!from || !to || from === to) continue;
    let m = next.get(from);
    if (!m) next.set(from, (m = new Map()));
    const site = { file: e.from, line: firstLine(edgeEntries(e.from, e.to)), target: e.to };
    const seen = m.get(to);
    if (!seen || compareStrings(site.file, seen.file) < 0 || (site.file === seen.file && site.line < seen.line)) m.set(to, site);
  }
  for (const group of stronglyConnected([...declared.services.keys()], (s) => [...(next.get(s)?.keys() ?? [])].sort(compareStrings))) {
    if (group.length < 2) continue;
    const members = new Set(group);
    // Point at the first edge inside the group, from its first service.
    const [first] = group;
    const [to, site] = [...next.get(first)!].filter(([t]) => members.has(t)).sort((a, b) => compareStrings(a[0], b[0]))[0];
    out.add({
      kind: 'service-cycle',
      from: first,
      to: group.join('→'),
      id: `service-cycle:${group.join(',')}`,
      file: site.file,
      line: site.line,
      message: `services ${group.join(', ')} depend on each other in a cycle (here ${first} → ${to} through ${site.target})`,
      subject: { service: to },
    });
  }
}

/** Tarjan's algorithm; each group sorted by name, groups in discovery order over sorted nodes. */
function stronglyConnected(nodes: string[], next: (n: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      groups.push(group.sort(compareStrings));
    }
  };
  for (const n of [...nodes].sort(compareStrings)) if (!index.has(n)) visit(n);
  return groups;
}
