/** One glob dialect everywhere (src/util/glob.ts): braces in every key, and no hang on stacked `**`. */
import { describe, expect, it } from 'vitest';
import { globMatcher, matchesAny } from '../../src/util/glob.js';
import { analyzeProject } from '../helpers/project.js';

/** 12 stacked `**` against a path 60 folders deep: exponential for a backtracking regex. */
const STACKED = `${'**/'.repeat(12)}never.ts`;
const DEEP_DIR = Array.from({ length: 60 }, (_, i) => `d${i % 3}`).join('/');

const shop = {
  'tsconfig.json': '{}',
  'src/orders/order.service.ts': "import { price } from '../cart/cart';\nexport const order = () => price();\n",
  'src/orders/order.repo.ts': "import { order } from './order.service';\nexport const save = () => order();\n",
  'src/cart/cart.ts': 'export const price = () => 1;\n',
  'src/cart/cart.repo.ts': "import { price } from './cart';\nexport const keep = () => price();\n",
  'src/users/user.ts': 'export const user = () => 2;\n',
  'src/users/user.repo.ts': "import { user } from './user';\nexport const find = () => user();\n",
  'src/users/user.auth.ts': "import { find } from './user.repo';\nexport const auth = () => find();\n",
};

describe('the glob dialect', () => {
  it('matches **, *, ?, {a,b} and folder patterns the same everywhere', () => {
    expect(globMatcher('src/**/*.dto.ts')('src/a/b/x.dto.ts')).toBe(true);
    expect(globMatcher('src/**/*.dto.ts')('src/x.dto.ts')).toBe(true);
    expect(globMatcher('src/*.ts')('src/a/x.ts')).toBe(false);
    expect(globMatcher('./src/shared/')('src/shared/logger.ts')).toBe(true);
    expect(globMatcher('src/shared')('src/shared')).toBe(true);
    expect(globMatcher('src/shared')('src/sharedx/a.ts')).toBe(false);
    expect(globMatcher('src/{orders,cart}/**')('src/cart/cart.ts')).toBe(true);
    expect(globMatcher('src/{orders,cart}')('src/orders/a/b.ts')).toBe(true);
    expect(globMatcher('src/{orders,cart}/**')('src/users/user.ts')).toBe(false);
    expect(globMatcher('src/?.ts')('src/a.ts')).toBe(true);
    expect(globMatcher('src/.hidden/*.ts')('src/.hidden/a.ts')).toBe(true);
    expect(globMatcher('db:orders')('db:orders')).toBe(true);
    expect(globMatcher('!src/a.ts')('src/b.ts')).toBe(false); // no negation: `!` is a character
    expect(matchesAny(`${DEEP_DIR}/x.ts`, [STACKED, '**/x.ts'])).toBe(true);
  });

  it('a stacked **/ pattern against a deep path answers at once', { timeout: 20_000 }, () => {
    for (let depth = 10; depth <= 200; depth += 10) {
      const deep = `${Array.from({ length: depth }, () => 'a').join('/')}/x.ts`;
      expect(globMatcher(STACKED)(deep)).toBe(false);
      expect(globMatcher(`${'**/'.repeat(12)}x.ts`)(deep)).toBe(true);
    }
  });

  it('pins take braces: src/{orders,cart}/** pins both folders to one service', async () => {
    const result = await analyzeProject(shop, { pins: { checkout: ['src/{orders,cart}/**'] }, minServiceSize: 1 });
    const checkout = result.decomposition!.services.find((s) => s.name === 'checkout');
    expect(checkout?.units).toEqual([
      'src/cart/cart.repo.ts',
      'src/cart/cart.ts',
      'src/orders/order.repo.ts',
      'src/orders/order.service.ts',
    ]);
    expect(result.decomposition!.services.filter((s) => s.units.some((u) => u.startsWith('src/users/'))).map((s) => s.name)).not.toContain(
      'checkout',
    );
  });

  it('braces work in include, exclude, shared and tsconfig include', async () => {
    const included = await analyzeProject(shop, { include: ['src/{orders,users}/**'] });
    expect(included.units.map((u) => u.id).filter((id) => id.startsWith('src/cart/'))).toEqual([]);
    expect(included.summary.files).toBe(5);
    const excluded = await analyzeProject(shop, { exclude: ['src/**/*.{repo,auth}.ts'] });
    expect(excluded.units.map((u) => u.id)).toEqual(['src/cart/cart.ts', 'src/orders/order.service.ts', 'src/users/user.ts']);
    const shared = await analyzeProject(shop, { shared: ['src/{cart,users}/*.repo.ts'] });
    expect((shared.decomposition!.shared ?? []).map((s) => s.unit)).toEqual(
      expect.arrayContaining(['src/cart/cart.repo.ts', 'src/users/user.repo.ts']),
    );
    const viaTsconfig = await analyzeProject({ ...shop, 'tsconfig.json': JSON.stringify({ include: ['src/{cart,users}'] }) });
    expect(viaTsconfig.summary.files).toBe(5);
  });

  it('stacked **/ in a tsconfig exclude, workspaces and shared do not hang on a deep file', { timeout: 180_000 }, async () => {
    const result = await analyzeProject(
      {
        ...shop,
        'tsconfig.json': JSON.stringify({ exclude: [STACKED] }),
        'package.json': JSON.stringify({ name: 'root', workspaces: [`${'**/'.repeat(12)}pkg`] }),
        [`${DEEP_DIR}/deep.ts`]: 'export const deep = 1;\n',
        [`${DEEP_DIR}/package.json`]: JSON.stringify({ name: 'deep-pkg' }),
      },
      { shared: [STACKED] },
    );
    expect(result.units.map((u) => u.id)).toContain(`${DEEP_DIR}/deep.ts`);
    expect(result.summary.workspaces).toEqual([]);
  });
});
