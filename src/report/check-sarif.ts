/**
 * SARIF 2.1.0 for code scanning: one result per violation (`ruleId`, message,
 * location relative to the repository root), the carve identity as a partial
 * fingerprint, and `baselineState` from the ratchet. Stale entries and figures
 * are results without a location.
 */
import type { CheckReport } from '../model/check-result.js';
import { formatFigure } from './format-figure.js';
import { CHECK_RULES, VIOLATION_RULES } from './violation-rules.js';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export function formatCheckSarif(report: CheckReport): string {
  const rules = [...Object.entries(VIOLATION_RULES), ...Object.entries(CHECK_RULES)].map(([id, r]) => ({
    id,
    name: r.name,
    shortDescription: { text: r.description },
    defaultConfiguration: { level: id === 'deprecated-dependency' ? 'warning' : 'error' },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results: unknown[] = report.violations.map((v) => ({
    ruleId: v.kind,
    ruleIndex: ruleIndex.get(v.kind),
    level: v.severity === 'error' ? 'error' : 'warning',
    message: { text: v.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeUri(v.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: Math.max(1, v.line) },
        },
      },
    ],
    partialFingerprints: { carveIdentity: v.id },
    baselineState: v.status === 'known' ? 'unchanged' : 'new',
  }));
  for (const id of report.stale)
    results.push({
      ruleId: 'stale-baseline-entry',
      ruleIndex: ruleIndex.get('stale-baseline-entry'),
      level: 'error',
      message: { text: `Fixed but still listed in ${report.baseline.file}: ${id}` },
      partialFingerprints: { carveIdentity: `stale:${id}` },
      baselineState: 'absent',
    });
  for (const f of report.figureFindings) {
    const ruleId = f.source === 'threshold' ? 'figure-threshold' : 'figure-baseline';
    results.push({
      ruleId,
      ruleIndex: ruleIndex.get(ruleId),
      level: 'error',
      message: {
        text:
          f.source === 'threshold'
            ? `${f.metric} ${formatFigure(f.value)} > ${formatFigure(f.limit)}`
            : `${f.metric} ${formatFigure(f.limit)} → ${formatFigure(f.value)}`,
      },
    });
  }
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'carve', version: report.tool.version, rules } },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The analysed repository root' } } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A relative POSIX path as a URI reference: each segment percent-encoded. */
function encodeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}
