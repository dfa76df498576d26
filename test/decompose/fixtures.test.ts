/**
 * The real analysis on every fixture whose expected.json states a verdict:
 * verdict, shared / multi-writer tables, cross-service foreign keys and saga
 * candidates exactly as the README describes, and services scored against
 * the intended decomposition (carve beats both baselines on ARI).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { AnalysisResult } from '../../src/model/result.js';
import { evaluate, smallestIntendedService } from '../../src/score/compare/evaluate.js';
import { intendedLabels, type IntendedDecomposition } from '../../src/score/compare/intended.js';
import { analyzeFixture, fixturePath, repoRoot } from '../helpers/project.js';

interface Expected extends IntendedDecomposition {
  verdict: string;
  tables?: Record<string, string[]>;
  sharedTables: string[];
  multiWriterTables: string[];
  crossServiceRelations: [string, string][];
  sagas: { unit: string; services: string[]; tables: string[] }[];
}

const fixtures = readdirSync(path.join(repoRoot, 'fixtures'))
  .filter((name) => existsSync(path.join(fixturePath(name), 'expected.json')))
  .map((name) => ({ name, expected: JSON.parse(readFileSync(path.join(fixturePath(name), 'expected.json'), 'utf8')) as Partial<Expected> }))
  .filter(
    (f): f is { name: string; expected: Expected } => typeof f.expected.verdict === 'string' && Array.isArray(f.expected.sharedTables),
  )
  .sort((a, b) => (a.name < b.name ? -1 : 1));

/** carve service name → intended service name, by the majority of its units. */
function intendedNames(result: AnalysisResult, expected: Expected): Map<string, string> {
  const truth = intendedLabels(
    result.units.map((u) => u.id),
    expected,
  );
  const out = new Map<string, string>();
  for (const s of result.decomposition!.services) {
    const votes = new Map<string, number>();
    for (const u of s.units) {
      const label = truth.get(u);
      if (label) votes.set(label, (votes.get(label) ?? 0) + 1);
    }
    const best = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (best) out.set(s.name, best[0]);
  }
  return out;
}

test('the decomposition fixtures are found', () => {
  expect(fixtures.map((f) => f.name)).toEqual(expect.arrayContaining(['layered-tickets', 'tiny-notes']));
});

describe.each(fixtures)('$name', ({ name, expected }) => {
  let result: AnalysisResult;
  const get = async (): Promise<AnalysisResult> => (result ??= await analyzeFixture(name));

  test('verdict', async () => {
    expect((await get()).decomposition!.verdict.kind).toBe(expected.verdict);
  });

  test('shared, multi-writer tables and cross-service foreign keys', async () => {
    const db = (await get()).decomposition!.metrics!.sharedDatabase;
    expect(db.sharedTables).toEqual([...expected.sharedTables].sort());
    expect(db.multiWriterTables).toEqual([...expected.multiWriterTables].sort());
    const rel = (pairs: [string, string][]): string[] => pairs.map(([f, t]) => `${f} -> ${t}`).sort();
    expect(rel(db.crossServiceRelations.map((r) => [r.from, r.to]))).toEqual(rel(expected.crossServiceRelations));
  });

  test('saga candidates', async () => {
    const r = await get();
    const names = intendedNames(r, expected);
    const actual = r.decomposition!.metrics!.sharedDatabase.sagaCandidates.map((s) => ({
      unit: s.unit,
      services: s.services.map((x) => names.get(x) ?? x).sort(),
      tables: s.steps.map((step) => `${step.table}:${step.mode}`).sort(),
    }));
    const want = expected.sagas.map((s) => ({ ...s, services: [...s.services].sort(), tables: [...s.tables].sort() }));
    expect(actual).toEqual(want);
  });
});

/** TypeScript files of a fixture on disk (what the intended globs name), without node_modules. */
function filesOf(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const child = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : filesOf(dir, child);
    return /\.tsx?$/.test(e.name) && !/\.(spec|test)\.tsx?$/.test(e.name) ? [child] : [];
  });
}

// carve merges services below minServiceSize (3 files) on purpose: fixtures whose intended services are smaller are out of scope.
const comparable = fixtures.filter(
  ({ name, expected }) => smallestIntendedService({ units: filesOf(fixturePath(name)).map((id) => ({ id })) } as never, expected) >= 3,
);

test('the layered and tiny fixtures are compared with the baselines', () => {
  expect(comparable.map((f) => f.name)).toEqual(expect.arrayContaining(['layered-tickets', 'tiny-notes']));
});

describe.each(comparable)('$name against the baselines', ({ name, expected }) => {
  test('carve beats both baselines on ARI', async () => {
    const rows = evaluate(await analyzeFixture(name), expected, 42);
    const carve = rows.find((x) => x.method === 'carve')!;
    for (const baseline of rows.filter((x) => x.method !== 'carve')) expect(carve.ari, baseline.method).toBeGreaterThan(baseline.ari);
  });
});

describe.each(fixtures.filter((f) => f.expected.tables !== undefined))('$name table ownership', ({ name, expected }) => {
  test('each table in its intended service', async () => {
    const r = await analyzeFixture(name);
    const names = intendedNames(r, expected);
    const owned: Record<string, string[]> = {};
    for (const s of r.decomposition!.services) {
      const label = names.get(s.name) ?? s.name;
      owned[label] = [...(owned[label] ?? []), ...s.tables].sort();
    }
    const want = Object.fromEntries(Object.entries(expected.tables!).map(([k, v]) => [k, [...v].sort()]));
    expect(owned).toEqual(want);
  });
});

test('two runs give the same decomposition', async () => {
  const a = await analyzeFixture('layered-tickets');
  const b = await analyzeFixture('layered-tickets');
  expect(b.decomposition).toEqual(a.decomposition);
});

test('pins in the config are honoured on a real analysis', async () => {
  const pins = { checkout: ['src/services/booking.service.ts', 'src/services/payment.service.ts', 'default:Payment'] };
  const r = await analyzeFixture('layered-tickets', { pins } as never);
  const checkout = r.decomposition!.services.find((s) => s.name === 'checkout')!;
  expect(checkout.units).toEqual(expect.arrayContaining(pins.checkout.slice(0, 2)));
  expect(checkout.tables).toContain('default:Payment');
  const elsewhere = r.decomposition!.services.filter((s) => s.name !== 'checkout');
  expect(elsewhere.flatMap((s) => s.units)).not.toContain('src/services/booking.service.ts');
});

test('--services, --granularity folder and --seed reach the decomposition', async () => {
  const three = await analyzeFixture('layered-tickets', { services: 3 });
  expect(three.decomposition!.services).toHaveLength(3);
  expect(three.decomposition!.clustering!.requestedServices).toBe(3);
  const byFolder = await analyzeFixture('shop', { granularity: 'folder' });
  expect(byFolder.decomposition!.clustering!.granularity).toBe('folder');
  // Every folder lands whole in one service.
  const serviceOf = new Map(byFolder.decomposition!.services.flatMap((s) => s.units.map((u) => [u, s.name] as [string, string])));
  const folders = new Map<string, Set<string>>();
  for (const [u, s] of serviceOf)
    folders.set(u.slice(0, u.lastIndexOf('/')), (folders.get(u.slice(0, u.lastIndexOf('/'))) ?? new Set()).add(s));
  expect([...folders.values()].every((set) => set.size === 1)).toBe(true);
  const seeded = await analyzeFixture('layered-tickets', { seed: 7 });
  expect(seeded.decomposition!.clustering!.seed).toBe(7);
});
