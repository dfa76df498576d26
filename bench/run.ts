/**
 * `npm run bench`: for each size, generate the synthetic monolith (if it is
 * missing or stale), then time in separate processes, on the same files:
 * carve cold (--no-cache), the parse limit and dependency-cruiser, interleaved
 * run by run so background load hits all three alike; then carve warm (cache
 * filled, 1% of the files changed). Prints the tables and writes
 * bench/results/size-<n>.json. Then the same for each real repository of
 * bench/real-repos.json that is checked out (real-repos.ts), into real-<name>.json.
 *   node dist/bench/run.js [--sizes 1000,5000,20000|none] [--runs 3] [--seed 1] [--timeout 20]
 *                          [--real all|none|<name,…>] [--real-dir bench/.real]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatSize, formatSummary } from './bench-table.js';
import { DEFAULT_SEED, countLines, generateMonolith, generatedDir, repoRoot, writeMonolith, type GeneratedMonolith } from './generate.js';
import { describeMachine } from './machine.js';
import { checkoutDir, defaultRealDir, fetchHint, readRealRepos, workingCopy, type RealRepo } from './real-repos.js';
import { summarise, type SizeResult, type SizeRuns } from './size-result.js';
import { setChildTimeout, type Measurement } from './measure.js';
import { runCarve, runCarveStartup, runDepcruise, runParseLimit, snapshotBuild, type CarveRun } from './tools.js';
import { pickTouched, touchText } from './touch-files.js';

const resultsDir = path.join(repoRoot, 'bench', 'results');
const scratchDir = path.join(resultsDir, 'tmp');
const scratch = (name: string, file: string): string => path.join(scratchDir, `${name}-${file}`);
const MARKER = '.generator-digest';

/** Write the monolith unless the folder already holds exactly these files (the marker is removed while the warm run edits them). */
function ensureWritten(dir: string, monolith: GeneratedMonolith, digest: string): void {
  const marker = path.join(dir, MARKER);
  if (existsSync(marker) && readFileSync(marker, 'utf8') === digest) return;
  writeMonolith(dir, monolith);
  writeFileSync(marker, digest);
}

function digestOf(monolith: GeneratedMonolith): string {
  const hash = createHash('sha256');
  for (const [p, text] of monolith.files) hash.update(`${p}\0${text}\0`);
  return hash.digest('hex');
}

interface CarveResultSummary {
  units: { id: string }[];
  edges: unknown[];
  unresolvedImports: unknown[];
  tables: unknown[];
  accesses: unknown[];
  summary: { lines: number };
}

/** What the bench measures: the analysed folder, the files the warm edit may touch, and how to describe it. */
interface Corpus {
  dir: string;
  monolith: SizeResult['monolith'];
  source?: SizeResult['source'];
  /** TypeScript files the warm edit may touch, and their unedited text. */
  editable: () => string[];
  textOf: (file: string) => string;
  depcruiseArgs?: string[];
  /** Around the warm runs, which edit files in place. */
  beforeEdits?: () => void;
  afterEdits?: () => void;
}

async function warmRuns(corpus: Corpus, runs: number, seed: number, out: string) {
  const { dir } = corpus;
  rmSync(path.join(dir, 'node_modules', '.cache', 'carve'), { recursive: true, force: true });
  const fill = await runCarve(dir, out, true);
  const touched = pickTouched(corpus.editable(), seed);
  const original = new Map(touched.map((file) => [file, corpus.textOf(file)]));
  const warm: CarveRun[] = [];
  corpus.beforeEdits?.();
  try {
    for (let round = 1; round <= runs; round++) {
      for (const file of touched) writeFileSync(path.join(dir, file), touchText(original.get(file)!, round));
      warm.push(await runCarve(dir, out, true));
    }
  } finally {
    for (const file of touched) writeFileSync(path.join(dir, file), original.get(file)!);
  }
  corpus.afterEdits?.();
  return { fill, warm, touchedFiles: touched.length };
}

function syntheticCorpus(files: number, seed: number): Corpus {
  const monolith = generateMonolith(files, seed);
  const dir = generatedDir(files);
  const digest = digestOf(monolith);
  ensureWritten(dir, monolith, digest);
  const tsFiles = [...monolith.files.keys()].filter((f) => f.endsWith('.ts'));
  const lines = tsFiles.reduce((sum, f) => sum + countLines(monolith.files.get(f)!), 0);
  return {
    dir,
    monolith: { files, lines, domains: monolith.plan.domains.length, seed },
    editable: () => tsFiles,
    textOf: (file) => monolith.files.get(file)!,
    // The marker is removed while the warm run edits the files, so an interrupted run regenerates them.
    beforeEdits: () => rmSync(path.join(dir, MARKER), { force: true }),
    afterEdits: () => writeFileSync(path.join(dir, MARKER), digest),
  };
}

