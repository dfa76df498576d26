/**
 * `npm run eval`: carve's services against each fixture's intended
 * decomposition (`expected.json` with `services`), next to two baselines
 * (top-level folders, import-only Louvain). Prints ARI, NMI and MoJoFM per
 * fixture; exits 1 when carve does not beat both baselines on ARI on a
 * fixture whose intended services all reach the minimum service size.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/analyze.js';
import { evaluate, smallestIntendedService } from '../src/score/compare/evaluate.js';
import type { IntendedDecomposition } from '../src/score/compare/intended.js';
import { compareStrings } from '../src/util/sort.js';

// Compiled to dist/scripts/eval.js: the repository is two levels up.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixturesDir = path.join(repoRoot, 'fixtures');

function intendedOf(dir: string): IntendedDecomposition | undefined {
  const file = path.join(dir, 'expected.json');
  if (!existsSync(file)) return undefined;
  const json = JSON.parse(readFileSync(file, 'utf8')) as Partial<IntendedDecomposition>;
  return json.services ? { services: json.services, shared: json.shared } : undefined;
}

const fmt = (x: number): string => x.toFixed(3).padStart(7);

async function main(): Promise<number> {
  const names = readdirSync(fixturesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort(compareStrings);
  let failures = 0;
  console.log(`${'fixture'.padEnd(20)} ${'method'.padEnd(15)} ${'ARI'.padStart(7)} ${'NMI'.padStart(7)} ${'MoJoFM'.padStart(7)}`);
  for (const name of names) {
    const intended = intendedOf(path.join(fixturesDir, name));
    if (!intended) continue;
    const { result, config } = await analyze({ root: path.join(fixturesDir, name), overrides: { cache: false } });
    const rows = evaluate(result, intended, config.options.seed);
    for (const row of rows) {
      console.log(`${name.padEnd(20)} ${row.method.padEnd(15)} ${fmt(row.ari)} ${fmt(row.nmi)} ${fmt(row.mojofm)}`);
    }
    const carve = rows.find((r) => r.method === 'carve')!;
    const beaten = rows.filter((r) => r.method !== 'carve').every((r) => carve.ari > r.ari);
    const smallest = smallestIntendedService(result, intended);
    const inScope = smallest >= config.options.minServiceSize;
    if (!beaten && inScope) failures++;
    const verdict = beaten ? 'carve beats both baselines on ARI' : 'carve does NOT beat both baselines on ARI';
    const note = inScope
      ? ''
      : ` (not counted: an intended service has ${smallest} file(s), below minServiceSize ${config.options.minServiceSize})`;
    console.log(`${name.padEnd(20)} ${verdict}${note}`);
  }
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
