/** `carve check --record` on main, commit after commit, then `carve trend`. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { gitRepoFrom } from '../helpers/git-repo.js';

describe('carve check --record and carve trend over several commits', () => {
  it('appends one line per check with the commit, its date, the figures and counts; trend draws them', () => {
    const repo = gitRepoFrom('ci-parcels');
    const commits = [repo.commit('the parcel shop', '2026-02-01T10:00:00Z')];
    expect(runCli(['check', repo.dir, '--no-cache', '--quiet', '--record']).code).toBe(1); // the foreign key, no baseline

    repo.write(
      'src/shipping/shipment.repository.ts',
      repo
        .read('src/shipping/shipment.repository.ts')
        .replace(
          /\n}\n$/,
          "\n\n  closeOrder(orderId: string) {\n    return prisma.order.update({ where: { id: orderId }, data: { status: 'closed' } });\n  }\n}\n",
        ),
    );
    commits.push(repo.commit('shipping closes orders', '2026-02-02T10:00:00Z'));
    runCli(['check', repo.dir, '--no-cache', '--quiet', '--record']);

    repo.remove('src/shipping/shipment.repository.ts');
    commits.push(repo.commit('shipping forgets about orders', '2026-02-03T10:00:00Z'));
    const last = runCli(['check', repo.dir, '--no-cache', '--quiet', '--record']);
    expect(last.stderr).toMatch(/carve: recorded in .*carve-history\.jsonl/);

    const lines = repo
      .read('carve-history.jsonl')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { commit: string; date: string; figures: Record<string, number>; violations: { errors: number } });
    expect(lines.map((l) => l.commit)).toEqual(commits);
    expect(lines.map((l) => l.date)).toEqual(['2026-02-01T10:00:00.000Z', '2026-02-02T10:00:00.000Z', '2026-02-03T10:00:00.000Z']);
    expect(lines.map((l) => l.violations.errors)).toEqual([1, 2, 1]);
    expect(lines.map((l) => l.figures.multiWriterTables)).toEqual([0, 1, 0]);

    const trend = runCli(['trend', repo.dir]);
    expect(trend.code).toBe(0);
    const out = trend.stdout.split('\n');
    expect(out[0]).toBe(`carve trend: 3 recorded checks, ${commits[0].slice(0, 7)} 2026-02-01 → ${commits[2].slice(0, 7)} 2026-02-03`);
    expect(trend.stdout).toMatch(/^multiWriterTables +▁█▁ {2}0 → 0 \(unchanged\)$/m);
    expect(trend.stdout).toMatch(/^violations \(errors\) +▁█▁ {2}1 → 1 \(unchanged\)$/m);
    expect(trend.stdout.trimEnd().split('\n')).toHaveLength(2 + 7); // title, blank line, 5 figures and 2 counts

    // The analysis itself stays free of dates: analysis.json is byte-identical across the records.
    const a = runCli(['analyze', repo.dir, '--json', '--no-cache']).stdout;
    const b = runCli(['analyze', repo.dir, '--json', '--no-cache']).stdout;
    expect(a).toBe(b);
    expect(a).not.toMatch(/2026-02-0/);
  }, 300_000);

  it('without a history, trend says how to start one (exit 2)', () => {
    const repo = gitRepoFrom('ci-parcels');
    const r = runCli(['trend', repo.dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('carve-history.jsonl — record checks with carve check --record');
  });
});
