/**
 * Seed-to-seed stability. Louvain's result moves with its random seed; a
 * team must not get another answer by changing a number. The whole choice
 * (scan, resolution, partition) is run for `STABILITY_SEEDS` consecutive
 * seeds from the configured one. Louvain maximises modularity, so the runs
 * whose modularity is within `MODULARITY_TIE` of the best are its best
 * answers; among those the proposal is the medoid — the partition with the
 * highest mean adjusted Rand index to all runs (ties: the lower seed). The
 * spread is reported. Deterministic for a given `seed`.
 */
import type { ClusterGraph, Partition } from './cluster-graph.js';
import { Contingency } from './weighted-ari.js';

export const STABILITY_SEEDS = 5;
/** Share of the best modularity within which seed runs count as equally good. */
export const MODULARITY_TIE = 0.01;

/** Adjusted Rand index between two partitions of the cluster graph, each node counted by the files it stands for. */
export function partitionAri(cg: ClusterGraph, a: Partition, b: Partition): number {
  const table = new Contingency();
  for (const node of cg.nodes) {
    const w = cg.size.get(node) ?? 0;
    const x = a.get(node);
    const y = b.get(node);
    if (w === 0 || x === undefined || y === undefined) continue;
    table.add(x, y, w);
  }
  return table.ari(1);
}

export interface SeedRun<T> {
  seed: number;
  partition: Partition;
  modularity: number;
  value: T;
}

/** The medoid run and the pairwise agreement of all runs. */
export function medoid<T>(cg: ClusterGraph, runs: readonly SeedRun<T>[]): { chosen: SeedRun<T>; meanAri: number; minAri: number } {
  const k = runs.length;
  const ari = runs.map(() => new Array<number>(k).fill(1));
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) ari[i][j] = ari[j][i] = partitionAri(cg, runs[i].partition, runs[j].partition);
  }
  const mean = (i: number): number => (k < 2 ? 1 : ari[i].reduce((s, v, j) => (j === i ? s : s + v), 0) / (k - 1));
  const top = Math.max(...runs.map((r) => r.modularity));
  const good = (i: number): boolean => runs[i].modularity >= top - MODULARITY_TIE * Math.abs(top);
  let best = runs.findIndex((_, i) => good(i));
  for (let i = best + 1; i < k; i++) if (good(i) && mean(i) > mean(best) + 1e-12) best = i;
  let sum = 0;
  let min = 1;
  let count = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      sum += ari[i][j];
      min = Math.min(min, ari[i][j]);
      count++;
    }
  }
  return { chosen: runs[best], meanAri: count === 0 ? 1 : sum / count, minAri: min };
}
