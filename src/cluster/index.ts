/**
 * Cluster units and tables into candidate services: shared kernel set aside,
 * seeded Louvain at a chosen resolution, constraints, repair, minimum size,
 * names. Pure over the analysis result (browser-safe).
 */
import { buildGraph, type GraphInput } from '../graph/build-graph.js';
import { isTableNode, nodeId, tableNode, unitNode } from '../graph/weighted-graph.js';
import type { Weights } from '../graph/weights.js';
import type { ClusteringInfo, Service, SharedUnit } from '../model/decomposition.js';
import { compareStrings } from '../util/sort.js';
import {
  ALIGNED_CRITERION,
  bestAligned,
  bestModularity,
  candidate,
  closestToTarget,
  DEFAULT_CRITERION,
  NOISE_SEEDS,
  SCANNED_RESOLUTIONS,
  TARGET_RESOLUTIONS,
  type Candidate,
} from './choose-resolution.js';
import { buildClusterGraph, communities, tablesOf, unitsOf, type ClusterGraph, type Partition } from './cluster-graph.js';
import { folderLabels } from './folder-alignment.js';
import { applyConstraints, isPinNode, PIN_PREFIX, type ApartPair } from './constraints.js';
import { runLouvain } from './louvain.js';
import { globMatcher } from '../util/glob.js';
import { mergeSmall } from './merge-small.js';
import { nameServices } from './naming.js';
import { splitDisconnected } from './repair.js';
import { closeSharedKernel, namedSharedKernel, spreadSharedKernel, type SharedReasons } from './shared-kernel.js';
import { adoptUnaccessedTables, ownTablesByUse, placeEntityFiles } from './table-ownership.js';

export interface ClusterOptions {
  granularity: 'file' | 'folder';
  seed: number;
  resolution?: number;
  services?: number;
  minServiceSize: number;
  weights?: Partial<Weights>;
  shared: string[];
  pins: Record<string, string[]>;
  apart: [string, string][];
}

export interface ClusterOutput {
  services: Service[];
  shared: SharedUnit[];
  clustering: ClusteringInfo;
}

export function clusterServices(input: GraphInput, options: ClusterOptions): ClusterOutput {
  const graph = buildGraph(input, options.weights);
  const pinOf = pinLookup(options.pins);
  const isPinned = (id: string): boolean => pinOf(id) !== undefined;
  const folderOfUnit = new Map(input.units.map((u) => [u.id, u.folder]));

  const named = closeSharedKernel(input, namedSharedKernel(input, options.shared, isPinned), isPinned);
  const groupWithout =
    (shared: SharedReasons) =>
    (node: string): string | undefined => {
      const id = nodeId(node);
      const pin = pinOf(id);
      if (pin !== undefined) return `${PIN_PREFIX}${pin}`;
      if (isTableNode(node)) return graph.degree(node) > 0 ? node : undefined;
      if (shared.has(id)) return undefined;
      return options.granularity === 'folder' ? `folder:${folderOfUnit.get(id) ?? '.'}` : node;
    };
  const folderOf = (node: string): string => (isTableNode(node) ? '' : (folderOfUnit.get(nodeId(node)) ?? '.'));

  // A first clustering tells which files many clusters depend on.
  const first = buildClusterGraph(graph, groupWithout(named), folderOf);
  const firstPartition = splitDisconnected(first, runLouvain(first, 1, options.seed));
  const firstGroup = groupWithout(named);
  const clusterOf = (unit: string): number | undefined => {
    const g = firstGroup(unitNode(unit));
    return g === undefined ? undefined : firstPartition.get(g);
  };
  const firstCount = [...communities(firstPartition).values()].filter(
    (nodes) => nodes.reduce((s, n) => s + (first.size.get(n) ?? 0), 0) >= 2,
  ).length;
  const spread = spreadSharedKernel(input, clusterOf, firstCount, named, isPinned);
  const shared = closeSharedKernel(input, new Map([...named, ...spread]), isPinned);

  const cg = buildClusterGraph(graph, groupWithout(shared), folderOf);
  const group = groupWithout(shared);
  const apart = options.apart.map(([a, b]) => ({ a: nodesMatching(input, a, group), b: nodesMatching(input, b, group) }));
  const partitionAt = (resolution: number, target?: number, seed = options.seed): Partition =>
    settle(cg, applyConstraints(cg, runLouvain(cg, resolution, seed), apart), options.minServiceSize, apart, target);

  const scanned = SCANNED_RESOLUTIONS.map((r) => candidate(cg, r, partitionAt(r)));
  let chosen: Candidate;
  let criterion = DEFAULT_CRITERION;
  if (options.services !== undefined) {
    const target = options.services;
    const fine = TARGET_RESOLUTIONS.map((r) => candidate(cg, r, partitionAt(r)));
    const near = closestToTarget([...scanned, ...fine], target);
    chosen = candidate(cg, near.resolution, partitionAt(near.resolution, target));
    criterion = `resolution giving ${target} service${target === 1 ? '' : 's'}: γ = ${near.resolution} found ${near.services}${near.services > target ? `, the smallest merged into their neighbours` : ''}`;
  } else if (options.resolution !== undefined) {
    chosen = candidate(cg, options.resolution, partitionAt(options.resolution));
    criterion = 'resolution set in config';
  } else {
    const best = bestModularity(scanned);
    const others = Array.from(
      { length: NOISE_SEEDS },
      (_, i) => candidate(cg, best.resolution, partitionAt(best.resolution, undefined, options.seed + i + 1)).modularity,
    );
    const all = [best.modularity, ...others];
    const pick = bestAligned(scanned, Math.max(...all) - Math.min(...all), folderLabels(cg));
    chosen = pick.chosen;
    if (pick.aligned) criterion = ALIGNED_CRITERION;
  }

  return {
    services: buildServices(input, cg, chosen.partition, options.granularity, isPinned),
    shared: [...shared].map(([unit, reasons]) => ({ unit, reasons })).sort((a, b) => compareStrings(a.unit, b.unit)),
    clustering: {
      granularity: options.granularity,
      seed: options.seed,
      resolution: chosen.resolution,
      criterion,
      alternatives: scanned.map(({ resolution, services, modularity }) => ({ resolution, services, modularity })),
      ...(options.services !== undefined ? { requestedServices: options.services } : {}),
    },
  };
}

