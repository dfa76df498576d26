/**
 * What one benchmarked size records in bench/results/size-<n>.json: medians
 * over the runs, every run's raw time, peak memory, carve's phase shares and
 * the ratios the issue tracks (carve ÷ parse limit, carve ÷ dependency-cruiser,
 * warm ÷ cold).
 */
import type { Machine } from './machine.js';
import { median, type Measurement } from './measure.js';
import type { CarveRun, DepcruiseRun, ParseLimitRun } from './tools.js';

export interface SizeResult {
  name: string;
  measuredAt: string;
  /** HEAD of the carve repository when the build was snapshotted (others may have built uncommitted work into dist/). */
  carveCommit: string;
  machine: Machine;
  /** Of a real repository (the `real-<name>` rows): what it is; then `monolith` holds only what carve analysed in it. */
  source?: { name: string; repo: string; commit: string; path: string };
  monolith: { files: number; lines: number; domains: number; seed: number };
  runs: number;
  carve: {
    /** What carve analysed (from its own result), to check it read the same files as the others. */
    analysed: { files: number; lines: number; edges: number; unresolvedImports: number; tables: number; accesses: number };
    cold: {
      wallMs: number;
      /** Median CPU time (user + system, all threads). */
      cpuMs: number;
      runsMs: number[];
      peakRssMb: number;
      /** Median ms per phase; `other` is wall time outside the phases (Node start-up, module loading, config, JSON output). */
      phasesMs: Record<string, number>;
      /** Share of the cold wall time, %. */
      sharesPct: Record<string, number>;
      /** Highest peak RSS (MB) reached by the end of each phase, over the runs. */
      phaseRssPeakMb: Record<string, number>;
      /** `carve --version`: Node start-up and module loading, part of `other`. */
      startupMs: number;
      startupCpuMs: number;
    };
    warm: {
      wallMs: number;
      cpuMs: number;
      runsMs: number[];
      peakRssMb: number;
      phasesMs: Record<string, number>;
      fillMs: number;
      touchedFiles: number;
      cache: { hits: number; misses: number };
      pctOfCold: number;
    };
  };
  parseLimit: { wallMs: number; cpuMs: number; runsMs: number[]; inProcessMs: number; peakRssMb: number; nodes: number };
  /** `failed` when it did not finish (e.g. killed by --timeout): then its ratios are null. */
  depcruise:
    { wallMs: number; cpuMs: number; runsMs: number[]; peakRssMb: number; modules: number; dependencies: number } | { failed: string };
  /** Of wall times; `cpu` holds the same ratios of CPU times, steadier when other work shares the machine. */
  ratios: {
    carveToParseLimit: number;
    carveToDepcruise: number | null;
    warmToCold: number;
    cpu: { carveToParseLimit: number; carveToDepcruise: number | null; warmToCold: number };
  };
}

const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

export interface SizeRuns {
  carveCommit: string;
  machine: Machine;
  monolith: SizeResult['monolith'];
  source?: SizeResult['source'];
  analysed: SizeResult['carve']['analysed'];
  cold: CarveRun[];
  startup: Measurement[];
  fill: CarveRun;
  warm: CarveRun[];
  touchedFiles: number;
  parseLimit: ParseLimitRun[];
  /** Empty when dependency-cruiser failed; then `depcruiseFailure` says why. */
  depcruise: DepcruiseRun[];
  depcruiseFailure?: string;
}

function peakPerPhase(runs: CarveRun[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const run of runs) for (const [phase, mb] of Object.entries(run.phaseRssPeakMb ?? {})) out[phase] = Math.max(out[phase] ?? 0, mb);
  return out;
}

/** Median ms per phase, plus `other`: the wall time no phase accounts for. */
function medianPhases(runs: CarveRun[], wallMs: number): Record<string, number> {
  const phases: Record<string, number> = {};
  for (const phase of Object.keys(runs[0].phases)) phases[phase] = round(median(runs.map((x) => x.phases[phase] ?? 0)), 0);
  phases.other = round(Math.max(0, wallMs - Object.values(phases).reduce((a, b) => a + b, 0)), 0);
  return phases;
}

export function summarise(r: SizeRuns, measuredAt: Date): SizeResult {
  const wall = (runs: { wallMs: number }[]) => round(median(runs.map((x) => x.wallMs)), 0);
  const cpu = (runs: { cpuMs: number }[]) => round(median(runs.map((x) => x.cpuMs)), 0);
  const peak = (runs: { peakRssMb: number }[]) => round(Math.max(...runs.map((x) => x.peakRssMb)), 0);
  const coldMs = wall(r.cold);
  const warmMs = wall(r.warm);
  const phasesMs = medianPhases(r.cold, coldMs);
  const sharesPct = Object.fromEntries(Object.entries(phasesMs).map(([p, ms]) => [p, round((ms / coldMs) * 100)]));
  const parseMs = wall(r.parseLimit);
  const dep = r.depcruise.length > 0 ? r.depcruise : undefined;
  const lastWarm = r.warm[r.warm.length - 1];
  return {
    name: r.source ? `real-${r.source.name}` : `size-${r.monolith.files}`,
    measuredAt: measuredAt.toISOString(),
    carveCommit: r.carveCommit,
    machine: r.machine,
    ...(r.source ? { source: r.source } : {}),
    monolith: r.monolith,
    runs: r.cold.length,
    carve: {
      analysed: r.analysed,
      cold: {
        wallMs: coldMs,
        cpuMs: cpu(r.cold),
        runsMs: r.cold.map((x) => round(x.wallMs, 0)),
        peakRssMb: peak(r.cold),
        phasesMs,
        sharesPct,
        phaseRssPeakMb: peakPerPhase(r.cold),
        startupMs: wall(r.startup),
        startupCpuMs: cpu(r.startup),
      },
      warm: {
        wallMs: warmMs,
        cpuMs: cpu(r.warm),
        runsMs: r.warm.map((x) => round(x.wallMs, 0)),
        peakRssMb: peak(r.warm),
        phasesMs: medianPhases(r.warm, warmMs),
        fillMs: round(r.fill.wallMs, 0),
        touchedFiles: r.touchedFiles,
        cache: lastWarm.cache,
        pctOfCold: round((warmMs / coldMs) * 100),
      },
    },
    parseLimit: {
      wallMs: parseMs,
      cpuMs: cpu(r.parseLimit),
      runsMs: r.parseLimit.map((x) => round(x.wallMs, 0)),
      inProcessMs: round(median(r.parseLimit.map((x) => x.parseMs)), 0),
      peakRssMb: peak(r.parseLimit),
      nodes: r.parseLimit[0].nodes,
    },
    depcruise: dep
      ? {
          wallMs: wall(dep),
          cpuMs: cpu(dep),
          runsMs: dep.map((x) => round(x.wallMs, 0)),
          peakRssMb: peak(dep),
          modules: dep[0].modules,
          dependencies: dep[0].dependencies,
        }
      : { failed: r.depcruiseFailure ?? 'no runs' },
    ratios: {
      carveToParseLimit: round(coldMs / parseMs, 2),
      carveToDepcruise: dep ? round(coldMs / wall(dep), 2) : null,
      warmToCold: round(warmMs / coldMs, 2),
      cpu: {
        carveToParseLimit: round(cpu(r.cold) / cpu(r.parseLimit), 2),
        carveToDepcruise: dep ? round(cpu(r.cold) / cpu(dep), 2) : null,
        warmToCold: round(cpu(r.warm) / cpu(r.cold), 2),
      },
    },
  };
}
