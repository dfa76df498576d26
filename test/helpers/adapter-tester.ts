/**
 * carve's RuleTester for ORM adapters: `finds` (snippet → exact access list),
 * `ignores` (look-alikes → nothing at all), `unresolved` (snippet → one reason
 * code, no access). Call inside the adapter's `describe`.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/model/result.js';

type Files = Record<string, string>;

export interface AdapterCases {
  finds: { name: string; files: Files; expected: string[] }[];
  ignores: { name: string; files: Files }[];
  unresolved: { name: string; files: Files; reason: string }[];
}

export function testAdapterCases(
  cases: AdapterCases,
  run: (files: Files) => Promise<AnalysisResult>,
  accessesOf: (r: AnalysisResult) => string[],
): void {
  describe('finds', () => {
    it.each(cases.finds)('$name', async ({ files, expected }) => {
      expect(accessesOf(await run(files))).toEqual(expected);
    });
  });

  describe('ignores', () => {
    it.each(cases.ignores)('$name', async ({ files }) => {
      const r = await run(files);
      expect(accessesOf(r)).toEqual([]);
      expect(r.unresolvedAccesses).toEqual([]);
    });
  });

  describe('unresolved', () => {
    it.each(cases.unresolved)('$name', async ({ files, reason }) => {
      const r = await run(files);
      expect(r.unresolvedAccesses.map((u) => u.reason)).toEqual([reason]);
      expect(accessesOf(r)).toEqual([]);
    });
  });
}
