/**
 * `npm run bench`: for each size, generate the synthetic monolith (if it is
 * missing or stale), then time in separate processes, on the same files:
 * carve cold (--no-cache), the parse limit and dependency-cruiser, interleaved
 * run by run so background load hits all three alike; then carve warm (cache
 * filled, 1% of the files changed). Prints the tables and writes
 * bench/results/size-<n>.json.
 *   node dist/bench/run.js [--sizes 1000,5000,20000] [--runs 3] [--seed 1] [--timeout 20]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatSize, formatSummary } from './bench-table.js';
import { DEFAULT_SEED, countLines, generateMonolith, generatedDir, repoRoot, writeMonolith, type GeneratedMonolith } from './generate.js';
import { describeMachine } from './machine.js';
import { summarise, type SizeResult, type SizeRuns } from './size-result.js';
import { setChildTimeout, type Measurement } from './measure.js';
import { benchCacheDir, runCarve, runCarveStartup, runDepcruise, runParseLimit, snapshotBuild, type CarveRun } from './tools.js';
import { pickTouched, touchText } from './touch-files.js';

const resultsDir = path.join(repoRoot, 'bench', 'results');
const scratchDir = path.join(resultsDir, 'tmp');
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

async function warmRuns(dir: string, monolith: GeneratedMonolith, runs: number, seed: number, out: string) {
  rmSync(benchCacheDir, { recursive: true, force: true });
  const fill = await runCarve(dir, out, true);
  const touched = pickTouched(
    [...monolith.files.keys()].filter((f) => f.endsWith('.ts')),
    seed,
  );
  const warm: CarveRun[] = [];
  rmSync(path.join(dir, MARKER), { force: true });
  try {
    for (let round = 1; round <= runs; round++) {
      for (const file of touched) writeFileSync(path.join(dir, file), touchText(monolith.files.get(file)!, round));
      warm.push(await runCarve(dir, out, true));
    }
  } finally {
    for (const file of touched) writeFileSync(path.join(dir, file), monolith.files.get(file)!);
  }
  writeFileSync(path.join(dir, MARKER), digestOf(monolith));
  return { fill, warm, touchedFiles: touched.length };
}

async function benchSize(files: number, runs: number, seed: number, carveCommit: string): Promise<SizeResult> {
  const machine = describeMachine();
  const measuredAt = new Date();
  const monolith = generateMonolith(files, seed);
  const dir = generatedDir(files);
  ensureWritten(dir, monolith, digestOf(monolith));
  const tsFiles = [...monolith.files.keys()].filter((f) => f.endsWith('.ts'));
  const lines = tsFiles.reduce((sum, f) => sum + countLines(monolith.files.get(f)!), 0);
  const scratch = (name: string) => path.join(scratchDir, `${files}-${name}`);

  const cold: CarveRun[] = [];
  const startup: Measurement[] = [];
  const parseLimit: SizeRuns['parseLimit'] = [];
  const depcruise: SizeRuns['depcruise'] = [];
  let depcruiseFailure: string | undefined;
  let analysed: SizeRuns['analysed'] | undefined;
  for (let i = 0; i < runs; i++) {
    process.stderr.write(`size ${files}: run ${i + 1}/${runs}\n`);
    cold.push(await runCarve(dir, scratch('carve.json'), false));
    startup.push(await runCarveStartup(scratch('carve-version.txt')));
    if (!analysed) {
      const result = JSON.parse(readFileSync(scratch('carve.json'), 'utf8')) as CarveResultSummary;
      // The parse limit reads exactly the files carve analysed.
      writeFileSync(scratch('files.txt'), result.units.map((u) => u.id).join('\n') + '\n');
      analysed = {
        files: result.units.length,
        lines: result.summary.lines,
        edges: result.edges.length,
        unresolvedImports: result.unresolvedImports.length,
        tables: result.tables.length,
        accesses: result.accesses.length,
      };
    }
    parseLimit.push(await runParseLimit(dir, scratch('files.txt'), scratch('parse-limit.json')));
    // A peer tool that does not finish is a result, not a reason to lose carve's numbers.
    if (!depcruiseFailure) {
      try {
        depcruise.push(await runDepcruise(dir, scratch('depcruise.json')));
      } catch (error) {
        depcruiseFailure = (error instanceof Error ? error.message : String(error)).split('\n')[0];
        depcruise.length = 0;
      }
    }
  }
  process.stderr.write(`size ${files}: warm runs\n`);
  const warm = await warmRuns(dir, monolith, runs, seed, scratch('carve-warm.json'));
  return summarise(
    {
      carveCommit,
      machine,
      monolith: { files, lines, domains: monolith.plan.domains.length, seed },
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
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  setChildTimeout(Number(values.timeout));
  if (sizes.some((n) => !Number.isInteger(n)) || !Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
    throw new Error('usage: node dist/bench/run.js [--sizes 1000,5000,20000] [--runs 3] [--seed 1] [--timeout <minutes per child>]');
  }
  mkdirSync(scratchDir, { recursive: true });
  const carveCommit = snapshotBuild();
  const results: SizeResult[] = [];
  for (const files of sizes) {
    const result = await benchSize(files, runs, seed, carveCommit);
    writeFileSync(path.join(resultsDir, `${result.name}.json`), JSON.stringify(result, null, 2) + '\n');
    process.stdout.write(`\n${formatSize(result)}\n`);
    results.push(result);
  }
  process.stdout.write(`\n${formatSummary(results)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
