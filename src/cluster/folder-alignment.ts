/**
 * How well a partition follows the module folders the team drew: the
 * adjusted Rand index between services and each file's module folder (the
 * first folder below its deepest source root, `src/orders/…` → `src/orders`,
 * layer folders skipped when a folder follows them). Files right in a source
 * root or a layer folder have no module folder and are not compared, so a
 * layered monolith (`controllers/ services/`) has little to align with.
 */
import { LAYER_FOLDERS, SOURCE_ROOTS } from '../graph/edge-signals/folder.js';
import { isTableNode, nodeId } from '../graph/weighted-graph.js';
import type { ClusterGraph, Partition } from './cluster-graph.js';

export function moduleFolder(unitId: string): string | undefined {
  const folders = unitId.split('/').slice(0, -1);
  let root = -1;
  folders.forEach((f, i) => {
    if (SOURCE_ROOTS.has(f.toLowerCase())) root = i;
  });
  let i = root + 1;
  while (i < folders.length - 1 && LAYER_FOLDERS.has(folders[i].toLowerCase())) i++;
  if (i >= folders.length || LAYER_FOLDERS.has(folders[i].toLowerCase())) return undefined;
  return folders.slice(0, i + 1).join('/');
}

export interface FolderLabels {
  /** Module folder of each unit node's units, by cluster node. */
  byNode: Map<string, string[]>;
  /** Share of the clustered units that have a module folder. */
  coverage: number;
}

export function folderLabels(cg: ClusterGraph): FolderLabels {
  const byNode = new Map<string, string[]>();
  let units = 0;
  let labelled = 0;
  for (const node of cg.nodes) {
    const labels: string[] = [];
    for (const member of cg.members.get(node) ?? []) {
      if (isTableNode(member)) continue;
      units++;
      const folder = moduleFolder(nodeId(member));
      if (folder === undefined) continue;
      labelled++;
      labels.push(folder);
    }
    if (labels.length > 0) byNode.set(node, labels);
  }
  return { byNode, coverage: units === 0 ? 0 : labelled / units };
}

const pairs = (x: number): number => (x * (x - 1)) / 2;

/** Adjusted Rand index (Hubert & Arabie) between the partition's communities and the module folders. */
export function folderAlignment(labels: FolderLabels, partition: Partition): number {
  const cells = new Map<string, number>();
  const rows = new Map<number, number>();
  const cols = new Map<string, number>();
  let n = 0;
  for (const [node, folders] of labels.byNode) {
    const c = partition.get(node);
    if (c === undefined) continue;
    for (const f of folders) {
      const key = `${c}\0${f}`;
      cells.set(key, (cells.get(key) ?? 0) + 1);
      rows.set(c, (rows.get(c) ?? 0) + 1);
      cols.set(f, (cols.get(f) ?? 0) + 1);
      n++;
    }
  }
  if (n < 2) return 0;
  let index = 0;
  for (const v of cells.values()) index += pairs(v);
  let sumA = 0;
  for (const v of rows.values()) sumA += pairs(v);
  let sumB = 0;
  for (const v of cols.values()) sumB += pairs(v);
  const expected = (sumA * sumB) / pairs(n);
  const max = (sumA + sumB) / 2;
  return max === expected ? 0 : (index - expected) / (max - expected);
}
