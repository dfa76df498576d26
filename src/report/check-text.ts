/** `carve check` in the terminal: failing violations first, then known ones, stale entries, figures, coverage, the tally. */
import type { CheckReport, Violation } from '../model/check-result.js';
import { escapeTerminal } from '../util/terminal-text.js';
import { formatFigure } from './format-figure.js';

const MAX_KNOWN = 20;

function violationLine(v: Violation): string[] {
  const tag = v.severity === 'warn' ? 'warn ' : v.status === 'new' ? 'NEW  ' : 'known';
  return [`  ${tag} ${escapeTerminal(`${v.file}:${v.line}`)}  ${v.kind}: ${escapeTerminal(v.message)}`, `        ${escapeTerminal(v.id)}`];
}

export function formatCheckText(report: CheckReport): string {
  const lines: string[] = [];
  const failing = report.violations.filter((v) => v.severity === 'error' && v.status === 'new');
  const known = report.violations.filter((v) => v.severity === 'error' && v.status === 'known');
  const warnings = report.violations.filter((v) => v.severity === 'warn');
  const scope = report.boundariesDeclared ? `${report.map.services.length} declared services` : 'no boundaries declared: figures only';
  lines.push(`carve check ${escapeTerminal(report.project)} — ${scope}`);
  if (report.affected)
    lines.push(
      `affected since ${escapeTerminal(report.affected.rev)}: ${report.affected.changedFiles} changed files; ${report.affected.hiddenViolations} violations elsewhere not listed`,
    );
  if (failing.length) lines.push('', 'New violations (fail):', ...failing.flatMap(violationLine));
  if (report.stale.length)
    lines.push(
      '',
      `Stale: fixed but still listed in ${escapeTerminal(report.baseline.file)} (fail; run carve check --update-baseline):`,
      ...report.stale.map((id) => `  - ${escapeTerminal(id)}`),
    );
  if (warnings.length) lines.push('', 'Warnings:', ...warnings.flatMap(violationLine));
  if (known.length) {
    lines.push('', `Known (in ${escapeTerminal(report.baseline.file)}):`, ...known.slice(0, MAX_KNOWN).flatMap(violationLine));
    if (known.length > MAX_KNOWN) lines.push(`  … and ${known.length - MAX_KNOWN} more`);
  }
  lines.push(
    '',
    `Figures: ${Object.entries(report.figures)
      .map(([k, v]) => `${k} ${formatFigure(v)}`)
      .join(', ')}`,
  );
  for (const f of report.figureFindings)
    lines.push(
      f.source === 'threshold'
        ? `  over threshold: ${f.metric} ${formatFigure(f.value)} > ${formatFigure(f.limit)}`
        : `  worse than baseline: ${f.metric} ${formatFigure(f.limit)} → ${formatFigure(f.value)}`,
    );
  const c = report.coverage;
  if (report.boundariesDeclared) {
    if (c.unassignedFiles) lines.push(`Not checked: ${c.unassignedFiles} files are in no boundary and not shared`);
    if (c.unownedTables.length)
      lines.push(
        `Not checked: ${c.unownedTables.length} tables have no owner (${c.unownedTables
          .slice(0, 5)
          .map((t) => escapeTerminal(t))
          .join(', ')}${c.unownedTables.length > 5 ? ', …' : ''})`,
      );
    if (c.inferredOwners.length)
      lines.push(
        `Owner inferred (declare it in \`tables\`): ${c.inferredOwners
          .slice(0, 5)
          .map((t) => `${escapeTerminal(t.table)} → ${escapeTerminal(t.owner)}`)
          .join(', ')}${c.inferredOwners.length > 5 ? ', …' : ''}`,
      );
  }
  if (!report.baseline.found)
    lines.push(
      `No baseline (${escapeTerminal(report.baseline.file)}): every violation is new — adopt today's state with carve check --update-baseline`,
    );
  const n = report.counts;
  lines.push('', `${n.known} known, ${n.new} new, ${n.fixed} fixed${n.warnings ? `, ${n.warnings} warnings` : ''}`);
  lines.push(report.passed ? 'check passed' : 'check FAILED');
  return lines.join('\n');
}
