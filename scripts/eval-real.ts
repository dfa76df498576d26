/**
 * One repository by hand (`npm run eval` runs the recipe file of them).
 * `node dist/scripts/eval-real.js <dir> [--truth nest-modules|apps|package-roots|workspaces|top-folders] [--save out.json] [--from out.json] [--scan] [--confusion]`
 *
 * carve's services on a real repository, against a ground truth its own
 * maintainers drew, next to the two baselines (top-level folders,
 * import-only Louvain). Prints ARI, NMI and MoJoFM, and how many tables sit
 * in the service holding most of their maintainers' module.
 *
 * Truths: scripts/real-truth.ts (`resplit` needs a recipe: use `npm run eval`).
 *
 * `--save` writes the analysis; `--from` re-runs only the decomposition on a
 * saved analysis (fast iteration on clustering); `--scan` prints carve's ARI
 * at every resolution it considered, `--confusion` where each truth group
 * went. Nothing analysed is run.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../src/analyze.js';
import { resolveConfig } from '../src/config/load-config.js';
import type { AnalysisResult } from '../src/model/result.js';
import { carveLabels, evaluateLabels } from '../src/score/compare/evaluate.js';
import { decompose } from '../src/score/index.js';
import { compareStrings } from '../src/util/sort.js';
import { tablePlacement } from './real-systems.js';
import { deriveTruth, TRUTHS, type TruthKind } from './real-truth.js';

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const dir = args.find((a, i) => !a.startsWith('--') && (i === 0 || !args[i - 1].startsWith('--')));
  if (!dir) {
    console.error('usage: eval-real <dir> [--truth nest-modules|apps|workspaces|top-folders] [--save out.json] [--from out.json]');
    return 2;
  }
  const truthKind = (flag(args, '--truth') ?? 'nest-modules') as TruthKind;
  if (!TRUTHS.includes(truthKind)) throw new Error(`unknown truth ${truthKind}: one of ${TRUTHS.join(', ')}`);
  const from = flag(args, '--from');
  let result: AnalysisResult;
  const start = performance.now();
  let analyseMs = 0;
  if (from && existsSync(from)) {
    const saved = JSON.parse(readFileSync(from, 'utf8')) as AnalysisResult;
    const { decomposition: _, ...base } = saved;
    const config = resolveConfig(dir, undefined, {});
    result = { ...base, decomposition: decompose(base, config.options) };
  } else {
    const out = await analyze({ root: dir, overrides: { cache: false } });
    result = out.result;
    analyseMs = out.timings.filter((t) => t.phase !== 'decompose').reduce((s, t) => s + t.ms, 0);
  }
  const save = flag(args, '--save');
  if (save) writeFileSync(save, JSON.stringify(result));
  const decomposeMs = performance.now() - start - analyseMs;
  const truth = deriveTruth({ kind: truthKind }, dir, path.dirname(path.resolve(dir)), result);
  const truthServices = new Set(truth.values()).size;
  const services = result.decomposition?.services.length ?? 0;
  const shared = result.decomposition?.shared?.length ?? 0;
  console.log(
    `${path.basename(path.resolve(dir))}: ${result.units.length} files, truth ${truthKind}: ${truth.size} files in ${truthServices} groups; carve: ${services} services, ${shared} shared, ${result.tables.length} tables; decompose ${Math.round(decomposeMs)} ms`,
  );
  const fmt = (x: number): string => x.toFixed(3).padStart(7);
  console.log(`${'method'.padEnd(15)} ${'ARI'.padStart(7)} ${'NMI'.padStart(7)} ${'MoJoFM'.padStart(7)}`);
  for (const row of evaluateLabels(result, truth, result.decomposition?.clustering?.seed ?? 1)) {
    console.log(`${row.method.padEnd(15)} ${fmt(row.ari)} ${fmt(row.nmi)} ${fmt(row.mojofm)}`);
  }
  if (args.includes('--confusion')) {
    // Each truth group and where carve put its files.
    const carve = carveLabels(result);
    const groups = new Map<string, Map<string, number>>();
    for (const [unit, label] of truth) {
      let m = groups.get(label);
      if (!m) groups.set(label, (m = new Map()));
      const c = carve.get(unit) ?? '(none)';
      m.set(c, (m.get(c) ?? 0) + 1);
    }
    for (const label of [...groups.keys()].sort(compareStrings)) {
      const parts = [...groups.get(label)!].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]));
      console.log(`  ${label}: ${parts.map(([c, n]) => `${c} ${n}`).join(', ')}`);
    }
  }
  if (args.includes('--scan')) {
    // carve at each resolution it considered: how the criterion's pick compares with the others.
    const { decomposition: _, ...base } = result;
    const config = resolveConfig(dir, undefined, {});
    for (const alt of result.decomposition?.clustering?.alternatives ?? []) {
      const at = { ...base, decomposition: decompose(base, { ...config.options, resolution: alt.resolution }) };
      const row = evaluateLabels(at, truth, config.options.seed)[0];
      console.log(`  γ=${alt.resolution}: ${alt.services} services, Q=${alt.modularity.toFixed(3)}, ARI ${fmt(row.ari)}`);
    }
  }
  const placed = tablePlacement(result, truth);
  if (placed.total > 0) console.log(`tables placed with their maintainers' module: ${placed.right}/${placed.total}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
