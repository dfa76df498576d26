/** Cytoscape styles, coloured from the page's CSS variables so light and dark both read well. */
import type { StylesheetJson } from 'cytoscape';

const cssVar = (name: string): string => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';

export function mapStyle(): StylesheetJson {
  const c = {
    text: cssVar('--text'),
    muted: cssVar('--muted'),
    bg: cssVar('--bg'),
    service: cssVar('--service'),
    kernel: cssVar('--kernel'),
    folder: cssVar('--folder'),
    file: cssVar('--file'),
    accent: cssVar('--accent'),
    edge: cssVar('--edge'),
    exclusive: cssVar('--own-exclusive'),
    sharedRead: cssVar('--own-shared-read'),
    multiWriter: cssVar('--own-multi-writer'),
    unused: cssVar('--own-unused'),
  };
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        color: c.text,
        'font-size': 11,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-outline-color': c.bg,
        'text-outline-width': 2,
        width: 'data(size)',
        height: 'data(size)',
        'min-zoomed-font-size': 6,
      },
    },
    {
      selector: 'node[kind = "service"]',
      style: { 'background-color': c.service, shape: 'ellipse', 'font-size': 13, 'font-weight': 'bold' },
    },
    { selector: 'node[kind = "kernel"]', style: { 'background-color': c.kernel, shape: 'hexagon', 'font-size': 12 } },
    { selector: 'node[kind = "folder"]', style: { 'background-color': c.folder, shape: 'round-rectangle' } },
    { selector: 'node[kind = "file"]', style: { 'background-color': c.file, shape: 'round-rectangle', 'font-size': 9 } },
    { selector: 'node[kind = "table"]', style: { shape: 'barrel', 'background-color': c.unused, 'font-size': 10 } },
    { selector: 'node[ownership = "exclusive"]', style: { 'background-color': c.exclusive } },
    { selector: 'node[ownership = "shared-read"]', style: { 'background-color': c.sharedRead } },
    { selector: 'node[ownership = "multi-writer"]', style: { 'background-color': c.multiWriter } },
    {
      selector: ':parent',
      style: {
        'background-opacity': 0.08,
        'border-width': 2,
        'border-color': c.service,
        'text-valign': 'top',
        'text-margin-y': -4,
        shape: 'round-rectangle',
        padding: '14px',
      },
    },
    { selector: 'node[kind = "folder"]:parent', style: { 'border-color': c.folder, 'border-style': 'dashed' } },
    {
      selector: 'edge',
      style: {
        width: 'mapData(weight, 1, 60, 1, 9)',
        'line-color': c.edge,
        'target-arrow-color': c.edge,
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
        opacity: 0.55,
        'arrow-scale': 0.7,
      },
    },
    {
      selector: 'edge[kind = "read"]',
      style: { 'line-style': 'dashed', 'line-color': c.muted, 'target-arrow-color': c.muted, width: 1.5 },
    },
    {
      selector: 'edge[kind = "flow"]',
      style: { 'line-style': 'dashed', 'line-dash-pattern': [8, 4], 'line-color': c.accent, 'target-arrow-color': c.accent, width: 2 },
    },
    { selector: 'edge[kind = "write"]', style: { 'line-color': c.multiWriter, 'target-arrow-color': c.multiWriter, width: 2 } },
    { selector: ':selected', style: { 'border-width': 4, 'border-color': c.accent, 'border-opacity': 1 } },
    {
      selector: '.hit',
      style: { 'border-width': 5, 'border-color': c.accent, 'underlay-color': c.accent, 'underlay-opacity': 0.35, 'underlay-padding': 8 },
    },
    { selector: '.faded', style: { opacity: 0.15 } },
    { selector: 'edge.near', style: { opacity: 1 } },
  ];
}
