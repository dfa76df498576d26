/** Shared kernel detection rules, one small hand-built result each. */
import { describe, expect, test } from 'vitest';
import { closeSharedKernel, namedSharedKernel, spreadSharedKernel } from '../../src/cluster/shared-kernel.js';
import { access, edge, handResult, unit } from './hand-result.js';

const none = (): boolean => false;
const importers = (target: string, from: string[]) => from.map((f) => edge(f, target, ['x']));

describe('named rules', () => {
  test('generic names, the ORM client, composition roots, platform folders, tooling, config patterns', () => {
    const units = [
      'src/logger.ts',
      'src/db.ts',
      'src/main.ts',
      'src/shared/money.ts',
      'prisma/seed.ts',
      'src/orders/order.types.ts',
      'src/a.ts',
      'src/b.ts',
      'src/legacy/x.ts',
    ].map((id) => unit(id));
    const input = handResult({
      units,
      edges: [
        ...importers('src/logger.ts', ['src/a.ts', 'src/b.ts']),
        ...importers('src/db.ts', ['src/a.ts']),
        edge('src/main.ts', 'src/a.ts'),
        edge('src/main.ts', 'src/b.ts'),
        ...importers('src/shared/money.ts', ['src/a.ts']),
        ...importers('src/orders/order.types.ts', ['src/a.ts', 'src/b.ts']),
      ],
      accesses: [access('prisma/seed.ts', 'orders', 'write'), access('src/a.ts', 'orders', 'write')],
    });
    const reasons = namedSharedKernel(input, ['src/legacy/**'], none);
    expect(Object.fromEntries(reasons)).toEqual({
      'prisma/seed.ts': ['development tooling (seed, migration or script), part of no service'],
      'src/db.ts': ['ORM client module (imported by 1 file)'],
      'src/legacy/x.ts': ['matches shared pattern "src/legacy/**"'],
      'src/logger.ts': ['generic role "logger" (imported by 2 files)'],
      'src/main.ts': ['composition root (wires 2 files)'],
      'src/shared/money.ts': ['in platform folder "src/shared" (imported by 1 file)'],
    });
  });

  test('data access of its own keeps a generic name in its domain; pins win', () => {
    const input = handResult({
      units: ['src/config.ts', 'src/a.ts', 'src/b.ts'].map((id) => unit(id)),
      edges: importers('src/config.ts', ['src/a.ts', 'src/b.ts']),
      accesses: [access('src/config.ts', 'settings', 'read')],
    });
    expect(namedSharedKernel(input, [], none).size).toBe(0);
    expect(namedSharedKernel(input, ['src/**'], (id) => id === 'src/a.ts').has('src/a.ts')).toBe(false);
  });
});

describe('spread and closure', () => {
  test('a file used by many clusters without data access is kernel; one with data access is not', () => {
    const users = ['c1', 'c2', 'c3', 'c4'];
    const input = handResult({
      units: ['hub.ts', 'repo.ts', ...users].map((id) => unit(id)),
      edges: [...importers('hub.ts', users), ...importers('repo.ts', users)],
      accesses: [access('repo.ts', 'users', 'read')],
    });
    const cluster = new Map(users.map((u, i) => [u, i]));
    const reasons = spreadSharedKernel(input, (u) => cluster.get(u) ?? 9, 5, new Map(), none);
    expect([...reasons.keys()]).toEqual(['hub.ts']);
    expect(reasons.get('hub.ts')).toEqual(['used by 4 of 5 clusters (4 files), no data access of its own']);
  });

  test('files only the platform group touches join it; a file reaching domain code does not', () => {
    const input = handResult({
      units: ['src/app.ts', 'src/shared/shared.module.ts', 'src/shared/filter.ts', 'src/orders/x.ts', 'src/orders/y.ts'].map((id) =>
        unit(id),
      ),
      edges: [
        edge('src/app.ts', 'src/shared/shared.module.ts'),
        edge('src/shared/shared.module.ts', 'src/shared/filter.ts'),
        edge('src/app.ts', 'src/orders/x.ts'),
        edge('src/orders/x.ts', 'src/orders/y.ts'),
      ],
    });
    const closed = closeSharedKernel(input, new Map([['src/app.ts', ['composition root']]]), none);
    expect([...closed.keys()].sort()).toEqual(['src/app.ts', 'src/shared/filter.ts', 'src/shared/shared.module.ts']);
    expect(closed.get('src/shared/filter.ts')).toEqual(['only connected to the platform group']);
  });
});
