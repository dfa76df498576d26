/** The console report: one block per size, then one summary table across sizes. */
import type { SizeResult } from './size-result.js';

const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const mb = (n: number): string => `${n} MB`;
const x = (n: number | null): string => (n === null ? '—' : `${n.toFixed(2)}×`);

export function formatSize(r: SizeResult): string {
  const c = r.carve;
  const shares = Object.entries(c.cold.sharesPct)
    .map(([phase, pct]) => `${phase} ${pct}%`)
    .join(' · ');
  const warmPhases = Object.entries(c.warm.phasesMs)
    .map(([phase, ms]) => `${phase} ${s(ms)}`)
    .join(' · ');
  const rows: [string, string, string, string][] = [
    ['carve cold', s(c.cold.wallMs), s(c.cold.cpuMs), mb(c.cold.peakRssMb)],
    ['carve warm (1% changed)', `${s(c.warm.wallMs)} (${c.warm.pctOfCold}% of cold)`, s(c.warm.cpuMs), mb(c.warm.peakRssMb)],
    [
      'parse limit',
      `${s(r.parseLimit.wallMs)} (in-process ${s(r.parseLimit.inProcessMs)})`,
      s(r.parseLimit.cpuMs),
      mb(r.parseLimit.peakRssMb),
    ],
    'failed' in r.depcruise
      ? ['dependency-cruiser 17', r.depcruise.failed, '—', '—']
      : ['dependency-cruiser 17', s(r.depcruise.wallMs), s(r.depcruise.cpuMs), mb(r.depcruise.peakRssMb)],
  ];
  const width = Math.max(...rows.map((row) => row[1].length));
  const cpuWidth = Math.max(...rows.map((row) => row[2].length));
  const what = r.source ? `${r.source.repo}@${r.source.commit.slice(0, 10)} ${r.source.path}` : `${r.monolith.domains} domains`;
  const rss = Object.entries(c.cold.phaseRssPeakMb ?? {})
    .map(([phase, peak]) => `${phase} ${mb(peak)}`)
    .join(' · ');
  return [
    `${r.name}: ${r.monolith.files.toLocaleString('en-US')} files, ${r.monolith.lines.toLocaleString('en-US')} lines, ${what} — median of ${r.runs}`,
    ...rows.map(([name, time, cpu, rss]) => `  ${name.padEnd(24)} wall ${time.padEnd(width)}  cpu ${cpu.padEnd(cpuWidth)}  peak ${rss}`),
    `  carve cold phases: ${shares}  (other includes start-up: carve --version takes ${s(c.cold.startupMs)}, cpu ${s(c.cold.startupCpuMs)})`,
    `  carve cold peak RSS by the end of: ${rss}`,
    `  carve warm phases: ${warmPhases}`,
    `  wall: carve ÷ parse limit ${x(r.ratios.carveToParseLimit)}   carve ÷ dependency-cruiser ${x(r.ratios.carveToDepcruise)}   warm ÷ cold ${x(r.ratios.warmToCold)}`,
    `  cpu:  carve ÷ parse limit ${x(r.ratios.cpu.carveToParseLimit)}   carve ÷ dependency-cruiser ${x(r.ratios.cpu.carveToDepcruise)}   warm ÷ cold ${x(r.ratios.cpu.warmToCold)}`,
    `  carve read ${c.analysed.files} files, ${c.analysed.edges} edges, ${c.analysed.unresolvedImports} unresolved imports, ${c.analysed.tables} tables, ${c.analysed.accesses} accesses; warm cache ${c.warm.cache.hits} hits / ${c.warm.cache.misses} misses`,
  ].join('\n');
}

export function formatSummary(results: readonly SizeResult[]): string {
  const header = [
    'corpus',
    'files',
    'lines',
    'carve cold',
    'warm',
    'peak RSS',
    'parse limit',
    'depcruise',
    'carve÷parse',
    'carve÷depcruise',
    'same, CPU time',
  ];
  const rows = results.map((r) => [
    r.source ? r.source.name : 'synthetic',
    r.monolith.files.toLocaleString('en-US'),
    r.monolith.lines.toLocaleString('en-US'),
    s(r.carve.cold.wallMs),
    `${s(r.carve.warm.wallMs)} (${r.carve.warm.pctOfCold}%)`,
    mb(r.carve.cold.peakRssMb),
    s(r.parseLimit.wallMs),
    'failed' in r.depcruise ? r.depcruise.failed : s(r.depcruise.wallMs),
    x(r.ratios.carveToParseLimit),
    x(r.ratios.carveToDepcruise),
    `${x(r.ratios.cpu.carveToParseLimit)} / ${x(r.ratios.cpu.carveToDepcruise)}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
