/**
 * The README's "Use in CI" workflows, run as written: every `npx carve …` line
 * of the GitHub Actions and GitLab CI blocks, in a clone of a real repository
 * whose pull request adds a violation.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { gitRepoFrom } from '../helpers/git-repo.js';
import { repoRoot } from '../helpers/project.js';

const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const ci = readme.slice(readme.indexOf('## Use in CI'), readme.indexOf('## The result'));

/** The `npx carve` commands of the yaml block after `heading`, each with what follows it on its line. */
function carveLines(heading: string): string[] {
  const block = ci.slice(ci.indexOf(heading)).split('```yaml')[1].split('```')[0];
  return block
    .split('\n')
    .map((l) => l.replace(/^\s*(- )?(run: )?(- )?/, '').trim())
    .filter((l) => l.startsWith('npx carve '));
}

function sh(line: string, cwd: string, env: Record<string, string>): { code: number; stdout: string; stderr: string } {
  const command = line.replace(/^npx carve /, `"${process.execPath}" "${path.join(repoRoot, 'dist/cli/main.js')}" `);
  const r = spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8', env: { ...process.env, CI: '1', ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('the README CI workflows', () => {
  let work: string;
  beforeAll(() => {
    const origin = gitRepoFrom('ci-parcels');
    expect(runCli(['check', origin.dir, '--quiet', '--update-baseline']).code).toBe(0);
    origin.commit('adopt carve check');
    work = path.join(mkdtempSync(path.join(tmpdir(), 'carve-clone-')), 'work');
    execFileSync('git', ['clone', '-q', origin.dir, work]);
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@carve.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: work });
    git('checkout', '-q', '-b', 'feature');
    const repo = path.join(work, 'src/shipping/shipment.repository.ts');
    const text = readFileSync(repo, 'utf8').replace(
      /\n}\n$/,
      "\n\n  closeOrder(orderId: string) {\n    return prisma.order.update({ where: { id: orderId }, data: { status: 'closed' } });\n  }\n}\n",
    );
    writeFileSync(repo, text);
    git('commit', '-q', '-am', 'shipping closes orders');
  });

  it('has the commands this test runs', () => {
    expect(carveLines('### GitHub Actions')).toHaveLength(2);
    expect(carveLines('### GitLab CI')).toHaveLength(1);
  });

  it('GitHub: the pull request check fails with an annotation, a markdown summary and valid SARIF', () => {
    const [prCheck] = carveLines('### GitHub Actions');
    const r = sh(prCheck, work, { GITHUB_BASE_REF: 'main' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=src\/shipping\/shipment\.repository\.ts,line=9,title=carve table-write::/m);
    expect(r.stdout).toMatch(/^0 known, 1 new, 0 fixed$/m); // --affected: the known foreign key lies in an unchanged file
    const md = readFileSync(path.join(work, 'carve-summary.md'), 'utf8');
    expect(md).toContain('## carve check: ❌ failed');
    const sarif = JSON.parse(readFileSync(path.join(work, 'carve.sarif'), 'utf8')) as {
      runs: { results: { ruleId: string; locations?: unknown[] }[] }[];
    };
    const results = sarif.runs[0].results;
    expect(results.filter((x) => x.locations).map((x) => x.ruleId)).toEqual(['table-write']); // --affected: the foreign key is elsewhere
    // The write also makes orders a multi-writer table: worse than the baseline's figure.
    expect(results.filter((x) => !x.locations).map((x) => x.ruleId)).toContain('figure-baseline');
    expect(r.stdout).toMatch(/^::error title=carve baseline::multiWriterTables got worse: 0 → 1$/m);
  });

  it('GitHub: the main-branch job records the trend and writes the summary', () => {
    const trend = carveLines('### GitHub Actions')[1];
    const summary = path.join(work, 'summary.md');
    execFileSync('git', ['checkout', '-q', 'main'], { cwd: work });
    const r = sh(trend, work, { GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(0);
    expect(readFileSync(summary, 'utf8')).toContain('## carve check: ✅ passed');
    expect(readFileSync(path.join(work, 'carve-history.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
    execFileSync('git', ['checkout', '-q', 'feature'], { cwd: work });
  });

  it('GitLab: the merge request check fails and leaves its artifacts', () => {
    const [mrCheck] = carveLines('### GitLab CI');
    const r = sh(mrCheck, work, { CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('table-write:shipping→orders:orders.orders:src/shipping/shipment.repository.ts');
    expect(existsSync(path.join(work, 'carve-summary.md'))).toBe(true);
    const json = JSON.parse(readFileSync(path.join(work, 'carve-check.json'), 'utf8')) as { counts: object };
    expect(json.counts).toEqual({ known: 0, new: 1, fixed: 0, warnings: 0 });
  });
});
