/**
 * The service map's elements for one level of detail: services (collapsed or
 * expanded into folders, folders into files) and tables, with dependency and
 * access edges aggregated onto whatever node stands for each endpoint. Pure,
 * so a redraw is one linear pass over units, edges and accesses.
 */
import type { AnalysisResult } from '../../../src/model/result.js';
import { compareStrings } from '../../../src/util/sort.js';
import { SHARED_KERNEL, type Derived, type Ownership } from '../state/derive.js';

export interface MapLevel {
  expanded: Set<string>; // service names
  expandedFolders: Set<string>; // folderKey(service, folder)
  /** Narrows large levels: only files / folders whose path contains it. */
  filter: string;
}

export interface MapNode {
  id: string;
  kind: 'service' | 'kernel' | 'folder' | 'file' | 'table';
  label: string;
  parent?: string;
  size: number;
  service: string;
  expanded?: boolean;
  ownership?: Ownership;
  folder?: string;
  unit?: string;
  table?: string;
  detail: string;
}

export interface MapEdge {
  id: string;
  source: string;
  target: string;
  /** `flow`: a message from producers to consumers (drawn dashed). */
  kind: 'depends' | 'read' | 'write' | 'flow';
  weight: number;
}

export interface MapElements {
  nodes: MapNode[];
  edges: MapEdge[];
  /** Why some of the level is not drawn, and how to see it. */
  notes: string[];
}

/** Most children drawn inside one expanded service or folder before the filter is needed. */
export const MAX_CHILDREN = 150;
/** Most tables drawn at once. */
export const MAX_TABLES = 200;

export const serviceNodeId = (name: string): string => `s:${name}`;
export const folderKey = (service: string, folder: string): string => `${service}\u0000${folder}`;
export const folderNodeId = (service: string, folder: string): string => `d:${folderKey(service, folder)}`;
export const fileNodeId = (unit: string): string => `u:${unit}`;
export const tableNodeId = (table: string): string => `t:${table}`;

const scale = (lines: number, min: number, max: number): number => Math.min(max, min + Math.sqrt(lines) * 1.2);

