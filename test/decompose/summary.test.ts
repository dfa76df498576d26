/** The terminal decomposition summary, from a canned result: no parsing. */
import { expect, test } from 'vitest';
import type { AnalysisResult } from '../../src/model/result.js';
import { formatDecompositionSummary } from '../../src/report/decomposition-summary.js';
import { decompose } from '../../src/score/index.js';
import { access, edge, handResult, table, transaction, unit } from './hand-result.js';

function canned(): AnalysisResult {
  const a = ['src/alpha/a1.ts', 'src/alpha/a2.ts', 'src/alpha/a3.ts'];
  const b = ['src/beta/b1.ts', 'src/beta/b2.ts', 'src/beta/b3.ts'];
  const input = handResult({
    units: [...a, ...b].map((id) => unit(id, 100)),
    edges: [
      ...[
        [0, 1],
        [1, 2],
        [0, 2],
      ].flatMap(([i, j]) => [edge(a[i], a[j], ['x']), edge(b[i], b[j], ['y'])]),
      edge(b[0], a[0], ['api']),
    ],
    tables: [table('alpha'), table('beta')],
    // alpha: written by both, but used most by the alpha files (write 2 + read 1 against write 2).
    accesses: [
      access(a[2], 'alpha', 'write'),
      access(a[1], 'alpha', 'read'),
      access(b[2], 'beta', 'write'),
      access(b[2], 'alpha', 'write'),
    ],
    transactions: [
      transaction(b[2], [
        ['alpha', 'write'],
        ['beta', 'write'],
      ]),
    ],
  });
  const decomposition = decompose(input as never, {
    granularity: 'file',
    seed: 42,
    minServiceSize: 3,
    weights: {},
    shared: [],
    pins: {},
    apart: [],
  });
  return { ...input, decomposition } as AnalysisResult;
}

test('verdict, services table, shared tables, sagas and metrics', () => {
  const lines = formatDecompositionSummary(canned());
  expect(lines[0]).toBe("Verdict: dont-split — don't split");
  expect(lines).toContain('  • too small to pay for the operational cost of several deployables: 6 files, 600 lines');
  const header = lines.find((l) => l.includes('tables owned'))!;
  expect(header.trim().split(/\s{2,}/)).toEqual(['service', 'files', 'lines', 'tables owned', 'shared tables', 'API', 'in', 'out']);
  // alpha: 3 files, 300 lines, owns 1 table, touches 1 shared table, exposes `api` to beta.
  expect(lines.some((l) => /^ {2}alpha\s+3\s+300\s+1\s+1\s+1\s/.test(l))).toBe(true);
  expect(lines).toContain('Shared tables: 1 of 2 accessed, 1 written by several services');
  expect(lines.find((l) => l.includes('db:alpha'))).toBe('  db:alpha  owner alpha; writers alpha, beta; readers alpha  [multi-writer]');
  expect(lines).toContain('Saga candidates: 1');
  expect(lines.find((l) => l.startsWith('  src/beta/b3.ts:1'))).toBe(
    '  src/beta/b3.ts:1 run — alpha + beta: write db:alpha (alpha), write db:beta (beta)',
  );
  // Foreign weight: beta's write of alpha (2) of all access weight (2 + 1 + 2 + 2 = 7).
  expect(lines[lines.length - 1]).toMatch(/^Metrics: modularity \d\.\d\d · SM .* shared-database coupling 0\.29 · ownership entropy/);
});

test('a result without decomposition says so', () => {
  const { decomposition: _none, ...rest } = canned();
  expect(formatDecompositionSummary(rest as AnalysisResult)).toEqual(['Decomposition: not computed']);
});
