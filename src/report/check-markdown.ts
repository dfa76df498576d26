/**
 * `carve check` as Markdown, for $GITHUB_STEP_SUMMARY and PR comments: the
 * verdict, the tally, what fails, a small Mermaid service diagram. Always
 * under 60,000 characters (GitHub's comment limit is 65,536): long lists are
 * cut and counted.
 */
import type { CheckReport, Violation } from '../model/check-result.js';
import { mermaidServiceMap } from './mermaid-services.js';
import { formatFigure } from './format-figure.js';

export const MARKDOWN_LIMIT = 60_000;
const MAX_SERVICES_IN_DIAGRAM = 30;
const MAX_DEPENDENCIES_IN_DIAGRAM = 40;

/** Text from the analysed code inside a table cell: no markup, no cell breaks. */
const cell = (s: string): string =>
  s
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`)
    .slice(0, 300);

function violationRows(vs: Violation[], budget: number): string[] {
  const rows = ['| | where | kind | what |', '|---|---|---|---|'];
  let used = rows.join('\n').length;
  let shown = 0;
  for (const v of vs) {
    const row = `| ${v.severity === 'warn' ? '⚠️' : v.status === 'new' ? '❌' : '·'} | ${cell(`${v.file}:${v.line}`)} | ${v.kind} | ${cell(v.message)} |`;
    if (used + row.length + 1 > budget) break;
    rows.push(row);
    used += row.length + 1;
    shown++;
  }
  if (shown < vs.length) rows.push('', `… and ${vs.length - shown} more — \`carve check --format json\` lists them all.`);
  return rows;
}

export function formatCheckMarkdown(report: CheckReport): string {
  const n = report.counts;
  const head = [
    `## carve check: ${report.passed ? '✅ passed' : '❌ failed'}`,
    '',
    `**${n.known} known, ${n.new} new, ${n.fixed} fixed**${n.warnings ? `, ${n.warnings} warnings` : ''} · ${report.boundariesDeclared ? `${report.map.services.length} declared services` : 'no boundaries declared (figures only)'}${report.affected ? ` · files changed since \`${cell(report.affected.rev)}\`: ${report.affected.changedFiles}` : ''}`,
    '',
  ];
  const figures = [
    '| figure | value | limit |',
    '|---|---|---|',
    ...Object.entries(report.figures).map(([metric, value]) => {
      const f = report.figureFindings.find((x) => x.metric === metric);
      return `| ${metric} | ${formatFigure(value)} | ${f ? `❌ ${f.source} ${formatFigure(f.limit)}` : ''} |`;
    }),
    '',
  ];
  const notes: string[] = [];
  const c = report.coverage;
  if (c.unassignedFiles) notes.push(`- Not checked: ${c.unassignedFiles} files are in no boundary.`);
  if (c.unownedTables.length) notes.push(`- Not checked: ${c.unownedTables.length} tables have no owner.`);
  if (c.inferredOwners.length) notes.push(`- ${c.inferredOwners.length} tables have an inferred owner; declare them in \`tables\`.`);
  if (!report.baseline.found)
    notes.push(`- No baseline: every violation counts as new. Adopt today's state with \`carve check --update-baseline\`.`);

  const diagram: string[] = [];
  if (report.map.services.length) {
    const many = report.map.services.length > MAX_SERVICES_IN_DIAGRAM;
    diagram.push(
      `### Services (${report.map.source === 'boundaries' ? 'declared' : "carve's proposal"})`,
      '',
      '```mermaid',
      ...mermaidServiceMap(report.map, {
        tables: false,
        maxDependencies: MAX_DEPENDENCIES_IN_DIAGRAM,
        maxServices: MAX_SERVICES_IN_DIAGRAM,
      }),
      '```',
      '',
      ...(many
        ? [
            `_The ${MAX_SERVICES_IN_DIAGRAM} most connected of ${report.map.services.length} services; \`carve export --format mermaid\` draws them all._`,
            '',
          ]
        : []),
    );
  }

  const stale = report.stale.length
    ? [
        `### Stale baseline entries (${report.stale.length})`,
        '',
        'Fixed but still listed; run `carve check --update-baseline`:',
        '',
        ...report.stale.slice(0, 50).map((id) => `- \`${id.replace(/`/g, "'")}\``),
        ...(report.stale.length > 50 ? [`- … and ${report.stale.length - 50} more`] : []),
        '',
      ]
    : [];

  const fixedParts = [...head, ...figures, ...notes, ...(notes.length ? [''] : []), ...diagram, ...stale].join('\n');
  const failing = report.violations.filter((v) => v.status === 'new' || v.severity === 'warn');
  const known = report.violations.filter((v) => v.severity === 'error' && v.status === 'known');
  let budget = MARKDOWN_LIMIT - fixedParts.length - 500;
  const sections: string[] = [];
  if (failing.length) {
    const rows = violationRows(failing, Math.max(0, budget - 100));
    sections.push(`### New violations and warnings (${failing.length})`, '', ...rows, '');
    budget -= rows.join('\n').length + 100;
  }
  if (known.length) {
    const rows = violationRows(known, Math.max(0, Math.min(budget, 15_000)));
    sections.push('<details><summary>Known violations (' + known.length + ')</summary>', '', ...rows, '', '</details>', '');
  }
  return `${[...head, ...sections, ...figures, ...notes, ...(notes.length ? [''] : []), ...diagram, ...stale].join('\n').trimEnd()}\n`;
}
