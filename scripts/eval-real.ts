/**
 * `node dist/scripts/eval-real.js <dir> [--truth nest-modules|top-folders|workspaces|apps] [--save out.json] [--from out.json] [--scan] [--confusion]`
 *
 * carve's services on a real repository, against a ground truth its own
 * maintainers drew, next to the two baselines (top-level folders,
 * import-only Louvain). Prints ARI, NMI and MoJoFM, and how many tables sit
 * in the service holding most of their maintainers' module.
 *
 * Truths, derived from the repository itself:
 *   nest-modules  each NestJS `@Module`: its file, the files declaring its
 *                 controllers and providers, and the files under its folder
 *                 (a module whose folder holds other modules claims only what
 *                 it lists); files under no module are left out.
 *   apps          the folder after `apps/`, `services/`, `packages/`,
 *                 `libs/`, `microservices/` (merged microservice repos).
 *   workspaces    the workspace package of each file.
 *   top-folders   the top-level folders below the source root (the folder
 *                 baseline itself: for repos whose folders are the modules).
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
import type { ArgFact } from '../src/extract/file-facts.js';
import { extractFile } from '../src/extract/extract-file.js';
import type { AnalysisResult } from '../src/model/result.js';
import { MODE_WEIGHT } from '../src/graph/weights.js';
import { folderBaseline } from '../src/score/compare/baselines.js';
import { carveLabels, evaluateLabels } from '../src/score/compare/evaluate.js';
import type { Labels } from '../src/score/compare/partition.js';
import { decompose } from '../src/score/index.js';
import { compareStrings } from '../src/util/sort.js';

type Truth = 'nest-modules' | 'apps' | 'workspaces' | 'top-folders';
const TRUTHS: readonly Truth[] = ['nest-modules', 'apps', 'workspaces', 'top-folders'];

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const dirOf = (id: string): string => (id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : '.');
const isUnder = (id: string, folder: string): boolean => folder === '.' || id.startsWith(`${folder}/`);

/** The file an import specifier written in `from` names, among the analysed units. */
function resolveRelative(units: ReadonlySet<string>, from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.posix.normalize(path.posix.join(dirOf(from), specifier)).replace(/\.(js|ts)$/, '');
  return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((c) => units.has(c));
}

/** Identifiers a `@Module({ controllers, providers })` lists (`useClass` of provider objects too). */
function listedClasses(arg: ArgFact | undefined): string[] {
  if (arg?.k !== 'obj') return [];
  const out: string[] = [];
  for (const key of ['controllers', 'providers']) {
    const list = arg.props[key];
    if (list?.k !== 'arr') continue;
    for (const item of list.items) {
      if (item.k === 'id') out.push(item.v);
      else if (item.k === 'obj' && item.props.useClass?.k === 'id') out.push(item.props.useClass.v);
    }
  }
  return out;
}

function nestModuleTruth(root: string, result: AnalysisResult): Labels {
  const units = new Set(result.units.map((u) => u.id));
  const modules: { file: string; classes: string[] }[] = [];
  for (const id of [...units].sort(compareStrings)) {
    if (!id.endsWith('.ts')) continue;
    const text = readFileSync(path.join(root, id), 'utf8');
    if (!text.includes('@Module')) continue;
    const facts = extractFile(id, text);
    for (const cls of facts.classes) {
      const deco = cls.decorators.find((d) => d.name === 'Module');
      if (!deco) continue;
      const files = listedClasses(deco.args[0]).map((name) => {
        const imp = facts.imports.find((i) => i.names.some((n) => n.local === name));
        return imp ? resolveRelative(units, id, imp.specifier) : id;
      });
      modules.push({ file: id, classes: files.filter((f): f is string => f !== undefined) });
    }
  }
  const folders = modules.map((m) => dirOf(m.file));
  const isParent = (folder: string): boolean => folders.some((f) => f !== folder && isUnder(f, folder));
  const labels = new Map<string, string>();
  // Folder membership first (deepest module folder wins), then explicit lists override.
  for (const id of [...units].sort(compareStrings)) {
    const owner = modules
      .filter((m) => !isParent(dirOf(m.file)) && isUnder(id, dirOf(m.file)))
      .sort((a, b) => dirOf(b.file).length - dirOf(a.file).length || compareStrings(a.file, b.file))[0];
    if (owner) labels.set(id, owner.file);
  }
  for (const m of modules) {
    labels.set(m.file, m.file);
    for (const f of m.classes) {
      // A provider under another module's folder belongs there (it is re-provided, not owned).
      if (!labels.has(f)) labels.set(f, m.file);
    }
  }
  return labels;
}

const APP_FOLDERS = new Set(['apps', 'services', 'packages', 'libs', 'microservices']);

function appTruth(result: AnalysisResult): Labels {
  const labels = new Map<string, string>();
  for (const u of result.units) {
    const parts = u.id.split('/');
    const i = parts.findIndex((p, j) => APP_FOLDERS.has(p) && j < parts.length - 2);
    if (i >= 0) labels.set(u.id, parts.slice(0, i + 2).join('/'));
  }
  return labels;
}

function workspaceTruth(result: AnalysisResult): Labels {
  return new Map(result.units.filter((u) => u.workspace !== undefined).map((u) => [u.id, u.workspace!]));
}

/** The folder baseline itself: right when each top folder (below the source root) is one service. */
function topFolderTruth(result: AnalysisResult): Labels {
  return folderBaseline(result.units.map((u) => u.id));
}

/**
 * The maintainers' owner of each table: the truth label of the file declaring
 * it, or else of the code that uses it most (direct accesses, writes double).
 * A table counts as placed right when the carve service owning it holds more
 * files of that label than any other carve service does.
 */
function tablePlacement(result: AnalysisResult, truth: Labels): { right: number; total: number } {
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

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const dir = args.find((a, i) => !a.startsWith('--') && (i === 0 || !args[i - 1].startsWith('--')));
  if (!dir) {
    console.error('usage: eval-real <dir> [--truth nest-modules|apps|workspaces|top-folders] [--save out.json] [--from out.json]');
    return 2;
  }
  const truthKind = (flag(args, '--truth') ?? 'nest-modules') as Truth;
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
  const truth =
    truthKind === 'nest-modules'
      ? nestModuleTruth(dir, result)
      : truthKind === 'apps'
        ? appTruth(result)
        : truthKind === 'workspaces'
          ? workspaceTruth(result)
          : topFolderTruth(result);
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
