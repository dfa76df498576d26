/** Terminal lines about the code graph: size, edges by kind, what could not be read or resolved, coupling hot spots. */
import type { AnalysisResult } from '../model/result.js';
import { compareStrings } from '../util/sort.js';

const TOP_FOLDERS = 5;

/** Folders ranked by the weight of dependencies that cross their boundary. */
export function folderCoupling(result: AnalysisResult): { folder: string; outbound: number; inbound: number }[] {
  const folderOf = new Map(result.units.map((u) => [u.id, u.folder]));
  const stats = new Map<string, { outbound: number; inbound: number }>();
  const get = (f: string) => stats.get(f) ?? stats.set(f, { outbound: 0, inbound: 0 }).get(f)!;
  for (const e of result.edges) {
    const a = folderOf.get(e.from);
    const b = folderOf.get(e.to);
    if (!a || !b || a === b) continue;
    get(a).outbound += e.weight;
    get(b).inbound += e.weight;
  }
  return [...stats.entries()]
    .map(([folder, s]) => ({ folder, outbound: Math.round(s.outbound), inbound: Math.round(s.inbound) }))
    .sort((x, y) => y.inbound + y.outbound - (x.inbound + x.outbound) || compareStrings(x.folder, y.folder));
}

export function formatCodeSummary(result: AnalysisResult): string[] {
  const s = result.summary;
  const kinds = Object.entries(s.edgesByKind)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const lines = [
    `Code: ${s.files} files, ${s.lines.toLocaleString('en-US')} lines, ${result.edges.length} edges (${kinds || 'none'}), ${s.entryPoints} entry points`,
  ];
  if (s.workspaces.length) lines.push(`  workspaces: ${s.workspaces.map((w) => w.name).join(', ')}`);
  if (s.unresolvedImports) {
    const sample = result.unresolvedImports.slice(0, 3).map((u) => `${u.from}:${u.line} '${u.specifier}'`);
    lines.push(`  unresolved imports: ${s.unresolvedImports} (e.g. ${sample.join('; ')})`);
    // A cause carve can name (a missing tsconfig base, a workspace package without source) is said with its count.
    const byHint = new Map<string, number>();
    for (const u of result.unresolvedImports) if (u.hint) byHint.set(u.hint, (byHint.get(u.hint) ?? 0) + 1);
    for (const [hint, n] of [...byHint].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0])))
      lines.push(`  warning: ${n} unresolved ${n === 1 ? 'import' : 'imports'}: ${hint}`);
  }
  if (s.parseErrors.length) lines.push(`  files with syntax errors: ${s.parseErrors.length} (analysed as far as they parse)`);
  if (s.skipped.length) {
    lines.push(
      `  skipped: ${s.skipped.length} (${s.skipped
        .slice(0, 3)
        .map((x) => `${x.path}: ${x.reason}`)
        .join('; ')})`,
    );
  }
  const top = folderCoupling(result).slice(0, TOP_FOLDERS);
  if (top.length) {
    lines.push('  most coupled folders (weight in / out):');
    for (const f of top) lines.push(`    ${f.folder.padEnd(40)} ${String(f.inbound).padStart(6)} / ${f.outbound}`);
  }
  return lines;
}
