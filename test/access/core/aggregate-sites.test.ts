import { describe, expect, it } from 'vitest';
import { aggregateSites, type SiteLike } from '../../../src/access/aggregate-sites.js';

const site = (over: Partial<SiteLike>): SiteLike => ({
  unit: 'src/a.ts',
  symbol: 'A.run',
  table: 'default:orders',
  mode: 'read',
  line: 1,
  orm: 'raw-sql',
  via: 'pool.query',
  propagated: false,
  ...over,
});

describe('aggregateSites', () => {
  it('groups by unit, symbol, table, mode, via and propagation, counting sites and sorting lines', () => {
    const accesses = aggregateSites([
      site({ line: 9 }),
      site({ line: 3 }),
      site({ line: 3 }),
      site({ mode: 'write', line: 4 }),
      site({ propagated: true, via: 'Repo.find', line: 2 }),
      site({ unit: 'src/0.ts', line: 7 }),
    ]);
    expect(accesses.map((a) => [a.unit, a.mode, a.propagated, a.via, a.count, a.lines.join(',')])).toEqual([
      ['src/0.ts', 'read', false, 'pool.query', 1, '7'],
      ['src/a.ts', 'read', false, 'pool.query', 3, '3,9'],
      ['src/a.ts', 'read', true, 'Repo.find', 1, '2'],
      ['src/a.ts', 'write', false, 'pool.query', 1, '4'],
    ]);
  });

  it('is independent of input order', () => {
    const sites = [
      site({ line: 5 }),
      site({ table: 'default:b', line: 1 }),
      site({ symbol: 'B.x', line: 2 }),
      site({ line: 1, via: 'v2' }),
    ];
    expect(aggregateSites([...sites].reverse())).toEqual(aggregateSites(sites));
  });
});
