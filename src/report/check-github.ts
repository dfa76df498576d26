/** GitHub Actions workflow commands: `::error file=…,line=…::…` for what fails, `::warning` for warnings. */
import type { CheckReport } from '../model/check-result.js';
import { formatFigure } from './format-figure.js';

// https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts: the escaping the runner undoes.
const data = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s: string): string => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatCheckGithub(report: CheckReport): string {
  const out: string[] = [];
  for (const v of report.violations) {
    if (v.severity === 'error' && v.status === 'known') continue;
    const command = v.severity === 'error' ? 'error' : 'warning';
    out.push(`::${command} file=${prop(v.file)},line=${v.line},title=${prop(`carve ${v.kind}`)}::${data(`${v.message} [${v.id}]`)}`);
  }
  for (const id of report.stale)
    out.push(
      `::error title=${prop('carve stale baseline entry')}::${data(`fixed but still in ${report.baseline.file}: ${id} — run carve check --update-baseline`)}`,
    );
  for (const f of report.figureFindings) {
    const text =
      f.source === 'threshold'
        ? `${f.metric} ${formatFigure(f.value)} is over its threshold ${formatFigure(f.limit)}`
        : `${f.metric} got worse: ${formatFigure(f.limit)} → ${formatFigure(f.value)}`;
    out.push(`::error title=${prop(`carve ${f.source}`)}::${data(text)}`);
  }
  const n = report.counts;
  out.push(`${n.known} known, ${n.new} new, ${n.fixed} fixed`);
  return out.join('\n');
}
