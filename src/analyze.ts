/**
 * The run, as a table of contents: discover → extract → link → access →
 * decompose. Emits progress events; prints nothing.
 */
import { adapters } from './access/adapters/index.js';
import { collectAccess } from './access/index.js';
import { cacheDirFor, readFactsCache, writeFactsCache, type FactsCache } from './cache/facts-cache.js';
import { readStageCache, writeStageCache } from './cache/stage-cache.js';
import { resolveConfig, type ResolvedConfig } from './config/load-config.js';
import { findDeployables } from './discover/deployables.js';
import { discover } from './discover/index.js';
import { bootstrapsOf } from './extract/bootstrap.js';
import { extractAll } from './extract/index.js';
import { link } from './link/index.js';
import { buildResult } from './build-result.js';
import { LINK_FORMAT, asLinkMemory } from './link/link-memory.js';
import type { AnalysisResult } from './model/result.js';
import { decompose } from './score/index.js';

export type Phase = 'discover' | 'parse' | 'link' | 'access' | 'decompose';
export const PHASES: readonly Phase[] = ['discover', 'parse', 'link', 'access', 'decompose'];

export type ProgressEvent =
  | { type: 'phase-start'; phase: Phase }
  | { type: 'phase-end'; phase: Phase; ms: number; detail?: string }
  | { type: 'parse-progress'; done: number; total: number };

export interface AnalyzeOptions {
  /** Folder to analyse. */
  root: string;
  /** Explicit config file; otherwise `carve.config.json` at the root is used when present. */
  configPath?: string;
  /** Overrides on top of the config file (CLI flags). */
  overrides?: Record<string, unknown>;
  /** The config already resolved (by `resolveConfig`) from root, configPath and overrides: not resolved again. */
  config?: ResolvedConfig;
  onProgress?: (event: ProgressEvent) => void;
}

export interface PhaseTiming {
  phase: Phase;
  ms: number;
  /** JS heap in use when the phase ended, and the most the process had committed to it by then (MB). */
  heapMb: number;
  heapPeakMb: number;
  /** The process's peak resident memory so far, as the OS counts it (MB). */
  rssPeakMb: number;
}

const MB = 1024 * 1024;

export interface AnalyzeOutput {
  result: AnalysisResult;
  config: ResolvedConfig;
  timings: PhaseTiming[];
  cache: CacheStats;
  /** Where things are, beyond what analysis.json keeps: the guard's `file:line` locations. */
  sites: AnalysisSites;
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries found but invalid (not FileFacts of that file): re-parsed, never used. */
  rejected: number;
  /** Why the cache file was not used or not written, when it was not. */
  note?: string;
  /** Files whose links the link cache reused. */
  linksReused: number;
}

export interface AnalysisSites {
  /** The files `from` imports (or injects) that lead to `to` — a barrel, or `to` itself — each with its first line. */
  edgeEntries(from: string, to: string): { via: string; line: number }[];
}

const LINK_STAGE = `link-v${LINK_FORMAT}`;

export async function analyze(options: AnalyzeOptions): Promise<AnalyzeOutput> {
  const emit = options.onProgress ?? (() => {});
  const timings: PhaseTiming[] = [];
  let heapPeak = 0;
  const timed = async <T>(phase: Phase, fn: () => T | Promise<T>, detail?: (value: T) => string): Promise<T> => {
    emit({ type: 'phase-start', phase });
    const start = performance.now();
    const value = await fn();
    const ms = performance.now() - start;
    const heap = process.memoryUsage();
    heapPeak = Math.max(heapPeak, heap.heapTotal);
    timings.push({ phase, ms, heapMb: heap.heapUsed / MB, heapPeakMb: heapPeak / MB, rssPeakMb: process.resourceUsage().maxRSS / 1024 });
    emit({ type: 'phase-end', phase, ms, detail: detail?.(value) });
    return value;
  };

  const config = options.config ?? resolveConfig(options.root, options.configPath, options.overrides ?? {});
  const cacheDir = config.options.cache ? cacheDirFor(config, !!options.configPath, options.overrides?.cacheDir) : undefined;

  const schemaSuffixes = [...new Set(adapters.flatMap((a) => a.schemaFiles ?? []))];
  const found = await timed(
    'discover',
    () => discover(config.root, config.options, schemaSuffixes),
    (d) => `${d.files.length} files`,
  );

  // Per-file facts live only inside this block: once the result's code and data parts are built,
  // they become garbage, so the decomposition does not hold them in memory too.
  const { base, cacheStats, edgeSites } = await (async () => {
    // Reading and writing the facts cache belongs to the parse phase: it is what the cache trades for parsing.
    let factsCache: FactsCache | undefined;
    const extracted = await timed(
      'parse',
      async () => {
        const cache = cacheDir ? readFactsCache(config.root, cacheDir) : undefined;
        factsCache = cache;
        const out = await extractAll(found.files, {
          cache,
          maxFileSize: config.options.maxFileSize,
          workers: config.options.workers,
          onProgress: (done, total) => emit({ type: 'parse-progress', done, total }),
        });
        if (cache) writeFactsCache(cache);
        return { ...out, cache };
      },
      (x) => `${x.facts.length} files, ${x.cacheHits} cached`,
    );

    // The link cache keys each file's links by the content hashes the facts cache computed.
    const linked = await timed(
      'link',
      () => {
        const stageFile = factsCache?.file;
        const previous = stageFile ? asLinkMemory(readStageCache(stageFile, LINK_STAGE)) : undefined;
        const out = link(extracted.facts, found, factsCache && { previous, hashes: factsCache.contentHashes() });
        const unchanged = previous && out.reused === extracted.facts.length && previous.files.size === out.reused;
        if (stageFile && out.memory && !unchanged) writeStageCache(stageFile, LINK_STAGE, out.memory);
        return out;
      },
      (l) => `${l.edges.length} edges${factsCache ? `, ${l.reused} files' links cached` : ''}`,
    );

    const access = await timed(
      'access',
      () =>
        collectAccess({
          files: extracted.facts,
          index: linked.index,
          schemaFiles: found.schemaFiles,
          packages: found.packages,
          packageDirs: found.workspaces.map((w) => ({ name: w.name, path: w.dir })),
        }),
      (a) => `${a.tables.length} tables, ${a.accesses.length} accesses`,
    );
    const built = buildResult({ config, found, extracted, linked, access });
    const topology = findDeployables(found.deployableHints, extracted.facts.flatMap(bootstrapsOf), built);
    return {
      base: { ...built, ...topology },
      cacheStats: {
        hits: extracted.cacheHits,
        misses: extracted.facts.length - extracted.cacheHits,
        rejected: extracted.cache?.rejected ?? 0,
        note: extracted.cache?.unreadable,
        linksReused: linked.reused,
      },
      edgeSites: linked.edgeSites,
    };
  })();

  const decomposition = await timed(
    'decompose',
    () => decompose(base, config.options),
    (d) => `${d.services.length} services`,
  );

  return {
    result: { ...base, decomposition },
    config,
    timings,
    cache: cacheStats,
    sites: {
      edgeEntries: (from, to) => [...(edgeSites.get(`${from}\0${to}`) ?? [])].map(([via, line]) => ({ via, line })),
    },
  };
}
