/** Each score on a small graph whose value is computed by hand in the comments. */
import { describe, expect, test } from 'vitest';
import type { Assignment } from '../../src/model/decomposition.js';
import { interCallPercentage } from '../../src/score/icp.js';
import { interfaceNumber } from '../../src/score/ifn.js';
import { newmanModularity } from '../../src/score/modularity.js';
import { nonExtremeDistribution } from '../../src/score/ned.js';
import { scoreDecomposition } from '../../src/score/score-decomposition.js';
import { ownershipEntropy } from '../../src/score/shared-database.js';
import { sizeBalance } from '../../src/score/size-balance.js';
import { structuralModularity } from '../../src/score/structural-modularity.js';
import { access, edge, handResult, relation, table, transaction, unit } from './hand-result.js';

// Two triangles abc and def joined by the edge c–d, every weight 1: W = 7.
const triangles = [
  ['a', 'b'],
  ['b', 'c'],
  ['a', 'c'],
  ['d', 'e'],
  ['e', 'f'],
  ['d', 'f'],
  ['c', 'd'],
].map(([a, b]) => ({ a, b, weight: 1 }));
const side = (n: string): string => ('abc'.includes(n) ? 'X' : 'Y');

describe('whole-decomposition scores', () => {
  test('Newman modularity: 2 · (3/7 − (7/14)²) = 5/14', () => {
    expect(newmanModularity(triangles, side)).toBeCloseTo(5 / 14, 12);
    // Everything in one community: 7/7 − 1 = 0.
    expect(newmanModularity(triangles, () => 'all')).toBeCloseTo(0, 12);
    // Nodes without a community drop out with their edges: one triangle alone, Q = 1 − 1 = 0.
    expect(newmanModularity(triangles, (n) => ('abc'.includes(n) ? 'X' : undefined))).toBeCloseTo(0, 12);
  });

  test('SM: mean(3/3², 3/3²) − 1/(2·3·3) = 1/3 − 1/18', () => {
    const links = triangles.map(({ a, b }) => [side(a), side(b)] as [string, string]);
    expect(
      structuralModularity(
        new Map([
          ['X', 3],
          ['Y', 3],
        ]),
        links,
      ),
    ).toBeCloseTo(1 / 3 - 1 / 18, 12);
  });

  test('ICP: 1 of 7 weight crosses', () => {
    const links = triangles.map(({ a, b, weight }) => ({ from: side(a), to: side(b), weight }));
    expect(interCallPercentage(links)).toBeCloseTo(1 / 7, 12);
  });

  test('IFN: X exposes 2 symbols, Y none → 1', () => {
    expect(interfaceNumber(['X', 'Y'], new Map([['X', new Set(['u#a', 'u#b'])]]))).toBe(1);
  });

  test('NED with bounds [5, 20]: sizes 3, 6, 25 → 1 − 6/34', () => {
    expect(nonExtremeDistribution([3, 6, 25], [5, 20])).toBeCloseTo(1 - 6 / 34, 12);
    expect(nonExtremeDistribution([3, 6, 25], [1, 30])).toBe(0);
  });

  test('size balance: 1 − Gini([1, 3]) = 1 − 4/16', () => {
    expect(sizeBalance([1, 3])).toBeCloseTo(0.75, 12);
    expect(sizeBalance([4, 4, 4])).toBeCloseTo(1, 12);
  });

  test('ownership entropy: weights 2 and 1 over 2 services → H(2/3, 1/3) / log2 2', () => {
    const h = -(2 / 3) * Math.log2(2 / 3) - (1 / 3) * Math.log2(1 / 3);
    expect(
      ownershipEntropy(
        new Map([
          ['A', 2],
          ['B', 1],
        ]),
        2,
      ),
    ).toBeCloseTo(h, 12);
    expect(ownershipEntropy(new Map([['A', 3]]), 4)).toBe(0);
  });
});

