/**
 * Which Louvain resolution to use. Every candidate partition is repaired and
 * size-merged first, then judged by its Newman modularity at γ = 1, so
 * partitions found at different resolutions are compared on one scale.
 */
import type { ResolutionAlternative } from '../model/decomposition.js';
import type { ClusterGraph, Partition } from './cluster-graph.js';
import { communities, partitionModularity } from './cluster-graph.js';
import { folderAlignment, type FolderLabels } from './folder-alignment.js';

export const SCANNED_RESOLUTIONS: readonly number[] = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4, 6];
/** Finer grid, only searched for `--services N`. */
export const TARGET_RESOLUTIONS: readonly number[] = Array.from({ length: 28 }, (_, i) => Math.round(0.02 * 1.3 ** i * 1000) / 1000);

/** Extra seeds run at the best resolution to measure how much modularity moves by chance. */
export const NOISE_SEEDS = 4;

export const DEFAULT_CRITERION =
  'highest modularity (γ = 1) among the scanned resolutions; candidates within the seed-to-seed spread of that modularity are ties, won by the fewest services (then the lowest resolution)';

/** Candidates whose modularity is within this share of the best are near enough for the module folders to decide. */
export const ALIGNMENT_TOLERANCE = 0.1;
/** Below this share of files in module folders (a layered layout), the folders have no say. */
export const ALIGNMENT_COVERAGE = 0.5;

export const ALIGNED_CRITERION = `modularity (γ = 1) within ${ALIGNMENT_TOLERANCE * 100}% of the best scanned resolution (or its seed-to-seed spread), then the closest match to the module folders (adjusted Rand index), then the fewest services`;

export interface Candidate extends ResolutionAlternative {
  partition: Partition;
}

export const serviceCount = (cg: ClusterGraph, partition: Partition): number =>
  [...communities(partition).values()].filter((nodes) => nodes.some((n) => (cg.size.get(n) ?? 0) > 0)).length;

export function candidate(cg: ClusterGraph, resolution: number, partition: Partition): Candidate {
  return { resolution, services: serviceCount(cg, partition), modularity: partitionModularity(cg, partition), partition };
}

export const bestModularity = (candidates: readonly Candidate[]): Candidate =>
  [...candidates].sort((a, b) => b.modularity - a.modularity || a.resolution - b.resolution)[0];

/**
 * Modularity differences smaller than what another seed changes at the best
 * resolution are noise: among the candidates that close to the best, the
 * fewest services win (fewer services cost less to run).
 */
export function bestWithinNoise(candidates: readonly Candidate[], noise: number): Candidate {
  const best = bestModularity(candidates).modularity;
  return candidates
    .filter((c) => c.modularity >= best - noise)
    .sort((a, b) => a.services - b.services || b.modularity - a.modularity || a.resolution - b.resolution)[0];
}

/** The candidate that can reach `target` services by merging the fewest communities (or the richest one, if none reaches it). */
export function closestToTarget(candidates: readonly Candidate[], target: number): Candidate {
  const enough = candidates.filter((c) => c.services >= target);
  if (enough.length === 0) return [...candidates].sort((a, b) => b.services - a.services || a.resolution - b.resolution)[0];
  return [...enough].sort((a, b) => a.services - b.services || b.modularity - a.modularity || a.resolution - b.resolution)[0];
}

/**
 * Modularity alone cannot tell a codebase's grain: it is flat over a range of
 * resolutions, and the team's module folders say which of those partitions
 * they meant. Among the candidates near the best modularity the one that
 * follows the module folders best wins; with too few files in module folders
 * (a layered layout) this is `bestWithinNoise`.
 */
export function bestAligned(
  candidates: readonly Candidate[],
  noise: number,
  labels: FolderLabels,
  tolerance = ALIGNMENT_TOLERANCE,
): { chosen: Candidate; aligned: boolean } {
  if (labels.coverage < ALIGNMENT_COVERAGE) return { chosen: bestWithinNoise(candidates, noise), aligned: false };
  const best = bestModularity(candidates).modularity;
  const floor = best - Math.max(noise, tolerance * Math.abs(best));
  const scored = candidates.filter((c) => c.modularity >= floor).map((c) => ({ c, a: folderAlignment(labels, c.partition) }));
  scored.sort((x, y) => y.a - x.a || x.c.services - y.c.services || y.c.modularity - x.c.modularity || x.c.resolution - y.c.resolution);
  return { chosen: scored[0].c, aligned: true };
}
