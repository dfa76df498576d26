/**
 * Cluster units and tables into candidate services: shared kernel set aside,
 * seeded Louvain at a chosen resolution, constraints, repair, minimum size,
 * names. Pure over the analysis result (browser-safe).
 */
import { buildGraph, type GraphInput } from '../graph/build-graph.js';
import { isTableNode, nodeId, tableNode, unitNode } from '../graph/weighted-graph.js';
import type { Weights } from '../graph/weights.js';
import type { ClientApp, ClusteringInfo, Service, SharedUnit } from '../model/decomposition.js';
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
import { clientApps, type AsIsInput } from './as-is.js';
import { globMatcher } from '../util/glob.js';
import { findModuleFolders, MODULE_ALIGNMENT_TOLERANCE } from './module-folders.js';
import { mergeSmall } from './merge-small.js';
import { nameServices } from './naming.js';
import { splitDisconnected } from './repair.js';
import { medoid, MODULARITY_TIE, STABILITY_SEEDS } from './seed-stability.js';
import { closeSharedKernel, namedSharedKernel, spreadSharedKernel, type SharedReasons } from './shared-kernel.js';
import { adoptUnaccessedTables, ownTablesByUse, placeEntityFiles } from './table-ownership.js';

export interface ClusterOptions {
  granularity: 'auto' | 'file' | 'folder';
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
  clients?: ClientApp[];
  clustering: ClusteringInfo;
}

export function clusterServices(input: AsIsInput, options: ClusterOptions): ClusterOutput {
  const graph = buildGraph(input, options.weights);
  // Client apps (front ends, CLIs) are never clustered into back-end services.
  const clients = clientApps(input);
  const clientUnit = new Set(clients.flatMap((c) => c.units));
  const pinOf = pinLookup(options.pins);
  const isPinned = (id: string): boolean => pinOf(id) !== undefined;
  const folderOfUnit = new Map(input.units.map((u) => [u.id, u.folder]));
  const modules = options.granularity === 'auto' ? findModuleFolders(input.units) : undefined;
  const granularity: 'file' | 'folder' = options.granularity === 'folder' || modules?.use ? 'folder' : 'file';
  // At `folder` granularity a node is a folder; chosen automatically, a module folder (with its layer subfolders).
  const groupFolder = (id: string): string => (modules?.use ? (modules.of.get(id) ?? `file:${id}`) : (folderOfUnit.get(id) ?? '.'));

  const named = closeSharedKernel(input, namedSharedKernel(input, options.shared, isPinned), isPinned);
  const groupWithout =
    (shared: SharedReasons) =>
    (node: string): string | undefined => {
      const id = nodeId(node);
      const pin = pinOf(id);
      if (pin !== undefined) return `${PIN_PREFIX}${pin}`;
      if (isTableNode(node)) return graph.degree(node) > 0 ? node : undefined;
      if (shared.has(id) || clientUnit.has(id)) return undefined;
      return granularity === 'folder' ? `folder:${groupFolder(id)}` : node;
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

  // The whole choice for one seed: scan, then the criterion (or the target / the configured resolution).
  const chooseWith = (seed: number): { chosen: Candidate; criterion: string; scanned: Candidate[] } => {
    const scanned = SCANNED_RESOLUTIONS.map((r) => candidate(cg, r, partitionAt(r, undefined, seed)));
    if (options.services !== undefined) {
      const target = options.services;
      const fine = TARGET_RESOLUTIONS.map((r) => candidate(cg, r, partitionAt(r, undefined, seed)));
      const near = closestToTarget([...scanned, ...fine], target);
      return {
        chosen: candidate(cg, near.resolution, partitionAt(near.resolution, target, seed)),
        criterion: `resolution giving ${target} service${target === 1 ? '' : 's'}: γ = ${near.resolution} found ${near.services}${near.services > target ? `, the smallest merged into their neighbours` : ''}`,
        scanned,
      };
    }
    if (options.resolution !== undefined) {
      return {
        chosen: candidate(cg, options.resolution, partitionAt(options.resolution, undefined, seed)),
        criterion: 'resolution set in config',
        scanned,
      };
    }
    const best = bestModularity(scanned);
    const others = Array.from(
      { length: NOISE_SEEDS },
      (_, i) => candidate(cg, best.resolution, partitionAt(best.resolution, undefined, seed + i + 1)).modularity,
    );
    const all = [best.modularity, ...others];
    const pick = bestAligned(
      scanned,
      Math.max(...all) - Math.min(...all),
      folderLabels(cg),
      modules?.use ? MODULE_ALIGNMENT_TOLERANCE : undefined,
    );
    return { chosen: pick.chosen, criterion: pick.aligned ? ALIGNED_CRITERION : DEFAULT_CRITERION, scanned };
  };
  const runs = Array.from({ length: STABILITY_SEEDS }, (_, i) => {
    const seed = options.seed + i;
    const value = chooseWith(seed);
    return { seed, partition: value.chosen.partition, modularity: value.chosen.modularity, value };
  });
  const stable = medoid(cg, runs);
  const { chosen, scanned } = stable.chosen.value;
  const why = modules ? `${modules.reason}; ` : '';
  const criterion = `${why}${stable.chosen.value.criterion}; over ${STABILITY_SEEDS} seeds (${options.seed}–${options.seed + STABILITY_SEEDS - 1}), among the partitions within ${MODULARITY_TIE * 100}% of the best modularity the one agreeing most with all`;

  return {
    services: buildServices(input, cg, chosen.partition, granularity, isPinned),
    shared: [...shared]
      .filter(([unit]) => !clientUnit.has(unit))
      .map(([unit, reasons]) => ({ unit, reasons }))
      .sort((a, b) => compareStrings(a.unit, b.unit)),
    ...(clients.length > 0 ? { clients } : {}),
    clustering: {
      granularity,
      seed: options.seed,
      resolution: chosen.resolution,
      criterion,
      alternatives: scanned.map(({ resolution, services, modularity }) => ({ resolution, services, modularity })),
      stability: {
        seeds: runs.map((r) => r.seed),
        services: runs.map((r) => r.value.chosen.services),
        chosenSeed: stable.chosen.seed,
        meanAri: round(stable.meanAri),
        minAri: round(stable.minAri),
      },
      ...(options.services !== undefined ? { requestedServices: options.services } : {}),
    },
  };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

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