export function buildMapElements(result: AnalysisResult, derived: Derived, services: string[], level: MapLevel): MapElements {
  const nodes: MapNode[] = [];
  const notes: string[] = [];
  const filter = level.filter.trim().toLowerCase();
  const serviceOf = (unit: string): string => derived.unitService.get(unit) ?? SHARED_KERNEL;

  // Units by service, then by folder.
  const tree = new Map<string, Map<string, { id: string; lines: number }[]>>();
  for (const unit of result.units) {
    const service = serviceOf(unit.id);
    let folders = tree.get(service);
    if (!folders) tree.set(service, (folders = new Map()));
    const files = folders.get(unit.folder) ?? [];
    files.push({ id: unit.id, lines: unit.lines });
    folders.set(unit.folder, files);
  }
  const names = [...services, ...(tree.has(SHARED_KERNEL) ? [SHARED_KERNEL] : [])];

  const rep = new Map<string, string>(); // unit id → id of the node drawn for it
  for (const service of names) {
    const folders = tree.get(service) ?? new Map<string, { id: string; lines: number }[]>();
    const all = Array.from(folders.values()).flat();
    const lines = all.reduce((sum, f) => sum + f.lines, 0);
    const sid = serviceNodeId(service);
    const expanded = level.expanded.has(service) && all.length > 0;
    nodes.push({
      id: sid,
      kind: service === SHARED_KERNEL ? 'kernel' : 'service',
      label: service,
      size: scale(lines, 28, 140),
      service,
      expanded,
      detail: `${all.length} files · ${lines} lines`,
    });
    if (!expanded) {
      for (const f of all) rep.set(f.id, sid);
      continue;
    }
    let folderNames = Array.from(folders.keys()).sort(compareStrings);
    if (folderNames.length > MAX_CHILDREN) {
      const kept = folderNames.filter((f) => filter !== '' && f.toLowerCase().includes(filter)).slice(0, MAX_CHILDREN);
      notes.push(`${service} has ${folderNames.length} folders, too many to draw: showing ${kept.length} matching the filter.`);
      for (const f of folderNames) if (!kept.includes(f)) for (const file of folders.get(f) ?? []) rep.set(file.id, sid);
      folderNames = kept;
    }
    for (const folder of folderNames) {
      const files = (folders.get(folder) ?? []).sort((a, b) => compareStrings(a.id, b.id));
      const did = folderNodeId(service, folder);
      const open = level.expandedFolders.has(folderKey(service, folder));
      const folderLines = files.reduce((sum, f) => sum + f.lines, 0);
      nodes.push({
        id: did,
        kind: 'folder',
        label: folder,
        parent: sid,
        size: scale(folderLines, 18, 80),
        service,
        folder,
        expanded: open,
        detail: `${files.length} files · ${folderLines} lines`,
      });
      let shown = open ? files : [];
      if (shown.length > MAX_CHILDREN) {
        shown = files.filter((f) => filter !== '' && f.id.toLowerCase().includes(filter)).slice(0, MAX_CHILDREN);
        notes.push(`${folder} has ${files.length} files, too many to draw: showing ${shown.length} matching the filter.`);
      }
      const drawn = new Set(shown.map((f) => f.id));
      for (const f of files) rep.set(f.id, drawn.has(f.id) ? fileNodeId(f.id) : did);
      for (const f of shown) {
        nodes.push({
          id: fileNodeId(f.id),
          kind: 'file',
          label: f.id.slice(f.id.lastIndexOf('/') + 1),
          parent: did,
          size: scale(f.lines, 12, 40),
          service,
          folder,
          unit: f.id,
          detail: `${f.id} · ${f.lines} lines`,
        });
      }
    }
  }

  // Hundreds of tables bury the services: beyond the limit, draw the shared ones and those the filter names.
  let tables = derived.tables;
  if (tables.length > MAX_TABLES) {
    tables = tables.filter(
      (t) => t.ownership === 'multi-writer' || t.ownership === 'shared-read' || (filter !== '' && t.id.toLowerCase().includes(filter)),
    );
    notes.push(`${derived.tables.length} tables, too many to draw: showing the ${tables.length} shared or matching the filter.`);
  }
  for (const table of tables) {
    nodes.push({
      id: tableNodeId(table.id),
      kind: 'table',
      label: table.name,
      size: 22 + Math.min(30, table.uses.length * 4),
      service: table.owner ?? '',
      ownership: table.ownership,
      table: table.id,
      detail: `${table.id} · ${table.ownership}${table.owner ? ` · owned by ${table.owner}` : ' · unowned'}`,
    });
  }

  const edges = new Map<string, MapEdge>();
  const addEdge = (source: string, target: string, kind: MapEdge['kind'], weight: number): void => {
    if (source === target) return;
    const id = `${kind}\u0000${source}\u0000${target}`;
    const edge = edges.get(id);
    if (edge) edge.weight += weight;
    else edges.set(id, { id, source, target, kind, weight });
  };
  for (const edge of result.edges) {
    const a = rep.get(edge.from);
    const b = rep.get(edge.to);
    if (a && b) addEdge(a, b, 'depends', edge.weight);
  }
  const drawnTables = new Set(tables.map((t) => t.id));
  for (const access of result.accesses) {
    const a = rep.get(access.unit);
    if (a && drawnTables.has(access.table)) addEdge(a, tableNodeId(access.table), access.mode, access.count);
  }
  // Messages: producer → consumer, one dashed edge per node pair (older results have no flows).
  for (const flow of result.flows ?? []) {
    for (const p of flow.producers) {
      for (const c of flow.consumers) {
        const a = rep.get(p);
        const b = rep.get(c);
        if (a && b) addEdge(a, b, 'flow', 1);
      }
    }
  }
  // A node pair that both reads and writes shows one write edge.
  for (const edge of edges.values()) {
    if (edge.kind === 'read' && edges.has(`write\u0000${edge.source}\u0000${edge.target}`)) edges.delete(edge.id);
  }
  return { nodes, edges: Array.from(edges.values()).sort((a, b) => compareStrings(a.id, b.id)), notes };
}
