/** The CI formats of `carve check`, from one real check of the shop fixture with declared boundaries. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/model/check-result.js';
import { formatCheckGithub } from '../../src/report/check-github.js';
import { formatCheckMarkdown } from '../../src/report/check-markdown.js';
import { formatCheckSarif } from '../../src/report/check-sarif.js';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/project.js';
import { shopWithBoundaries } from '../helpers/shop-boundaries.js';

const readJson = (file: string): object => JSON.parse(readFileSync(file, 'utf8')) as object;

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string }[] } };
    results: {
      ruleId: string;
      level: string;
      message: { text: string };
      locations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
      partialFingerprints?: Record<string, string>;
    }[];
  }[];
}

describe('carve check formats', () => {
  let dir: string;
  let report: CheckReport;
  let sarifText: string;
  beforeAll(() => {
    dir = shopWithBoundaries();
    const json = runCli(['check', dir, '--format', 'json', '--no-cache', '--quiet']);
    expect(json.code).toBe(1);
    report = JSON.parse(json.stdout) as CheckReport;
    const sarif = runCli(['check', dir, '--format', 'sarif', '--no-cache', '--quiet']);
    expect(sarif.code).toBe(1);
    sarifText = sarif.stdout;
  });

  it('finds every kind of violation the shop has, each with a location', () => {
    const kinds = new Set(report.violations.map((v) => v.kind));
    expect([...kinds].sort()).toEqual([
      'api-import',
      'cross-service-transaction',
      'deprecated-dependency',
      'foreign-key',
      'table-read',
      'table-write',
    ]);
    expect(report.violations.find((v) => v.kind === 'deprecated-dependency')).toMatchObject({
      severity: 'warn',
      from: 'orders',
      to: 'payments',
    });
    expect(report.counts.warnings).toBeGreaterThan(0);
    for (const v of report.violations) {
      expect(v.line).toBeGreaterThanOrEqual(1);
      expect(v.id).not.toMatch(/:\d+(:|$)/); // no line numbers in identities
    }
  });

  it('json validates against the published schema/check.schema.json', () => {
    const validate = new Ajv2020({ strict: false }).compile(readJson(path.join(repoRoot, 'schema/check.schema.json')));
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  });

  it('SARIF is valid 2.1.0 (vendored OASIS schema) with rules, ruleIds, relative URIs and start lines', () => {
    const ajv = new Ajv({ strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(readJson(path.join(repoRoot, 'test/fixtures/vendor/sarif-schema-2.1.0.json')));
    const log = JSON.parse(sarifText) as SarifLog;
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(sarifText).toBe(formatCheckSarif(report));
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('carve');
    const ruleIds = new Set(run.tool.driver.rules.map((r) => r.id));
    const located = run.results.filter((r) => r.locations);
    expect(located).toHaveLength(report.violations.length);
    for (const r of located) {
      expect(ruleIds.has(r.ruleId)).toBe(true);
      const loc = r.locations![0].physicalLocation;
      expect(loc.artifactLocation.uri).not.toMatch(/^\/|^file:|\\/);
      expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
    }
    const write = report.violations.find((v) => v.kind === 'table-write')!;
    const result = located.find((r) => r.partialFingerprints?.carveIdentity === write.id)!;
    expect(result).toMatchObject({ ruleId: 'table-write', level: 'error', message: { text: write.message } });
    expect(result.locations![0].physicalLocation).toEqual({
      artifactLocation: { uri: write.file, uriBaseId: '%SRCROOT%' },
      region: { startLine: write.line },
    });
  });

  it('github prints an ::error per new violation and a ::warning per warning, with file and line', () => {
    const lines = formatCheckGithub(report).split('\n');
    const errors = lines.filter((l) => l.startsWith('::error file='));
    const warnings = lines.filter((l) => l.startsWith('::warning file='));
    expect(errors).toHaveLength(report.counts.new);
    expect(warnings).toHaveLength(report.counts.warnings);
    const write = report.violations.find((v) => v.kind === 'table-write')!;
    expect(errors).toContain(`::error file=${write.file},line=${write.line},title=carve table-write::${write.message} [${write.id}]`);
    expect(lines.at(-1)).toBe(`0 known, ${report.counts.new} new, 0 fixed`);
  });

  it('github escapes what would end or forge a workflow command', () => {
    const v = {
      ...report.violations[0],
      file: 'src/a,b:c.ts',
      message: 'one\ntwo %0A ::error::forged',
      status: 'new' as const,
      severity: 'error' as const,
    };
    const out = formatCheckGithub({ ...report, violations: [v], stale: [], figureFindings: [] });
    expect(out.split('\n')[0]).toBe(
      `::error file=src/a%2Cb%3Ac.ts,line=${v.line},title=carve ${v.kind}::one%0Atwo %250A ::error::forged [${v.id}]`,
    );
  });

  it('markdown has the tally, the failing rows and a Mermaid service diagram', () => {
    const md = formatCheckMarkdown(report);
    expect(md).toContain(`**0 known, ${report.counts.new} new, 0 fixed**`);
    expect(md).toContain('## carve check: ❌ failed');
    expect(md).toMatch(/```mermaid\nflowchart LR\n/);
    expect(md).toContain('s5_shipping["shipping (10 files)"]');
    expect(md).toContain('s5_shipping -->|"1 table"| s3_orders'); // shipping reads and writes orders.orders
    expect(md).toMatch(/s3_orders -->\|"\d+, 1 table"\| s4_payments/);
    const write = report.violations.find((v) => v.kind === 'table-write')!;
    expect(md).toContain(`| ❌ | ${write.file}:${write.line} | table-write |`);
  });
});
