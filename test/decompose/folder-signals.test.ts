/**
 * What carve takes from the team's folders: the folder edge signal (domain
 * folders, layers stripped, subfolders linked), module folders and the
 * resolution criterion that prefers partitions following them, nested
 * platform folders, and entity files placing the tables no code touches.
 */
import { describe, expect, test } from 'vitest';
import { bestAligned, type Candidate } from '../../src/cluster/choose-resolution.js';
import type { ClusterGraph, Partition } from '../../src/cluster/cluster-graph.js';
import { folderAlignment, folderLabels, moduleFolder } from '../../src/cluster/folder-alignment.js';
import { clusterServices } from '../../src/cluster/index.js';
import { namedSharedKernel } from '../../src/cluster/shared-kernel.js';
import { placeEntityFiles } from '../../src/cluster/table-ownership.js';
import { domainFolder, folder, FOLDER_WEIGHT } from '../../src/graph/edge-signals/folder.js';
import { resolveWeights } from '../../src/graph/weights.js';
import { access, edge, handResult, table, unit } from './hand-result.js';

describe('folder signal', () => {
  test('domain folder: trailing layer folders stripped, nothing at a source root', () => {
    expect(domainFolder('src/orders/dto')).toBe('src/orders');
    expect(domainFolder('src/orders/infrastructure/persistence')).toBe('src/orders/infrastructure/persistence');
    expect(domainFolder('src/controllers')).toBeUndefined();
    expect(domainFolder('src')).toBeUndefined();
    expect(domainFolder('.')).toBeUndefined();
    expect(domainFolder('apps/api/src/modules')).toBeUndefined();
  });

  test('files of a domain folder are chained, a subfolder links to the folder above, layered and root files get nothing', () => {
    const ids = [
      'src/main.ts',
      'src/controllers/a.controller.ts',
      'src/controllers/b.controller.ts',
      'src/orders/orders.service.ts',
      'src/orders/dto/create-order.dto.ts',
      'src/orders/pricing/price.ts',
      'src/orders/pricing/tax.ts',
    ];
    const input = handResult({ units: ids.map((id) => unit(id)) });
    const edges: string[] = [];
    folder.contribute({ input, weights: resolveWeights(undefined) }, (a, b, kind, w) => {
      expect(kind).toBe('folder');
      expect(w).toBe(FOLDER_WEIGHT);
      edges.push(`${a} — ${b}`);
    });
    expect(edges).toEqual([
      'unit:src/orders/dto/create-order.dto.ts — unit:src/orders/orders.service.ts',
      'unit:src/orders/pricing/price.ts — unit:src/orders/pricing/tax.ts',
      'unit:src/orders/pricing/price.ts — unit:src/orders/dto/create-order.dto.ts',
    ]);
  });
});

describe('module folders', () => {
  test('the first folder below the deepest source root, layer folders skipped when a folder follows', () => {
    expect(moduleFolder('src/orders/dto/x.ts')).toBe('src/orders');
    expect(moduleFolder('apps/api/src/app/portfolio/calculator/x.ts')).toBe('apps/api/src/app/portfolio');
    expect(moduleFolder('src/services/benchmark/benchmark.service.ts')).toBe('src/services/benchmark');
    expect(moduleFolder('src/services/orders.service.ts')).toBeUndefined();
    expect(moduleFolder('src/main.ts')).toBeUndefined();
    expect(moduleFolder('orders/x.ts')).toBe('orders');
  });

  const cg = (ids: string[]): ClusterGraph => ({
    nodes: ids.map((id) => `unit:${id}`),
    adjacency: new Map(ids.map((id) => [`unit:${id}`, new Map()])),
    size: new Map(ids.map((id) => [`unit:${id}`, 1])),
    members: new Map(ids.map((id) => [`unit:${id}`, [`unit:${id}`]])),
    folder: new Map(),
    totalWeight: 1,
  });
  const ids = ['src/a/1.ts', 'src/a/2.ts', 'src/b/1.ts', 'src/b/2.ts', 'src/main.ts'];
  const labels = folderLabels(cg(ids));
  const partition = (groups: number[]): Partition => new Map(ids.map((id, i) => [`unit:${id}`, groups[i]]));

  test('alignment is the adjusted Rand index against module folders, over the files that have one', () => {
    expect(labels.coverage).toBe(4 / 5);
    expect(folderAlignment(labels, partition([0, 0, 1, 1, 2]))).toBe(1);
    // Pairs: index 1 (b1–b2), Σa = 3 (one triple), Σb = 2, n = 4 → expected 1, max 2.5 → (1 − 1) / (2.5 − 1) = 0.
    expect(folderAlignment(labels, partition([0, 1, 1, 1, 0]))).toBe(0);
  });

  test('a folder holding nearly every file is a container: its subfolders are the modules', () => {
    const nested = ['src/domains/a/1.ts', 'src/domains/a/2.ts', 'src/domains/b/1.ts', 'src/domains/b/2.ts', 'src/domains/index.ts'];
    const l = folderLabels(cg(nested));
    expect([...l.byNode.values()].flat()).toEqual(['src/domains/a', 'src/domains/a', 'src/domains/b', 'src/domains/b']);
    expect(l.coverage).toBe(4 / 5);
  });

  const candidate = (resolution: number, modularity: number, groups: number[]): Candidate => ({
    resolution,
    modularity,
    services: new Set(groups).size,
    partition: partition(groups),
  });

  test('near the best modularity the candidate following the folders wins; far from it, modularity does', () => {
    const coarse = candidate(1, 0.5, [0, 0, 0, 0, 0]);
    const folders = candidate(2, 0.46, [0, 0, 1, 1, 1]);
    expect(bestAligned([coarse, folders], 0, labels)).toEqual({ chosen: folders, aligned: true });
    const far = candidate(2, 0.3, [0, 0, 1, 1, 1]);
    expect(bestAligned([coarse, far], 0, labels).chosen).toBe(coarse);
  });

  test('with too few files in module folders (a layered layout), the fewest services within noise win', () => {
    const layered = folderLabels(cg(['src/controllers/a.ts', 'src/services/a.ts', 'src/b/x.ts']));
    expect(layered.coverage).toBeLessThan(0.5);
    const a = { ...candidate(1, 0.5, [0, 0, 0, 0, 0]) };
    const b = { ...candidate(2, 0.5, [0, 0, 1, 1, 1]) };
    expect(bestAligned([b, a], 0, layered)).toEqual({ chosen: a, aligned: false });
  });
});

