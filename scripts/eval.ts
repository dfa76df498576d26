/**
 * `npm run eval [-- --fixtures | --real] [--system a,b] [--save-dir D] [--from-dir D] [--scored-dir D]`:
 * carve's services against each fixture's intended decomposition
 * (`expected.json` with `services`), next to the trivial baselines (top-level
 * folders, name stem across layers, import-only Louvain). Prints ARI, NMI and
 * MoJoFM per fixture; exits 1 when carve does not beat the folder and
 * import-only baselines on ARI on a fixture whose intended services all reach
 * the minimum service size. Then the same for the real systems of
 * eval/real-systems.recipe.json that are fetched (scripts/real-systems.ts;
 * reported, not held against the exit code: their checkouts vary by machine).
 * `--save-dir` keeps each real analysis, `--from-dir` re-runs only the
 * decomposition on kept ones, `--scored-dir` scores kept results as they are
 * (another build's, for before/after).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/analyze.js';
import { evaluate, smallestIntendedService } from '../src/score/compare/evaluate.js';
import type { IntendedDecomposition } from '../src/score/compare/intended.js';
import { compareStrings } from '../src/util/sort.js';
import { printScore, printTable, readRecipe, runSystem, type RealScore } from './real-systems.js';

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

const flagValue = (args: string[], name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const failures = args.includes('--real') ? 0 : await evalFixtures();
  if (!args.includes('--fixtures')) await evalReal(args);
  return failures === 0 ? 0 : 1;
}

async function evalReal(args: string[]): Promise<void> {
  const only = flagValue(args, '--system')?.split(',');
  const systems = readRecipe(path.join(repoRoot, 'eval/real-systems.recipe.json')).filter((s) => !only || only.includes(s.name));
  const checkouts = process.env.CARVE_REAL_DIR ?? '/work/real';
  const scores: RealScore[] = [];
  for (const system of systems) {
    const out = await runSystem(system, {
      checkouts,
      saveDir: flagValue(args, '--save-dir'),
      fromDir: flagValue(args, '--from-dir'),
      scoredDir: flagValue(args, '--scored-dir'),
    });
    if (typeof out === 'string') console.log(`\n${system.name}: ${out}`);
    else {
      printScore(out);
      scores.push(out);
    }
  }
  if (scores.length > 0) printTable(scores);
}

async function evalFixtures(): Promise<number> {
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
    const beaten = rows.filter((r) => r.method === 'folders' || r.method === 'import-louvain').every((r) => carve.ari > r.ari);
    const smallest = smallestIntendedService(result, intended);
    const inScope = smallest >= config.options.minServiceSize;
    if (!beaten && inScope) failures++;
    const verdict = beaten ? 'carve beats both baselines on ARI' : 'carve does NOT beat both baselines on ARI';
    const note = inScope
      ? ''
      : ` (not counted: an intended service has ${smallest} file(s), below minServiceSize ${config.options.minServiceSize})`;
    console.log(`${name.padEnd(20)} ${verdict}${note}`);
  }
  return failures;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
