/**
 * The service map: services sized by code, dependencies weighted, tables
 * coloured by ownership. A click expands a service into folders and a folder
 * into files (compound nodes) and collapses them again; each redraw lays out
 * only the level on screen. Dragging a file, folder or table onto another
 * service moves it there.
 */
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { App, Reveal } from '../app.js';
import { el, replaceChildren } from '../dom.js';
import { EditError, moveTables, moveUnits } from '../state/edits.js';
import { SHARED_KERNEL } from '../state/derive.js';
import {
  buildMapElements,
  fileNodeId,
  folderKey,
  MAX_CHILDREN,
  serviceNodeId,
  tableNodeId,
  type MapLevel,
  type MapNode,
} from './map-elements.js';
import { mapStyle } from './map-style.js';

cytoscape.use(fcose);

/** How far (px) a neighbour is pushed at most; also bounds the loop should a box be degenerate. */
const MAX_PUSH = 4000;
/** Zoom cap when framing an expanded node. */
const MAX_FOCUS_ZOOM = 1.2;

type Layout = { kind: 'all' } | { kind: 'children'; of: string } | { kind: 'none' };

const FCOSE = {
  name: 'fcose',
  quality: 'default',
  animate: false,
  nodeDimensionsIncludeLabels: true,
  packComponents: true,
  numIter: 1500,
  nodeRepulsion: () => 9000,
  idealEdgeLength: () => 90,
  nestingFactor: 0.4,
};

declare global {
  interface Window {
    /** The map's cytoscape instance, for the curious architect's devtools (and the browser tests). */
    carveMap?: Core;
  }
}