/** Constraints, then repair of disconnected communities, then minimum size (and target count). */
function settle(cg: ClusterGraph, partition: Partition, minSize: number, apart: ApartPair[], target?: number): Partition {
  const repaired = splitDisconnected(cg, partition);
  return mergeSmall(cg, repaired, {
    minSize,
    target,
    isPinned: (nodes) => nodes.some(isPinNode),
    conflicts: (a, b) =>
      (a.some(isPinNode) && b.some(isPinNode)) ||
      apart.some(
        (p) => (a.some((n) => p.a.has(n)) && b.some((n) => p.b.has(n))) || (a.some((n) => p.b.has(n)) && b.some((n) => p.a.has(n))),
      ),
  });
}

function pinLookup(pins: Record<string, string[]>): (id: string) => string | undefined {
  const compiled = Object.keys(pins)
    .sort(compareStrings)
    .map((name) => ({ name, matchers: pins[name].map(globMatcher) }));
  const memo = new Map<string, string | undefined>();
  return (id) => {
    if (memo.has(id)) return memo.get(id);
    const hit = compiled.find((p) => p.matchers.some((m) => m(id)))?.name;
    memo.set(id, hit);
    return hit;
  };
}

function nodesMatching(input: GraphInput, pattern: string, group: (node: string) => string | undefined): Set<string> {
  const match = globMatcher(pattern);
  const out = new Set<string>();
  for (const u of input.units) if (match(u.id)) out.add(group(unitNode(u.id)) ?? '');
  for (const t of input.tables) if (match(t.id)) out.add(group(tableNode(t.id)) ?? '');
  out.delete('');
  return out;
}

function buildServices(
  input: GraphInput,
  cg: ClusterGraph,
  partition: Partition,
  granularity: ClusterOptions['granularity'],
  isPinned: (id: string) => boolean,
): Service[] {
  const tableName = new Map(input.tables.map((t) => [t.id, t.name]));
  const groups = [...communities(partition).values()]
    .map((nodes) => ({
      units: unitsOf(cg, nodes),
      tables: tablesOf(cg, nodes),
      pin: nodes.find(isPinNode)?.slice(PIN_PREFIX.length),
    }))
    .filter((g) => g.units.length > 0 || g.pin !== undefined);
  ownTablesByUse(input, groups, isPinned);
  if (granularity === 'file') placeEntityFiles(input, groups, isPinned);
  adoptUnaccessedTables(input, groups, isPinned);
  const names = nameServices(groups.map((g) => ({ ...g, tableName: (id: string) => tableName.get(id) ?? id.slice(id.indexOf(':') + 1) })));
  return groups
    .map((g, i) => ({ name: names[i], units: g.units, tables: g.tables, ...(g.pin !== undefined ? { pinned: true } : {}) }))
    .sort((a, b) => compareStrings(a.name, b.name));
}
