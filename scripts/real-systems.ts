/**
 * Real systems for `npm run eval`: each recipe in eval/real-systems.recipe.json
 * names a public repository, its commit, the analysed folder and how its
 * maintainers' boundaries are derived (scripts/real-truth.ts). Checkouts live
 * outside this repository (CARVE_REAL_DIR, default /work/real); a missing one
 * is listed with the command that fetches it, never an error. Nothing
 * analysed is run.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../src/analyze.js';
import { resolveConfig } from '../src/config/load-config.js';
import { MODE_WEIGHT } from '../src/graph/weights.js';
import type { AnalysisResult } from '../src/model/result.js';
import { evaluateLabels, type EvaluationRow } from '../src/score/compare/evaluate.js';
import type { Labels } from '../src/score/compare/partition.js';
import { decompose } from '../src/score/index.js';
import { compareStrings } from '../src/util/sort.js';
import { deriveTruth, type TruthSpec } from './real-truth.js';

export interface RealSystem {
  name: string;
  kind: string;
  repo: string;
  commit: string;
  dir: string;
  root: string;
  include?: string[];
  truth: TruthSpec;
  heldOut: boolean;
}

export interface RealScore {
  system: RealSystem;
  files: number;
  truthFiles: number;
  truthGroups: number;
  services: number;
  verdict: string;
  rows: EvaluationRow[];
  tables: { right: number; total: number };
}

export function readRecipe(file: string): RealSystem[] {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { systems: RealSystem[] };
  return json.systems;
}

/**
 * The maintainers' owner of each table: the truth label of the file declaring
 * it, or else of the code that uses it most (direct accesses, writes double).
 * A table counts as placed right when the carve service owning it holds more
 * files of that label than any other carve service does.
 */
export function tablePlacement(result: AnalysisResult, truth: Labels): { right: number; total: number } {
  const use = new Map<string, Map<string, number>>();
  for (const a of result.accesses) {
    const label = truth.get(a.unit);
    if (a.propagated || label === undefined) continue;
    let m = use.get(a.table);
    if (!m) use.set(a.table, (m = new Map()));
    m.set(label, (m.get(label) ?? 0) + a.count * MODE_WEIGHT[a.mode]);
  }
  const ownerLabel = (table: AnalysisResult['tables'][number]): string | undefined => {
    const declared = table.declaredIn ? truth.get(table.declaredIn.replace(/:\d+$/, '')) : undefined;
    if (declared !== undefined) return declared;
    const ranked = [...(use.get(table.id) ?? [])].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]));
    return ranked[0]?.[0];
  };
  const services = result.decomposition?.services ?? [];
  const serviceOfTable = new Map(services.flatMap((s) => s.tables.map((t) => [t, s] as const)));
  let right = 0;
  let total = 0;
  for (const table of result.tables) {
    const label = ownerLabel(table);
    if (label === undefined) continue;
    total++;
    const counts = services.map((s) => s.units.filter((u) => truth.get(u) === label).length);
    const best = Math.max(0, ...counts);
    const owner = serviceOfTable.get(table.id);
    if (owner && best > 0 && counts[services.indexOf(owner)] === best) right++;
  }
  return { right, total };
}

export interface RunOptions {
  checkouts: string;
  /** Write each system's analysis here (`<name>.json`). */
  saveDir?: string;
  /** Re-run only the decomposition on the analysis saved here. */
  fromDir?: string;
  /** Score the saved analysis (decomposition included) as it is: results of another carve build. */
  scoredDir?: string;
}

export async function runSystem(system: RealSystem, options: RunOptions): Promise<RealScore | string> {
  const checkout = path.join(options.checkouts, system.dir);
  if (!existsSync(checkout)) return `not fetched: ${system.repo}@${system.commit.slice(0, 12)} → ${checkout}`;
  const root = path.join(checkout, system.root);
  let result: AnalysisResult;
  const saved = (dir: string | undefined): string | undefined => (dir ? path.join(dir, `${system.name}.json`) : undefined);
  const scored = saved(options.scoredDir);
  const from = saved(options.fromDir);
  if (scored && existsSync(scored)) {
    result = JSON.parse(readFileSync(scored, 'utf8')) as AnalysisResult;
  } else if (from && existsSync(from)) {
    const { decomposition: _, ...base } = JSON.parse(readFileSync(from, 'utf8')) as AnalysisResult;
    result = { ...base, decomposition: decompose(base, resolveConfig(root, undefined, overrides(system)).options) };
  } else {
    result = (await analyze({ root, overrides: overrides(system) })).result;
  }
  const save = saved(options.saveDir);
  if (save) {
    mkdirSync(path.dirname(save), { recursive: true });
    writeFileSync(save, JSON.stringify(result));
  }
  const truth = deriveTruth(system.truth, root, options.checkouts, result);
  return {
    system,
    files: result.units.length,
    truthFiles: truth.size,
    truthGroups: new Set(truth.values()).size,
    services: result.decomposition?.services.length ?? 0,
    verdict: result.decomposition?.verdict.kind ?? '-',
    rows: evaluateLabels(result, truth, result.decomposition?.clustering?.seed ?? 42),
    tables: tablePlacement(result, truth),
  };
}

const overrides = (system: RealSystem): Record<string, unknown> => ({
  cache: false,
  ...(system.include ? { include: system.include } : {}),
});

const fmt = (x: number): string => x.toFixed(3).padStart(7);

/** One line per method, then the best baseline and whether carve beats it. */
export function printScore(s: RealScore): void {
  const tag = s.system.heldOut ? ' [held out]' : '';
  console.log(
    `\n${s.system.name}${tag} (${s.system.kind}; ${s.system.repo}@${s.system.commit.slice(0, 12)}): ${s.files} files, truth ${s.system.truth.kind} ${s.truthFiles} files in ${s.truthGroups} groups; carve ${s.services} services, verdict ${s.verdict}`,
  );
  console.log(`  ${'method'.padEnd(15)} ${'ARI'.padStart(7)} ${'NMI'.padStart(7)} ${'MoJoFM'.padStart(7)}`);
  for (const row of s.rows) console.log(`  ${row.method.padEnd(15)} ${fmt(row.ari)} ${fmt(row.nmi)} ${fmt(row.mojofm)}`);
  if (s.tables.total > 0) console.log(`  tables placed with their maintainers' module: ${s.tables.right}/${s.tables.total}`);
}

/** The summary table: carve's ARI next to each baseline's, per system. */
export function printTable(scores: readonly RealScore[]): void {
  console.log(`\n| system | kind | carve | folders | name-stem | import-louvain | services | verdict | tables |`);
  console.log(`|---|---|---|---|---|---|---|---|---|`);
  for (const s of scores) {
    const ari = (m: string): string => s.rows.find((r) => r.method === m)!.ari.toFixed(3);
    const tables = s.tables.total > 0 ? `${s.tables.right}/${s.tables.total}` : '—';
    console.log(
      `| ${s.system.name}${s.system.heldOut ? ' (held out)' : ''} | ${s.system.kind} | ${ari('carve')} | ${ari('folders')} | ${ari('name-stem')} | ${ari('import-louvain')} | ${s.services} | ${s.verdict} | ${tables} |`,
    );
  }
}
