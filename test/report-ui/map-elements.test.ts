import { describe, expect, test } from 'vitest';
import { derive, SHARED_KERNEL } from '../../report-ui/src/state/derive.js';
import { draftFromResult } from '../../report-ui/src/state/draft.js';
import { scoreDraft } from '../../report-ui/src/state/scores.js';
import { buildMapElements, folderKey, MAX_CHILDREN, MAX_TABLES, type MapLevel } from '../../report-ui/src/views/map-elements.js';
import { shopResult, syntheticResult } from './canned-result.js';
import type { AnalysisResult } from '../../src/model/result.js';

function elements(result: AnalysisResult, level: Partial<MapLevel> = {}) {
  const draft = draftFromResult(result);
  const derived = derive(result, draft, scoreDraft(result, draft));
  return buildMapElements(
    result,
    derived,
    draft.services.map((s) => s.name),
    {
      expanded: new Set(),
      expandedFolders: new Set(),
      filter: '',
      ...level,
    },
  );
}

describe('service map elements', () => {
  test('service level: services, the shared kernel and tables; edges aggregated by service', () => {
    const { nodes, edges } = elements(shopResult());
    expect(nodes.map((n) => n.id)).toEqual([
      's:billing',
      's:catalog',
      's:orders',
      `s:${SHARED_KERNEL}`,
      't:db:invoices',
      't:db:orders',
      't:db:products',
    ]);
    expect(nodes.filter((n) => n.kind === 'table').map((n) => [n.label, n.ownership])).toEqual([
      ['invoices', 'exclusive'],
      ['orders', 'multi-writer'],
      ['products', 'shared-read'],
    ]);
    const dep = edges.filter((e) => e.kind === 'depends').map((e) => [e.source, e.target, e.weight]);
    expect(dep).toEqual([
      ['s:billing', `s:${SHARED_KERNEL}`, 1],
      ['s:catalog', `s:${SHARED_KERNEL}`, 1],
      ['s:orders', `s:${SHARED_KERNEL}`, 1],
      ['s:orders', 's:billing', 2],
      ['s:orders', 's:catalog', 2],
    ]);
    // orders both reads and writes db:orders: one write edge
    expect(edges.filter((e) => e.source === 's:orders' && e.target === 't:db:orders').map((e) => e.kind)).toEqual(['write']);
  });

  test('an expanded service shows folders; an expanded folder shows its files; edges follow', () => {
    const { nodes, edges } = elements(shopResult(), {
      expanded: new Set(['orders']),
      expandedFolders: new Set([folderKey('orders', 'src/orders')]),
    });
    expect(nodes.filter((n) => n.parent === 's:orders').map((n) => n.id)).toEqual([`d:${folderKey('orders', 'src/orders')}`]);
    expect(nodes.filter((n) => n.kind === 'file').map((n) => n.label)).toEqual([
      'order.repository.ts',
      'orders.controller.ts',
      'orders.service.ts',
    ]);
    expect(edges.filter((e) => e.kind === 'depends' && e.source === 'u:src/orders/orders.service.ts').map((e) => e.target)).toEqual([
      's:billing',
      's:catalog',
      'u:src/orders/order.repository.ts',
    ]);
  });

  test('a folder too large to draw shows a note and only the files matching the filter', () => {
    const result = syntheticResult(MAX_CHILDREN * 8, 1, 2);
    const folder = result.units[0].folder;
    const level = { expanded: new Set(['domain-0']), expandedFolders: new Set([folderKey('domain-0', folder)]) };
    const big = elements(result, level);
    expect(big.notes).toEqual([
      `${folder} has ${result.units.filter((u) => u.folder === folder).length} files, too many to draw: showing 0 matching the filter.`,
    ]);
    expect(big.nodes.filter((n) => n.kind === 'file')).toEqual([]);
    const filtered = elements(result, { ...level, filter: 'file-10' });
    expect(filtered.nodes.filter((n) => n.kind === 'file').every((n) => n.unit?.includes('file-10'))).toBe(true);
    expect(filtered.nodes.some((n) => n.kind === 'file')).toBe(true);
  });

  test('with more tables than can be drawn, only shared ones and those the filter names appear, with a note', () => {
    const result = syntheticResult(2000, 50, 2); // 250 tables
    const all = elements(result);
    const tables = all.nodes.filter((n) => n.kind === 'table');
    expect(result.tables.length).toBeGreaterThan(MAX_TABLES);
    expect(tables.length).toBeLessThan(result.tables.length);
    expect(tables.every((t) => t.ownership === 'multi-writer' || t.ownership === 'shared-read')).toBe(true);
    expect(all.notes).toEqual([
      `${result.tables.length} tables, too many to draw: showing the ${tables.length} shared or matching the filter.`,
    ]);
    const ids = new Set(all.nodes.map((n) => n.id));
    expect(all.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
    const exclusive = result.tables.map((t) => t.id).find((id) => !ids.has(`t:${id}`)) ?? '';
    expect(elements(result, { filter: exclusive }).nodes.some((n) => n.id === `t:${exclusive}`)).toBe(true);
  });
});