describe('platform folders', () => {
  test('nested in a domain folder they stay with it, unless two other domains use them; below a source root they are platform', () => {
    const ids = [
      'src/users/infrastructure/user.repository.ts',
      'src/users/users.service.ts',
      'src/files/infrastructure/file.repository.ts',
      'src/files/files.service.ts',
      'src/auth/auth.service.ts',
      'src/orders/orders.service.ts',
      'src/common/clock.ts',
      'src/lib/orders/money.ts',
    ];
    const input = handResult({
      units: ids.map((id) => unit(id)),
      edges: [
        edge('src/users/users.service.ts', 'src/users/infrastructure/user.repository.ts'),
        edge('src/files/files.service.ts', 'src/files/infrastructure/file.repository.ts'),
        edge('src/auth/auth.service.ts', 'src/files/infrastructure/file.repository.ts'),
        edge('src/orders/orders.service.ts', 'src/files/infrastructure/file.repository.ts'),
        edge('src/orders/orders.service.ts', 'src/common/clock.ts'),
        edge('src/orders/orders.service.ts', 'src/lib/orders/money.ts'),
      ],
    });
    expect([...namedSharedKernel(input, [], () => false).keys()]).toEqual([
      'src/common/clock.ts',
      'src/files/infrastructure/file.repository.ts',
    ]);
  });
});

describe('table placement', () => {
  test('a table no code touches directly goes to the service holding the file that declares it', () => {
    const domain = (name: string): string[] => ['controller', 'service', 'repository', 'entity'].map((r) => `src/${name}/${name}.${r}.ts`);
    const ids = [...domain('orders'), ...domain('billing')];
    const chain = (d: string[]) => [edge(d[0], d[1]), edge(d[1], d[2]), edge(d[2], d[3])];
    const input = handResult({
      units: ids.map((id) => unit(id)),
      edges: [
        ...chain(domain('orders')),
        ...chain(domain('billing')),
        edge('src/orders/orders.service.ts', 'src/billing/billing.service.ts'),
      ],
      tables: [
        table('orders'),
        table('invoices'),
        { ...table('order_notes'), declaredIn: 'src/orders/orders.entity.ts:12' },
        { ...table('ledger'), declaredIn: 'src/billing/billing.entity.ts:3' },
      ],
      accesses: [
        access('src/orders/orders.repository.ts', 'orders', 'write'),
        access('src/billing/billing.repository.ts', 'invoices', 'write'),
        // Reached only through billing's repository (propagated): the declaring file decides.
        access('src/billing/billing.service.ts', 'ledger', 'write', true),
      ],
    });
    const out = clusterServices(input, { granularity: 'file', seed: 42, minServiceSize: 3, shared: [], pins: {}, apart: [] });
    expect(out.services.map((s) => [s.name, s.tables])).toEqual([
      ['billing', ['db:invoices', 'db:ledger']],
      ['orders', ['db:order_notes', 'db:orders']],
    ]);
  });

  test('an entity file touching no table sits with the service owning (by use) most of the tables it declares', () => {
    const input = handResult({
      units: ['a/x.ts', 'a/user.entity.ts', 'b/y.ts', 'b/note.entity.ts'].map((id) => unit(id)),
      tables: [
        { ...table('users'), declaredIn: 'a/user.entity.ts:3' },
        { ...table('user_tags'), declaredIn: 'a/user.entity.ts:20' },
        { ...table('notes'), declaredIn: 'b/note.entity.ts:1' },
      ],
      accesses: [access('b/y.ts', 'users', 'write'), access('b/y.ts', 'notes', 'write')],
    });
    const groups = [
      { units: ['a/user.entity.ts', 'a/x.ts'], tables: ['db:user_tags'] },
      { units: ['b/note.entity.ts', 'b/y.ts'], tables: ['db:notes', 'db:users'] },
    ];
    placeEntityFiles(input, groups, () => false);
    // user_tags is owned only by Louvain's placement (no access): it does not vote; users (written by b) does.
    expect(groups.map((g) => g.units)).toEqual([['a/x.ts'], ['a/user.entity.ts', 'b/note.entity.ts', 'b/y.ts']]);
    const pinned = [
      { units: ['a/user.entity.ts', 'a/x.ts'], tables: [] },
      { units: ['b/y.ts'], tables: ['db:users'] },
    ];
    placeEntityFiles(input, pinned, (id) => id === 'a/user.entity.ts');
    expect(pinned[0].units).toEqual(['a/user.entity.ts', 'a/x.ts']);
  });
});
