/**
 * The run, as a table of contents: discover → extract → link → access →
 * decompose. Emits progress events; prints nothing.
 */
import { adapters } from './access/adapters/index.js';
import { collectAccess } from './access/index.js';
import { readFactsCache, writeFactsCache } from './cache/facts-cache.js';
import { resolveConfig, type ResolvedConfig } from './config/load-config.js';
import { discover } from './discover/index.js';
import { extractAll } from './extract/index.js';
import { link } from './link/index.js';
import { buildResult } from './model/build-result.js';
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
  onProgress?: (event: ProgressEvent) => void;
}

export interface PhaseTiming {
  phase: Phase;
  ms: number;
}

export interface AnalyzeOutput {
  result: AnalysisResult;
  config: ResolvedConfig;
  timings: PhaseTiming[];
  cache: { hits: number; misses: number };
  /** Where things are, beyond what analysis.json keeps: the guard's `file:line` locations. */
  sites: AnalysisSites;
}

export interface AnalysisSites {
  /** The files `from` imports (or injects) that lead to `to` — a barrel, or `to` itself — each with its first line. */
  edgeEntries(from: string, to: string): { via: string; line: number }[];
}

export async function analyze(options: AnalyzeOptions): Promise<AnalyzeOutput> {
  const emit = options.onProgress ?? (() => {});
  const timings: PhaseTiming[] = [];
  const timed = async <T>(phase: Phase, fn: () => T | Promise<T>, detail?: (value: T) => string): Promise<T> => {
    emit({ type: 'phase-start', phase });
    const start = performance.now();
    const value = await fn();
    const ms = performance.now() - start;
    timings.push({ phase, ms });
    emit({ type: 'phase-end', phase, ms, detail: detail?.(value) });
    return value;
  };

  const config = resolveConfig(options.root, options.configPath, options.overrides ?? {});

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
    const extracted = await timed(
      'parse',
      async () => {
        const cache = config.options.cache ? readFactsCache(config.root) : undefined;
        const out = await extractAll(found.files, {
          cache,
          maxFileSize: config.options.maxFileSize,
          workers: config.options.workers,
          onProgress: (done, total) => emit({ type: 'parse-progress', done, total }),
        });
        if (cache) writeFactsCache(config.root, cache);
        return out;
      },
      (x) => `${x.facts.length} files, ${x.cacheHits} cached`,
    );

    const linked = await timed(
      'link',
      () => link(extracted.facts, found),
      (l) => `${l.edges.length} edges`,
    );

    const access = await timed(
      'access',
      () =>
        collectAccess({
          files: extracted.facts,
          index: linked.index,
          schemaFiles: found.schemaFiles,
          packages: found.packages,
        }),
      (a) => `${a.tables.length} tables, ${a.accesses.length} accesses`,
    );
    return {
      base: buildResult({ config, found, extracted, linked, access }),
      cacheStats: { hits: extracted.cacheHits, misses: extracted.facts.length - extracted.cacheHits },
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