describe('shared-database coupling on a hand-built result', () => {
  // A = {a1}, B = {b1}; A owns t1, B owns t2. a1 writes t1 (2), b1 reads t1 (1, foreign), b1 writes t2 (2);
  // one foreign key t2 → t1 across the two (1, foreign).
  const base = handResult({
    units: [unit('a1'), unit('b1')],
    edges: [edge('b1', 'a1', ['api'])],
    tables: [table('t1'), table('t2')],
    accesses: [access('a1', 't1', 'write'), access('b1', 't1', 'read'), access('b1', 't2', 'write')],
    relations: [relation('t2', 't1')],
    transactions: [
      transaction('b1', [
        ['t1', 'read'],
        ['t2', 'write'],
      ]),
    ],
  });
  const assignment: Assignment = {
    services: [
      { name: 'A', units: ['a1'], tables: ['db:t1'] },
      { name: 'B', units: ['b1'], tables: ['db:t2'] },
    ],
    shared: [],
  };

  test('score = (foreign access weight + cross foreign keys) / (all access weight + foreign keys) = 2/6', () => {
    const m = scoreDecomposition(base, assignment);
    expect(m.sharedDatabaseCoupling).toBeCloseTo(2 / 6, 12);
    expect(m.sharedDatabase).toMatchObject({ foreignKeys: 1, crossServiceForeignKeys: 1 });
    const noKey = scoreDecomposition({ ...base, relations: [] }, assignment);
    expect(noKey.sharedDatabaseCoupling).toBeCloseTo(1 / 5, 12);
    expect(m.sharedDatabase.sharedTables).toEqual(['db:t1']);
    expect(m.sharedDatabase.multiWriterTables).toEqual([]);
    expect(m.sharedDatabase.tables.find((t) => t.table === 'db:t1')).toMatchObject({ owner: 'A', readers: ['B'], writers: ['A'] });
  });

  test('a table becoming multi-writer raises it (4/8); losing its foreign reader drops it to the foreign key alone (1/5)', () => {
    const more = { ...base, accesses: [...base.accesses, access('b1', 't1', 'write')] };
    const worse = scoreDecomposition(more, assignment);
    expect(worse.sharedDatabaseCoupling).toBeCloseTo(4 / 8, 12);
    expect(worse.sharedDatabase.multiWriterTables).toEqual(['db:t1']);
    const fewer = { ...base, accesses: base.accesses.filter((a) => !(a.unit === 'b1' && a.table === 'db:t1')) };
    expect(scoreDecomposition(fewer, assignment).sharedDatabaseCoupling).toBeCloseTo(1 / 5, 12);
    expect(scoreDecomposition({ ...fewer, relations: [] }, assignment).sharedDatabaseCoupling).toBe(0);
  });

  // p1 is a platform data-access library that performs every write; a1 (A) and b1 (B) reach t1 through it,
  // c1 (C) reaches t1 only by calling a1's code.
  const layered = handResult({
    units: [unit('a1'), unit('b1'), unit('c1'), unit('p1')],
    tables: [table('t1')],
    accesses: [
      { ...access('p1', 't1', 'write'), symbol: 'Repo.save' },
      { ...access('a1', 't1', 'write', true), symbol: 'A.run', via: 'Repo.save' },
      { ...access('b1', 't1', 'write', true), symbol: 'B.run', via: 'Repo.save' },
      { ...access('c1', 't1', 'write', true), symbol: 'C.run', via: 'A.run' },
    ],
  });
  const layeredAssignment: Assignment = {
    services: [
      { name: 'A', units: ['a1'], tables: ['db:t1'] },
      { name: 'B', units: ['b1'], tables: [] },
      { name: 'C', units: ['c1'], tables: [] },
    ],
    shared: ['p1'],
  };

  test('writes through a shared repository count; a call into the owning service does not', () => {
    const m = scoreDecomposition(layered, layeredAssignment);
    expect(m.sharedDatabase.tables).toEqual([
      expect.objectContaining({
        table: 'db:t1',
        writers: ['A', 'B'],
        propagatedWriters: ['A', 'B'],
        multiWriter: true,
      }),
    ]);
    expect(m.sharedDatabaseCoupling).toBeCloseTo(2 / 4, 12);
  });

  test('cross-service foreign keys, saga candidates, per-service figures', () => {
    const m = scoreDecomposition(base, assignment);
    expect(m.sharedDatabase.crossServiceRelations).toEqual([
      { from: 'db:t2', to: 'db:t1', fromService: 'B', toService: 'A', kind: 'many-to-one' },
    ]);
    expect(m.sharedDatabase.sagaCandidates).toEqual([
      {
        transaction: 'b1:1',
        unit: 'b1',
        symbol: 'run',
        kind: 'prisma.$transaction',
        services: ['A', 'B'],
        steps: [
          { table: 'db:t1', mode: 'read', service: 'A' },
          { table: 'db:t2', mode: 'write', service: 'B' },
        ],
      },
    ]);
    const [a, b] = m.perService;
    expect(a).toMatchObject({
      name: 'A',
      files: 1,
      tablesOwned: ['db:t1'],
      foreignTables: [],
      sharedTables: ['db:t1'],
      exclusivity: 0,
      apiSize: 1,
    });
    expect(a.api).toEqual([{ unit: 'a1', symbol: 'api', consumers: ['B'] }]);
    expect(b).toMatchObject({ name: 'B', foreignTables: ['db:t1'], exclusivity: 0.5, outWeight: 1 + Math.log(3), inWeight: 0 });
    expect(m.icp).toBe(1);
    // Cohesion of A on the decomposition graph: inside a1–t1 (write 2); across a1–b1 (code 1 + ln 3, co-access 0.5;
    // files at the root share no folder edge), t1–b1 (read 1), t1–t2 (transaction 1.5, foreign key 0.5).
    expect(a.cohesion).toBeCloseTo(2 / (2 + 1 + Math.log(3) + 0.5 + 1 + 1.5 + 0.5), 12);
  });

  test('an unassigned table is owned by its heaviest accessor', () => {
    const m = scoreDecomposition(base, { ...assignment, services: assignment.services.map((s) => ({ ...s, tables: [] })) });
    // t1: A writes (2) > B reads (1) → A; t2: only B.
    expect(m.sharedDatabase.tables.map((t) => [t.table, t.owner])).toEqual([
      ['db:t1', 'A'],
      ['db:t2', 'B'],
    ]);
  });
});
