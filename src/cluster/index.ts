/**
 * Cluster units and tables into candidate services: shared kernel set aside,
 * seeded Louvain at a chosen resolution, constraints, repair, minimum size,
 * names. Pure over the analysis result (browser-safe).
 */
import { buildGraph, type GraphInput } from '../graph/build-graph.js';
import { isTableNode, nodeId, tableNode, unitNode } from '../graph/weighted-graph.js';
import { MODE_WEIGHT, type Weights } from '../graph/weights.js';
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
import { globMatcher } from './match-glob.js';
import { mergeSmall } from './merge-small.js';
import { nameServices } from './naming.js';
import { splitDisconnected } from './repair.js';
import { closeSharedKernel, namedSharedKernel, spreadSharedKernel, type SharedReasons } from './shared-kernel.js';

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
    services: buildServices(input, cg, chosen.partition, (table) => isPinned(table)),
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

function buildServices(input: GraphInput, cg: ClusterGraph, partition: Partition, isPinnedTable: (id: string) => boolean): Service[] {
  const tableName = new Map(input.tables.map((t) => [t.id, t.name]));
  const groups = [...communities(partition).values()]
    .map((nodes) => ({
      units: unitsOf(cg, nodes),
      tables: tablesOf(cg, nodes),
      pin: nodes.find(isPinNode)?.slice(PIN_PREFIX.length),
    }))
    .filter((g) => g.units.length > 0 || g.pin !== undefined);
  ownTablesByUse(input, groups, isPinnedTable);
  adoptUnaccessedTables(input, groups, isPinnedTable);
  const names = nameServices(groups.map((g) => ({ ...g, tableName: (id: string) => tableName.get(id) ?? id.slice(id.indexOf(':') + 1) })));
  return groups
    .map((g, i) => ({ name: names[i], units: g.units, tables: g.tables, ...(g.pin !== undefined ? { pinned: true } : {}) }))
    .sort((a, b) => compareStrings(a.name, b.name));
}

/**
 * Each table goes to the service whose code uses it most: direct access
 * sites weighted by mode (write 2, read 1), from units in services. Louvain's
 * placement stands on a tie or when no service unit touches the table; pins
 * always stand.
 */
function ownTablesByUse(input: GraphInput, groups: { units: string[]; tables: string[] }[], isPinnedTable: (id: string) => boolean): void {
  const groupOfUnit = new Map<string, number>();
  groups.forEach((g, i) => g.units.forEach((u) => groupOfUnit.set(u, i)));
  const use = new Map<string, Map<number, number>>();
  for (const a of input.accesses) {
    const g = groupOfUnit.get(a.unit);
    if (a.propagated || g === undefined) continue;
    let m = use.get(a.table);
    if (!m) use.set(a.table, (m = new Map()));
    m.set(g, (m.get(g) ?? 0) + a.count * MODE_WEIGHT[a.mode]);
  }
  const current = new Map<string, number>();
  groups.forEach((g, i) => g.tables.forEach((t) => current.set(t, i)));
  for (const [table, m] of [...use].sort((a, b) => compareStrings(a[0], b[0]))) {
    if (isPinnedTable(table)) continue;
    const ranked = [...m].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const here = current.get(table);
    const top = ranked[0][1];
    if (here !== undefined && (m.get(here) ?? 0) === top) continue;
    if (here !== undefined) groups[here].tables = groups[here].tables.filter((t) => t !== table);
    groups[ranked[0][0]].tables.push(table);
  }
  for (const g of groups) g.tables.sort(compareStrings);
}

/**
 * Tables no code touches directly (declared but unused, reached only through
 * repositories, or implicit join tables) go to the service holding the file
 * that declares them (the team put the entity there; pins stand), else to the service owning the tables they reference or are
 * referenced by, when one service holds the most of those; otherwise they
 * stay unowned.
 */
function adoptUnaccessedTables(
  input: GraphInput,
  groups: { units: string[]; tables: string[] }[],
  isPinnedTable: (id: string) => boolean,
): void {
  const ownerOf = new Map<string, number>();
  groups.forEach((g, i) => g.tables.forEach((t) => ownerOf.set(t, i)));
  const groupOfUnit = new Map<string, number>();
  groups.forEach((g, i) => g.units.forEach((u) => groupOfUnit.set(u, i)));
  const accessed = new Set(input.accesses.filter((a) => !a.propagated).map((a) => a.table));
  for (const t of input.tables) {
    if (accessed.has(t.id) || t.declaredIn === undefined || isPinnedTable(t.id)) continue;
    const g = groupOfUnit.get(t.declaredIn.replace(/:\d+$/, ''));
    const here = ownerOf.get(t.id);
    if (g === undefined || g === here) continue;
    if (here !== undefined) groups[here].tables = groups[here].tables.filter((x) => x !== t.id);
    groups[g].tables.push(t.id);
    ownerOf.set(t.id, g);
  }
  const related = new Map<string, string[]>();
  for (const r of input.relations) {
    for (const [x, y] of [
      [r.from, r.to],
      [r.to, r.from],
    ]) {
      let list = related.get(x);
      if (!list) related.set(x, (list = []));
      list.push(y);
    }
  }
  const orphans = input.tables
    .map((t) => t.id)
    .filter((id) => !ownerOf.has(id))
    .sort(compareStrings);
  for (const table of orphans) {
    const votes = new Map<number, number>();
    for (const other of related.get(table) ?? []) {
      const owner = ownerOf.get(other);
      if (owner !== undefined) votes.set(owner, (votes.get(owner) ?? 0) + 1);
    }
    const ranked = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    if (ranked.length === 0 || (ranked.length > 1 && ranked[0][1] === ranked[1][1])) continue;
    groups[ranked[0][0]].tables.push(table);
  }
  for (const g of groups) g.tables.sort(compareStrings);
}
