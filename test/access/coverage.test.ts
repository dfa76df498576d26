import { describe, expect, it } from 'vitest';
import { analyzeFixture } from '../helpers/project.js';

describe('access coverage (knex-alias-stores)', () => {
  it('reads stores that receive the client through a project type alias, past a recursive factory', async () => {
    const r = await analyzeFixture('knex-alias-stores');
    const direct = r.accesses.filter((a) => !a.propagated).map((a) => `${a.unit} ${a.table} ${a.mode}`);
    expect(direct.sort()).toEqual([
      'src/db/feature-store.ts default:feature_tags write',
      'src/db/feature-store.ts default:features read',
      'src/db/tag-store.ts default:tags read',
      'src/db/tag-store.ts default:tags write',
    ]);
    expect(r.problems.filter((p) => p.source.startsWith('adapter'))).toEqual([]);
  });

  it('a JS migration running CREATE TABLE through db.runSql declares its foreign keys; its down DROPs are not applied', async () => {
    const r = await analyzeFixture('knex-alias-stores');
    expect(r.tables.map((t) => t.id)).toEqual(['default:feature_tags', 'default:features', 'default:tags']);
    expect(r.relations.map((x) => `${x.from} → ${x.to}`)).toEqual([
      'default:feature_tags → default:features',
      'default:feature_tags → default:tags',
    ]);
  });

  it('counts client files, lists the one it could not read, and is not low', async () => {
    const r = await analyzeFixture('knex-alias-stores');
    expect(r.accessCoverage).toEqual({
      files: 3,
      read: 2,
      share: 0.667,
      low: false,
      byAdapter: [{ name: 'knex', files: 3, read: 2, share: 0.667 }],
      byStore: [{ store: 'default', files: 3, read: 2, share: 0.667 }],
      blind: [
        { unit: 'src/db/report-store.ts', orm: 'knex', store: 'default', reason: 'no-access-read', detail: 'uses Db (src/db/db.ts)' },
      ],
    });
    expect(r.decomposition?.metrics?.sharedDatabase.coverage).toEqual({ files: 3, read: 2, share: 0.667, low: false });
    expect(r.decomposition?.verdict.reasons.some((x) => x.startsWith('data access largely unseen'))).toBe(false);
  });

  it('low coverage puts a caveat on the verdict and the shared-database figures', async () => {
    // only the blind store and its type: nothing read
    const r = await analyzeFixture('knex-alias-stores', { include: ['src/db/db.ts', 'src/db/report-store.ts'] });
    expect(r.accessCoverage).toMatchObject({ files: 1, read: 0, share: 0, low: true });
    expect(r.decomposition?.metrics?.sharedDatabase.coverage?.low).toBe(true);
    expect(r.decomposition?.verdict.kind).not.toBe('split');
    expect(r.decomposition?.verdict.reasons).toContain(
      'data access largely unseen: carve read access in 0 of 1 files that use a database client (0%) — the shared-database figures are incomplete, not a clean divide',
    );
  });
});
