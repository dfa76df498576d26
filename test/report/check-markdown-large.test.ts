/** On a large repository the markdown summary stays under GitHub's limit by summarising, and still says what fails. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateMonolith } from '../../bench/generate.js';
import type { CheckReport } from '../../src/model/check-result.js';
import { MARKDOWN_LIMIT, formatCheckMarkdown } from '../../src/report/check-markdown.js';
import { runCli } from '../helpers/cli.js';

describe('markdown on a generated 5,000-file monolith', () => {
  let report: CheckReport;
  beforeAll(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'carve-5000-'));
    const { files, plan } = generateMonolith(5000);
    for (const [rel, text] of files) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), text);
    }
    // Every domain a declared service that may depend on none: hundreds of violations.
    const boundaries = Object.fromEntries(
      plan.domains.map((d) => [d.name, { paths: [`src/domains/${d.name}/**`], api: [`src/domains/${d.name}/index.ts`], dependsOn: [] }]),
    );
    writeFileSync(path.join(dir, 'carve.config.json'), JSON.stringify({ shared: ['src/shared/**', 'src/*.ts'], boundaries }));
    const r = runCli(['check', dir, '--format', 'json', '--no-cache', '--quiet']);
    expect(r.code).toBe(1);
    report = JSON.parse(r.stdout) as CheckReport;
  }, 600_000);

  it('stays under 60,000 characters, counts what it leaves out, and keeps the diagram small', () => {
    expect(report.map.services.length).toBe(50);
    expect(report.counts.new).toBeGreaterThan(500);
    const md = formatCheckMarkdown(report);
    expect(md.length).toBeLessThan(MARKDOWN_LIMIT);
    expect(md).toContain(`**0 known, ${report.counts.new} new, 0 fixed**`);
    const shown = md.split('\n').filter((l) => l.startsWith('| ❌ |')).length;
    expect(shown).toBeGreaterThan(50);
    expect(md).toContain(`… and ${report.counts.new - shown} more — \`carve check --format json\` lists them all.`);
    const diagram = md.slice(md.indexOf('```mermaid'), md.indexOf('```', md.indexOf('```mermaid') + 3));
    expect(diagram.split('\n').filter((l) => /^ {2}s\d+_/.test(l) && l.includes('[')).length).toBe(30);
    expect(md).toContain('_The 30 most connected of 50 services;');
  });
});