export function mountServiceMap(app: App, pane: HTMLElement, onError: (message: string) => void): void {
  const level: MapLevel = { expanded: new Set(), expandedFolders: new Set(), filter: '' };
  const folderOf = new Map(app.result.units.map((u) => [u.id, u.folder]));

  const canvas = el('div', { class: 'map-canvas', role: 'img', 'aria-label': 'Service map' });
  const tooltip = el('div', { class: 'tooltip', role: 'tooltip', hidden: true });
  const notes = el('div', { class: 'map-notes', role: 'status' });
  const crumbs = el('div', { class: 'crumbs' });
  const filter = el('input', {
    type: 'search',
    placeholder: 'Filter files and folders…',
    'aria-label': 'Filter the map',
    class: 'map-filter',
  });
  replaceChildren(
    pane,
    el(
      'div',
      { class: 'toolbar' },
      el('button', { on: { click: () => collapseAll() }, title: 'Back to the service level' }, 'Collapse all'),
      el('button', { on: { click: () => cy.fit(undefined, 30) } }, 'Fit'),
      filter,
      crumbs,
    ),
    notes,
    el('div', { class: 'map-wrap' }, canvas, tooltip, legend()),
  );

  const cy = cytoscape({
    container: canvas,
    style: mapStyle(),
    hideEdgesOnViewport: true,
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: 'single',
  });
  window.carveMap = cy;
  window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', () => cy.style(mapStyle()));

  /**
   * Redraws the current level. Only what changed is laid out: everything at
   * first and on "all", just the children of a node being expanded, and
   * nothing on edits, which keep every node where it was.
   */
  const draw = (layout: Layout = { kind: 'none' }): void => {
    const services = app.bench.draft.services.map((s) => s.name);
    const { nodes, edges, notes: levelNotes } = buildMapElements(app.result, app.derived, services, level);
    const previous = new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }] as const));
    const placed = new Map<string, { x: number; y: number }>();
    // New top-level nodes (a service just created) line up right of the drawing; new children start around their parent.
    const right = Math.max(0, ...Array.from(previous.values(), (p) => p.x)) + 120;
    const top = Math.min(0, ...Array.from(previous.values(), (p) => p.y));
    let added = 0;
    const elements: ElementDefinition[] = nodes.map((node, i) => {
      const parentAt = node.parent ? (placed.get(node.parent) ?? previous.get(node.parent)) : undefined;
      const position =
        previous.get(node.id) ??
        (parentAt ? { x: parentAt.x + Math.cos(i) * 30, y: parentAt.y + Math.sin(i) * 30 } : { x: right, y: top + 90 * added++ });
      placed.set(node.id, position);
      const { parent, ...data } = node;
      return { group: 'nodes', data: parent ? { ...data, parent } : data, position };
    });
    for (const edge of edges) elements.push({ group: 'edges', data: { ...edge } });
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
    });
    if (layout.kind === 'all') layoutAll(previous.size === 0);
    else if (layout.kind === 'children') layoutChildren(layout.of);
    replaceChildren(
      notes,
      levelNotes.map((n) => el('p', { class: 'note' }, n)),
    );
    replaceChildren(
      crumbs,
      Array.from(level.expanded)
        .sort()
        .map((name) =>
          el(
            'button',
            { class: 'chip', title: `Collapse ${name}`, on: { click: () => (level.expanded.delete(name), draw()) } },
            `${name} ×`,
          ),
        ),
    );
    pane.dataset.nodes = String(cy.nodes().length);
    pane.dataset.edges = String(cy.edges().length);
  };

  const layoutAll = (randomize: boolean): void => {
    cy.layout({ ...FCOSE, randomize, fit: true, padding: 30 } as cytoscape.LayoutOptions).run();
  };

  /** Lays out the inside of one expanded node, then pushes overlapped neighbours out of its way. */
  const layoutChildren = (id: string): void => {
    const node = cy.getElementById(id);
    const inside = node.descendants();
    if (node.empty() || inside.empty()) return;
    const center = { ...node.position() };
    const radius = 30 + Math.sqrt(inside.length) * 28;
    inside
      .union(inside.edgesWith(inside))
      .layout({
        ...FCOSE,
        randomize: true,
        fit: false,
        boundingBox: { x1: center.x - radius, y1: center.y - radius, w: 2 * radius, h: 2 * radius },
      } as cytoscape.LayoutOptions)
      .run();
    // Clear room around the top-level node that grew (the service, when a folder opened).
    const root = node.ancestors().nonempty() ? node.ancestors().last() : node;
    const box = root.boundingBox({ includeLabels: true });
    const mid = { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
    const overlaps = (b: cytoscape.BoundingBox12, dx: number, dy: number): boolean =>
      !(b.x2 + dx < box.x1 - 20 || b.x1 + dx > box.x2 + 20 || b.y2 + dy < box.y1 - 20 || b.y1 + dy > box.y2 + 20);
    cy.batch(() => {
      cy.nodes()
        .orphans()
        .filter((other) => other.id() !== root.id())
        .forEach((other) => {
          const b = other.boundingBox({ includeLabels: true });
          if (!overlaps(b, 0, 0)) return;
          // Slide it straight away from the expanded node until it clears.
          const at = other.position();
          const len = Math.hypot(at.x - mid.x, at.y - mid.y);
          const [ux, uy] = len === 0 ? [1, 0] : [(at.x - mid.x) / len, (at.y - mid.y) / len];
          let step = 0;
          while (step < MAX_PUSH && overlaps(b, ux * step, uy * step)) step += 20;
          other
            .union(other.descendants())
            .not(':parent')
            .shift({ x: ux * step, y: uy * step });
        });
    });
    // Frame what opened, without blowing a small service up to fill the screen.
    cy.fit(root, 40);
    if (cy.zoom() > MAX_FOCUS_ZOOM) {
      cy.zoom(MAX_FOCUS_ZOOM);
      cy.center(root);
    }
  };

  const collapseAll = (): void => {
    level.expanded.clear();
    level.expandedFolders.clear();
    draw();
    cy.fit(undefined, 30);
  };

  const data = (node: NodeSingular): MapNode => node.data() as MapNode;

  const folderUnits = (service: string, folder: string): string[] => {
    const units =
      service === SHARED_KERNEL ? app.bench.draft.shared : (app.bench.draft.services.find((s) => s.name === service)?.units ?? []);
    return units.filter((u) => folderOf.get(u) === folder);
  };

  cy.on('tap', 'node', (event) => {
    const node = data(event.target as NodeSingular);
    if (node.kind === 'service' || node.kind === 'kernel') {
      if (node.kind === 'service') app.select({ kind: 'service', name: node.service });
      if (node.expanded) {
        level.expanded.delete(node.service);
        draw();
      } else {
        level.expanded.add(node.service);
        draw({ kind: 'children', of: node.id });
      }
    } else if (node.kind === 'folder' && node.folder !== undefined) {
      app.select({ kind: 'folder', service: node.service, folder: node.folder, units: folderUnits(node.service, node.folder) });
      const key = folderKey(node.service, node.folder);
      if (level.expandedFolders.delete(key)) draw();
      else {
        level.expandedFolders.add(key);
        draw({ kind: 'children', of: node.id });
      }
    } else if (node.kind === 'file' && node.unit) {
      app.select({ kind: 'unit', id: node.unit });
    } else if (node.kind === 'table' && node.table) {
      app.select({ kind: 'table', id: node.table });
    }
  });

  cy.on('mouseover', 'node', (event) => {
    const target = event.target as NodeSingular;
    const near = target.closedNeighborhood().union(target.ancestors()).union(target.descendants());
    cy.batch(() => {
      cy.elements().addClass('faded');
      near.removeClass('faded');
      near.edges().addClass('near');
    });
    const node = data(target);
    const at = target.renderedPosition();
    replaceChildren(tooltip, el('strong', null, node.label), el('div', { class: 'muted' }, `${node.kind} · ${node.detail}`));
    tooltip.style.left = `${Math.round(at.x + 14)}px`;
    tooltip.style.top = `${Math.round(at.y + 14)}px`;
    tooltip.hidden = false;
  });
  cy.on('mouseout', 'node', () => {
    cy.batch(() => cy.elements().removeClass('faded near'));
    tooltip.hidden = true;
  });

  // Drop a file, folder or table on another service: move it there.
  cy.on('free', 'node', (event) => {
    const target = event.target as NodeSingular;
    const node = data(target);
    if (node.kind !== 'file' && node.kind !== 'folder' && node.kind !== 'table') return;
    const at = target.position();
    const onto = cy
      .nodes('[kind = "service"], [kind = "kernel"]')
      .filter((s) => s.id() !== serviceNodeId(node.service) && !target.ancestors().contains(s))
      .filter((s) => {
        const box = s.boundingBox({ includeLabels: false });
        return at.x >= box.x1 && at.x <= box.x2 && at.y >= box.y1 && at.y <= box.y2;
      })
      .first();
    if (onto.empty()) return;
    const to = data(onto as NodeSingular);
    try {
      if (node.kind === 'table' && node.table) {
        if (to.kind !== 'service') throw new EditError('tables belong to services, not to the shared kernel');
        app.bench.apply(`move table ${node.label} to ${to.service}`, (d) => moveTables(d, [node.table as string], to.service));
      } else {
        const units = node.kind === 'file' && node.unit ? [node.unit] : folderUnits(node.service, node.folder ?? '');
        const where = to.kind === 'kernel' ? ({ shared: true } as const) : { service: to.service };
        app.bench.apply(`move ${node.label} to ${to.service}`, (d) => moveUnits(d, units, where));
      }
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
      draw();
    }
  });

  let filterTimer: ReturnType<typeof setTimeout> | undefined;
  filter.addEventListener('input', () => {
    clearTimeout(filterTimer);
    filterTimer = setTimeout(() => {
      level.filter = filter.value;
      draw();
    }, 200);
  });

  const reveal = (target: Reveal): void => {
    let id: string;
    if (target.kind === 'unit') {
      const service = app.derived.unitService.get(target.id) ?? SHARED_KERNEL;
      level.expanded.add(service);
      level.expandedFolders.add(folderKey(service, folderOf.get(target.id) ?? ''));
      id = fileNodeId(target.id);
      // In a folder too large to draw, the filter is what shows the file.
      const folder = folderOf.get(target.id);
      if (app.result.units.filter((u) => u.folder === folder).length > MAX_CHILDREN) {
        level.filter = target.id;
        filter.value = target.id;
      }
    } else if (target.kind === 'table') {
      id = tableNodeId(target.id);
    } else {
      id = serviceNodeId(target.name);
    }
    const service = target.kind === 'unit' ? (app.derived.unitService.get(target.id) ?? SHARED_KERNEL) : undefined;
    draw(service ? { kind: 'children', of: serviceNodeId(service) } : { kind: 'none' });
    const node = cy.getElementById(id);
    if (node.empty()) return;
    cy.elements().unselect();
    node.select().addClass('hit');
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 0 });
  };

  app.bench.subscribe(() => draw());
  app.onReveal(reveal);
  app.onShow((tab) => {
    if (tab === 'map') cy.resize();
  });
  draw({ kind: 'all' });
}

function legend(): HTMLElement {
  const item = (cls: string, label: string, title: string): HTMLElement =>
    el('li', { title }, el('span', { class: `key ${cls}`, 'aria-hidden': 'true' }), label);
  return el(
    'aside',
    { class: 'legend', 'aria-label': 'Legend' },
    el(
      'ul',
      null,
      item('k-service', 'service (size = lines)', 'Click to expand into folders, again to collapse'),
      item('k-kernel', 'shared kernel', 'Files kept out of every service'),
      item('k-folder', 'folder', 'Click to expand into files'),
      item('k-file', 'file', 'Drag onto another service to move it'),
      item('k-table own-exclusive', 'table: one service', 'Only its owner uses it'),
      item('k-table own-shared-read', 'table: shared read', 'One writer, other services read it'),
      item('k-table own-multi-writer', 'table: multi-writer', 'Several services write it'),
      item('k-edge', 'dependency (width = weight)', 'Imports, calls and injections between them'),
      item('k-edge-write', 'writes table', 'Access edges; dashed = reads'),
    ),
  );
}