function realCorpus(repo: RealRepo, dir: string, seed: number, analysedList: string): Corpus {
  return {
    dir,
    monolith: { files: 0, lines: 0, domains: 0, seed },
    source: { name: repo.name, repo: repo.repo, commit: repo.commit, path: repo.path },
    // The files carve analysed in the first cold run, as listed for the parse limit.
    editable: () => readFileSync(analysedList, 'utf8').split('\n').filter(Boolean),
    textOf: (file) => readFileSync(path.join(dir, file), 'utf8'),
    depcruiseArgs: repo.depcruise,
  };
}

async function benchCorpus(name: string, corpus: Corpus, runs: number, seed: number, carveCommit: string): Promise<SizeResult> {
  const machine = describeMachine();
  const measuredAt = new Date();
  const { dir } = corpus;

  const cold: CarveRun[] = [];
  const startup: Measurement[] = [];
  const parseLimit: SizeRuns['parseLimit'] = [];
  const depcruise: SizeRuns['depcruise'] = [];
  let depcruiseFailure: string | undefined;
  let analysed: SizeRuns['analysed'] | undefined;
  for (let i = 0; i < runs; i++) {
    process.stderr.write(`${name}: run ${i + 1}/${runs}\n`);
    cold.push(await runCarve(dir, scratch(name, 'carve.json'), false));
    startup.push(await runCarveStartup(scratch(name, 'carve-version.txt')));
    if (!analysed) {
      const result = JSON.parse(readFileSync(scratch(name, 'carve.json'), 'utf8')) as CarveResultSummary;
      // The parse limit reads exactly the files carve analysed.
      writeFileSync(scratch(name, 'files.txt'), result.units.map((u) => u.id).join('\n') + '\n');
      analysed = {
        files: result.units.length,
        lines: result.summary.lines,
        edges: result.edges.length,
        unresolvedImports: result.unresolvedImports.length,
        tables: result.tables.length,
        accesses: result.accesses.length,
      };
    }
    parseLimit.push(await runParseLimit(dir, scratch(name, 'files.txt'), scratch(name, 'parse-limit.json')));
    // A peer tool that does not finish is a result, not a reason to lose carve's numbers.
    if (!depcruiseFailure) {
      try {
        depcruise.push(await runDepcruise(dir, scratch(name, 'depcruise.json'), corpus.depcruiseArgs));
      } catch (error) {
        depcruiseFailure = (error instanceof Error ? error.message : String(error)).split('\n')[0];
        depcruise.length = 0;
      }
    }
  }
  process.stderr.write(`${name}: warm runs\n`);
  const warm = await warmRuns(corpus, runs, seed, scratch(name, 'carve-warm.json'));
  // A real repository is described by what carve analysed in it.
  const monolith = corpus.source ? { ...corpus.monolith, files: analysed!.files, lines: analysed!.lines } : corpus.monolith;
  return summarise(
    {
      carveCommit,
      machine,
      monolith,
      source: corpus.source,
      analysed: analysed!,
      cold,
      startup,
      ...warm,
      parseLimit,
      depcruise,
      depcruiseFailure,
    },
    measuredAt,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,5000,20000' },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      timeout: { type: 'string', default: '20' },
      real: { type: 'string', default: 'all' },
      'real-dir': { type: 'string', default: defaultRealDir },
    },
  });
  const sizes = values.sizes === 'none' ? [] : values.sizes.split(',').map(Number);
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  setChildTimeout(Number(values.timeout));
  if (sizes.some((n) => !Number.isInteger(n)) || !Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
    throw new Error(
      'usage: node dist/bench/run.js [--sizes 1000,5000,20000|none] [--runs 3] [--seed 1] [--timeout <minutes per child>] [--real all|none|<name,…>] [--real-dir <dir>]',
    );
  }
  const recipes = readRealRepos();
  const names = values.real.split(',');
  const wanted = values.real === 'none' ? [] : values.real === 'all' ? recipes : recipes.filter((r) => names.includes(r.name));
  if (values.real !== 'all' && values.real !== 'none' && wanted.length !== names.length) {
    throw new Error(`--real: unknown repository; bench/real-repos.json names ${recipes.map((r) => r.name).join(', ')}`);
  }
  mkdirSync(scratchDir, { recursive: true });
  const carveCommit = snapshotBuild();
  const results: SizeResult[] = [];
  const record = (result: SizeResult): void => {
    writeFileSync(path.join(resultsDir, `${result.name}.json`), JSON.stringify(result, null, 2) + '\n');
    process.stdout.write(`\n${formatSize(result)}\n`);
    results.push(result);
  };
  for (const files of sizes) record(await benchCorpus(`size-${files}`, syntheticCorpus(files, seed), runs, seed, carveCommit));
  for (const repo of wanted) {
    const dir = workingCopy(repo, values['real-dir']);
    if (!dir) {
      process.stdout.write(
        `\nreal-${repo.name}: skipped, no checkout at ${checkoutDir(repo, values['real-dir'])} (${fetchHint(repo, values['real-dir'])})\n`,
      );
      continue;
    }
    const name = `real-${repo.name}`;
    record(await benchCorpus(name, realCorpus(repo, dir, seed, scratch(name, 'files.txt')), runs, seed, carveCommit));
  }
  process.stdout.write(`\n${formatSummary(results)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
