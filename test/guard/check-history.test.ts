/**
 * `carve check` on a real git history: fixtures/ci-parcels in a temp
 * repository, evolved commit by commit, as a team's pull requests would.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/model/check-result.js';
import { runCli } from '../helpers/cli.js';
import { gitRepoFrom, type GitRepo } from '../helpers/git-repo.js';

const FK = 'foreign-key:billing→orders:billing.invoices→orders.orders';
const INTERNAL_IMPORT = 'api-import:shipping→orders:src/orders/internal/pricing.ts:src/shipping/shipping.service.ts';
const TABLE_WRITE = 'table-write:shipping→orders:orders.orders:src/shipping/shipment.repository.ts';

function check(repo: GitRepo, ...args: string[]): { code: number; report: CheckReport; stderr: string } {
  const r = runCli(['check', repo.dir, '--format', 'json', '--no-cache', '--quiet', ...args]);
  expect(r.stderr).not.toMatch(/internal error/);
  return { code: r.code, report: r.code === 2 ? (undefined as never) : (JSON.parse(r.stdout) as CheckReport), stderr: r.stderr };
}

const ids = (report: CheckReport, status?: 'new' | 'known'): string[] =>
  report.violations.filter((v) => v.severity === 'error' && (!status || v.status === status)).map((v) => v.id);
const baselineIds = (repo: GitRepo): string[] => (JSON.parse(repo.read('carve-baseline.json')) as { violations: string[] }).violations;

describe('carve check ratchets by identity over a git history', () => {
  let repo: GitRepo;
  beforeAll(() => {
    repo = gitRepoFrom('ci-parcels');
    repo.commit('the parcel shop');
  });

  it('fails without a baseline, then adopts today’s state with --update-baseline', () => {
    const first = check(repo);
    expect(first.code).toBe(1);
    expect(ids(first.report, 'new')).toEqual([FK]);
    expect(first.report.baseline.found).toBe(false);

    const adopted = check(repo, '--update-baseline');
    expect(adopted.code).toBe(0);
    expect(adopted.stderr).toMatch(/wrote .*carve-baseline\.json \(1 known violations\)/);
    expect(baselineIds(repo)).toEqual([FK]);
    repo.commit('adopt carve check');

    const again = runCli(['check', repo.dir, '--no-cache', '--quiet']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^1 known, 0 new, 0 fixed$/m);
  });

  it('a new import of another service’s internal file fails with its identity and location', () => {
    repo.write(
      'src/shipping/shipping.service.ts',
      repo
        .read('src/shipping/shipping.service.ts')
        .replace(
          "import { prisma } from '../db';",
          "import { priceOf } from '../orders/internal/pricing';\nimport { prisma } from '../db';",
        ) + '\nexport const shippingFee = (weights: number[]) => priceOf(weights);\n',
    );
    repo.commit('shipping prices parcels with the orders pricing');
    const r = check(repo);
    expect(r.code).toBe(1);
    expect(ids(r.report, 'new')).toEqual([INTERNAL_IMPORT]);
    const v = r.report.violations.find((x) => x.id === INTERNAL_IMPORT)!;
    expect(`${v.file}:${v.line}`).toBe('src/shipping/shipping.service.ts:1');
    expect(v.kind).toBe('api-import');
    expect(r.report.counts).toEqual({ known: 1, new: 1, fixed: 0, warnings: 0 });

    const text = runCli(['check', repo.dir, '--no-cache', '--quiet']);
    expect(text.stdout).toContain(`NEW   src/shipping/shipping.service.ts:1  api-import:`);
    expect(text.stdout).toContain(INTERNAL_IMPORT);
    expect(text.stdout).toMatch(/^1 known, 1 new, 0 fixed$/m);
  });

  it('a new write to a table another service owns fails with its identity and location', () => {
    repo.write(
      'src/shipping/shipment.repository.ts',
      repo
        .read('src/shipping/shipment.repository.ts')
        .replace(
          /\n}\n$/,
          "\n\n  closeOrder(orderId: string) {\n    return prisma.order.update({ where: { id: orderId }, data: { status: 'closed' } });\n  }\n}\n",
        ),
    );
    const before = repo.git('rev-parse', 'HEAD').trim();
    repo.commit('shipping closes orders itself');
    const r = check(repo);
    expect(r.code).toBe(1);
    expect(ids(r.report, 'new').sort()).toEqual([INTERNAL_IMPORT, TABLE_WRITE]);
    const v = r.report.violations.find((x) => x.id === TABLE_WRITE)!;
    expect(`${v.file}:${v.line}`).toBe('src/shipping/shipment.repository.ts:9');
    expect(v).toMatchObject({ kind: 'table-write', from: 'shipping', to: 'orders' });

    // --affected: the whole graph is analysed, only violations in changed files are listed.
    const affected = check(repo, '--affected', before);
    expect(affected.code).toBe(1);
    expect(affected.report.violations.map((x) => x.id)).toEqual([TABLE_WRITE]);
    expect(affected.report.affected).toEqual({ rev: before, changedFiles: 1, hiddenViolations: 2 });
    const head = check(repo, '--affected', 'HEAD');
    expect(head.report.violations).toEqual([]);
    // The guarded figures are whole-graph: --affected hides violations, not the new multi-writer table.
    expect(head.report.figureFindings.map((f) => f.metric)).toContain('multiWriterTables');
    expect(head.code).toBe(1);
  });

  it('--update-baseline alone does not grow the baseline; with --allow-new it does', () => {
    const shrinkOnly = check(repo, '--update-baseline');
    expect(shrinkOnly.code).toBe(1);
    expect(baselineIds(repo)).toEqual([FK]);
    const usage = runCli(['check', repo.dir, '--allow-new']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('carve: --allow-new only goes with --update-baseline');
    const grown = check(repo, '--update-baseline', '--allow-new');
    expect(grown.code).toBe(0);
    expect(baselineIds(repo)).toEqual([INTERNAL_IMPORT, FK, TABLE_WRITE].sort());
    repo.commit('accept the two for now');
  });

  it('a fixed violation left in the baseline fails as stale; --update-baseline then passes and the file shrinks', () => {
    repo.git('checkout', '-q', 'HEAD~3', '--', 'src/shipping/shipping.service.ts');
    repo.commit('shipping has its own fee');
    const r = check(repo);
    expect(r.code).toBe(1);
    expect(r.report.stale).toEqual([INTERNAL_IMPORT]);
    expect(r.report.counts).toEqual({ known: 2, new: 0, fixed: 1, warnings: 0 });
    const text = runCli(['check', repo.dir, '--no-cache', '--quiet']);
    expect(text.stdout).toContain('Stale: fixed but still listed in carve-baseline.json');
    expect(text.stdout).toContain(`  - ${INTERNAL_IMPORT}`);

    const size = readFileSync(path.join(repo.dir, 'carve-baseline.json')).length;
    const updated = check(repo, '--update-baseline');
    expect(updated.code).toBe(0);
    expect(baselineIds(repo)).toEqual([FK, TABLE_WRITE]);
    expect(readFileSync(path.join(repo.dir, 'carve-baseline.json')).length).toBeLessThan(size);
  });

  it('thresholds fail with their numbers', () => {
    const config = JSON.parse(repo.read('carve.config.json')) as Record<string, unknown>;
    repo.write('carve.config.json', JSON.stringify({ ...config, thresholds: { multiWriterTables: 0, icp: 0.9 } }));
    const r = runCli(['check', repo.dir, '--no-cache', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('over threshold: multiWriterTables 1 > 0');
    expect(r.stdout).not.toContain('over threshold: icp');
    repo.write('carve.config.json', JSON.stringify(config));
  });
});
