import { describe, expect, test } from 'vitest';
import { adjustedRandIndex } from '../../src/score/compare/ari.js';
import { mojoDistance, mojoFM } from '../../src/score/compare/mojofm.js';
import { normalizedMutualInformation } from '../../src/score/compare/nmi.js';

const labels = (groups: Record<string, string[]>): Map<string, string> =>
  new Map(Object.entries(groups).flatMap(([label, items]) => items.map((i) => [i, label] as [string, string])));

// Truth B = {abc}{def}; A = {ab}{cd}{ef}. Contingency: X→P2, Y→P1 Q1, Z→Q2; n = 6.
const truth = labels({ P: ['a', 'b', 'c'], Q: ['d', 'e', 'f'] });
const found = labels({ X: ['a', 'b'], Y: ['c', 'd'], Z: ['e', 'f'] });

describe('clustering comparison metrics', () => {
  test('ARI: (2 − 3·6/15) / (4.5 − 1.2) = 0.8 / 3.3', () => {
    expect(adjustedRandIndex(found, truth)).toBeCloseTo(0.8 / 3.3, 10);
    expect(adjustedRandIndex(truth, truth)).toBe(1);
  });

  test('NMI: (2/3 ln 2) / ((ln 3 + ln 2) / 2)', () => {
    expect(normalizedMutualInformation(found, truth)).toBeCloseTo(((2 / 3) * Math.log(2)) / ((Math.log(3) + Math.log(2)) / 2), 10);
    expect(normalizedMutualInformation(truth, truth)).toBeCloseTo(1, 12);
  });

  test('MoJo: one move (c) plus one join (Y into Z) = 2; MoJoFM = (1 − 2 / (6 − 2)) · 100 = 50', () => {
    expect(mojoDistance(found, truth)).toBe(2);
    expect(mojoFM(found, truth)).toBeCloseTo(50, 10);
    expect(mojoFM(truth, truth)).toBe(100);
  });

  test('items in only one clustering are ignored', () => {
    const extra = new Map([...found, ['zz', 'X']]);
    expect(adjustedRandIndex(extra, truth)).toBeCloseTo(adjustedRandIndex(found, truth), 12);
    expect(mojoFM(extra, truth)).toBeCloseTo(50, 10);
  });

  test('everything in one cluster against two clusters', () => {
    const one = labels({ all: ['a', 'b', 'c', 'd', 'e', 'f'] });
    expect(adjustedRandIndex(one, truth)).toBe(0);
    expect(normalizedMutualInformation(one, truth)).toBe(0);
    // One join-free clustering; 3 moves out of max 6 − 2 = 4.
    expect(mojoDistance(one, truth)).toBe(3);
    expect(mojoFM(one, truth)).toBeCloseTo(25, 10);
  });
});
