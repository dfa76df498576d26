/**
 * The three measured commands, each in its own process on the same files:
 * carve (cold or warm), the parse limit, and dependency-cruiser 17.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './generate.js';
import { measure, type Measurement } from './measure.js';

export interface CarveRun extends Measurement {
  /** Phase → ms, in the order carve reports them (`timing <phase> <ms> ms …` on stderr). */
  phases: Record<string, number>;
  /** Phase → the process's peak RSS (MB) when the phase ended (`… rss-peak <n> MB`). */
  phaseRssPeakMb: Record<string, number>;
  cache: { hits: number; misses: number };
}

// The bench runs a copy of dist/: a rebuild during a long benchmark must not swap carve's code between runs.
// Under node_modules/.cache so linters and git leave it alone and its imports still resolve to node_modules.
const snapshot = path.join(repoRoot, 'node_modules', '.cache', 'carve-bench', 'dist');
const carveCli = path.join(snapshot, 'cli', 'main.js');

/** Copy the built carve (and the built parse-limit script) to the bench's own folder; returns the commit it was built at. */
export function snapshotBuild(): string {
  rmSync(snapshot, { recursive: true, force: true });
  cpSync(path.join(repoRoot, 'dist'), snapshot, { recursive: true });
  // carve reads its version from the package.json above its build (dist/ for dist/src, the repo root for the
  // bundled dist/cli/main.js); so does the cache key.
  cpSync(path.join(repoRoot, 'package.json'), path.join(snapshot, 'package.json'));
  cpSync(path.join(repoRoot, 'package.json'), path.join(snapshot, '..', 'package.json'));
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

export async function runCarve(dir: string, outFile: string, cache: boolean): Promise<CarveRun> {
  const args = ['analyze', dir, '--json', '--timings', ...(cache ? [] : ['--no-cache'])];
  const m = await measure({ script: carveCli, args, cwd: path.dirname(outFile), stdoutFile: outFile });
  const phases: Record<string, number> = {};
  const phaseRssPeakMb: Record<string, number> = {};
  for (const [, phase, ms, rss] of m.stderr.matchAll(/^timing (\S+) ([\d.]+) ms(?:.* rss-peak (\d+) MB)?/gm)) {
    if (phase === 'total') continue;
    phases[phase] = Number(ms);
    if (rss) phaseRssPeakMb[phase] = Number(rss);
  }
  if (Object.keys(phases).length === 0) throw new Error(`carve printed no timings; stderr:\n${m.stderr.slice(-2000)}`);
  const cacheLine = /^cache (\d+) hits (\d+) misses$/m.exec(m.stderr);
  return { ...m, phases, phaseRssPeakMb, cache: { hits: Number(cacheLine?.[1] ?? 0), misses: Number(cacheLine?.[2] ?? 0) } };
}

/** `carve --version`: Node start-up plus loading carve's modules, the floor under every carve run. */
export async function runCarveStartup(outFile: string): Promise<Measurement> {
  return measure({ script: carveCli, args: ['--version'], cwd: path.dirname(outFile), stdoutFile: outFile });
}

export interface ParseLimitRun extends Measurement {
  /** Parse time inside the process, without Node start-up and loading TypeScript. */
  parseMs: number;
  nodes: number;
}

export async function runParseLimit(dir: string, fileList: string, outFile: string): Promise<ParseLimitRun> {
  const script = path.join(snapshot, 'bench', 'parse-limit.js');
  const m = await measure({ script, args: [dir, fileList], cwd: dir, stdoutFile: outFile });
  const { parseMs, nodes } = JSON.parse(readFileSync(outFile, 'utf8')) as { parseMs: number; nodes: number };
  return { ...m, parseMs, nodes };
}

export interface DepcruiseRun extends Measurement {
  modules: number;
  dependencies: number;
}

// --ts-config so it resolves the same path aliases carve resolves.
const DEPCRUISE_ARGS = ['src', '--no-config', '--ts-config', 'tsconfig.json', '--output-type', 'json'];

export async function runDepcruise(dir: string, outFile: string, args = DEPCRUISE_ARGS): Promise<DepcruiseRun> {
  const script = path.join(repoRoot, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
  const m = await measure({ script, args, cwd: dir, stdoutFile: outFile });
  const result = JSON.parse(readFileSync(outFile, 'utf8')) as { summary: { totalCruised: number; totalDependenciesCruised: number } };
  return { ...m, modules: result.summary.totalCruised, dependencies: result.summary.totalDependenciesCruised };
}
