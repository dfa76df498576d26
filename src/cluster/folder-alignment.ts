/**
 * How well a partition follows the module folders the team drew: the
 * adjusted Rand index between services and each file's module folder (the
 * first folder below its deepest source root, `src/orders/…` → `src/orders`,
 * layer folders skipped when a folder follows them; a folder holding nearly
 * every file, like `src/domains/`, is looked into). Files right in a source
 * root or a layer folder have no module folder and are not compared, so a
 * layered monolith (`controllers/ services/`) has little to align with.
 */
import { LAYER_FOLDERS, SOURCE_ROOTS } from '../graph/edge-signals/folder.js';
import { isTableNode, nodeId } from '../graph/weighted-graph.js';
import { Contingency } from './weighted-ari.js';
import type { ClusterGraph, Partition } from './cluster-graph.js';

export function moduleFolder(unitId: string): string | undefined {
  const folders = unitId.split('/').slice(0, -1);
  let root = -1;
  folders.forEach((f, i) => {
    if (SOURCE_ROOTS.has(f.toLowerCase())) root = i;
  });
  return folderFrom(folders, root + 1);
}

/** The first folder at or below depth `i` that is not a layer folder with more folders under it. */
function folderFrom(folders: readonly string[], start: number): string | undefined {
  let i = start;
  while (i < folders.length - 1 && LAYER_FOLDERS.has(folders[i].toLowerCase())) i++;
  if (i >= folders.length || LAYER_FOLDERS.has(folders[i].toLowerCase())) return undefined;
  return folders.slice(0, i + 1).join('/');
}

/** A module folder holding at least this share of the labelled files is a container (`src/domains/`): look inside it. */
const CONTAINER_SHARE = 0.8;

export interface FolderLabels {
  /** Module folder of each unit node's units, by cluster node. */
  byNode: Map<string, string[]>;
  /** Share of the clustered units that have a module folder. */
  coverage: number;
}

export function folderLabels(cg: ClusterGraph): FolderLabels {
  const label = new Map<string, string>();
  let units = 0;
  for (const node of cg.nodes) {
    for (const member of cg.members.get(node) ?? []) {
      if (isTableNode(member)) continue;
      units++;
      const folder = moduleFolder(nodeId(member));
      if (folder !== undefined) label.set(member, folder);
    }
  }
  descendContainers(label);
  const byNode = new Map<string, string[]>();
  for (const node of cg.nodes) {
    const labels = (cg.members.get(node) ?? []).flatMap((m) => label.get(m) ?? []);
    if (labels.length > 0) byNode.set(node, labels);
  }
  return { byNode, coverage: units === 0 ? 0 : label.size / units };
}

/** While one module folder holds nearly every labelled file, its subfolders are the modules (files right in it lose their label). */
function descendContainers(label: Map<string, string>): void {
  for (;;) {
    const counts = new Map<string, number>();
    for (const l of label.values()) counts.set(l, (counts.get(l) ?? 0) + 1);
    const [top, n] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? ['', 0];
    if (label.size < 2 || n < CONTAINER_SHARE * label.size) return;
    const depth = top.split('/').length;
    let deeper = false;
    for (const [member, l] of [...label]) {
      if (l !== top) continue;
      const below = folderFrom(nodeId(member).split('/').slice(0, -1), depth);
      if (below === undefined) label.delete(member);
      else {
        label.set(member, below);
        deeper = true;
      }
    }
    if (!deeper) return;
  }
}

/** Adjusted Rand index (Hubert & Arabie) between the partition's communities and the module folders. */
export function folderAlignment(labels: FolderLabels, partition: Partition): number {
  const table = new Contingency();
  for (const [node, folders] of labels.byNode) {
    const c = partition.get(node);
    if (c === undefined) continue;
    for (const f of folders) table.add(c, f);
  }
  return table.ari(0);
}
