import { describe, expect, test } from 'vitest';
import { draftFromResult, toPinConfig, type Draft } from '../../report-ui/src/state/draft.js';
import {
  createService,
  EditError,
  mergeServices,
  moveTables,
  moveUnits,
  renameService,
  splitService,
} from '../../report-ui/src/state/edits.js';
import { Workbench } from '../../report-ui/src/state/history.js';
import { shopResult } from './canned-result.js';

const names = (d: Draft): string[] => d.services.map((s) => s.name);
const unitsOf = (d: Draft, name: string): string[] => d.services.find((s) => s.name === name)?.units ?? [];

describe('draft from the proposal', () => {
  test('takes services, tables and the shared kernel', () => {
    const draft = draftFromResult(shopResult());
    expect(names(draft)).toEqual(['billing', 'catalog', 'orders']);
    expect(draft.services[2].tables).toEqual(['db:orders']);
    expect(draft.shared).toEqual(['src/shared/db.ts']);
  });
});

describe('edits', () => {
  const proposal = draftFromResult(shopResult());

  test('move a file to another service and to the shared kernel', () => {
    const moved = moveUnits(proposal, ['src/orders/orders.service.ts'], { service: 'billing' });
    expect(unitsOf(moved, 'billing')).toContain('src/orders/orders.service.ts');
    expect(unitsOf(moved, 'orders')).not.toContain('src/orders/orders.service.ts');
    expect(unitsOf(moved, 'billing')).toEqual([...unitsOf(moved, 'billing')].sort());
    const shared = moveUnits(moved, ['src/orders/orders.service.ts'], { shared: true });
    expect(shared.shared).toEqual(['src/orders/orders.service.ts', 'src/shared/db.ts']);
    expect(moveUnits(shared, ['src/shared/db.ts'], { service: 'catalog' }).shared).toEqual(['src/orders/orders.service.ts']);
    expect(proposal.services[2].units).toContain('src/orders/orders.service.ts'); // drafts are never mutated
  });

  test('move a table', () => {
    const moved = moveTables(proposal, ['db:orders'], 'billing');
    expect(moved.services.map((s) => s.tables)).toEqual([['db:invoices', 'db:orders'], ['db:products'], []]);
  });

  test('create, rename, merge, split', () => {
    let d = createService(proposal, ' payments ');
    expect(names(d)).toEqual(['billing', 'catalog', 'orders', 'payments']);
    d = renameService(d, 'payments', 'checkout');
    expect(names(d)).toEqual(['billing', 'catalog', 'orders', 'checkout']);
    d = mergeServices(d, 'catalog', 'orders');
    expect(names(d)).toEqual(['billing', 'orders', 'checkout']);
    expect(d.services[1].tables).toEqual(['db:orders', 'db:products']);
    expect(unitsOf(d, 'orders')).toContain('src/catalog/catalog.service.ts');
    d = splitService(d, 'orders', ['src/catalog/catalog.service.ts', 'src/catalog/product.repository.ts'], ['db:products'], 'catalog');
    expect(d.services.find((s) => s.name === 'catalog')).toEqual({
      name: 'catalog',
      units: ['src/catalog/catalog.service.ts', 'src/catalog/product.repository.ts'],
      tables: ['db:products'],
    });
  });

  test('invalid edits throw and name the problem', () => {
    expect(() => createService(proposal, 'orders')).toThrow(EditError);
    expect(() => createService(proposal, '  ')).toThrow('a service needs a name');
    expect(() => renameService(proposal, 'orders', 'billing')).toThrow('already exists');
    expect(() => mergeServices(proposal, 'orders', 'orders')).toThrow(EditError);
    expect(() => moveUnits(proposal, ['src/orders/orders.service.ts'], { service: 'nope' })).toThrow('no service named "nope"');
    expect(() => splitService(proposal, 'orders', ['src/billing/billing.service.ts'], [], 'x')).toThrow('is not in orders');
  });
});

describe('workbench history', () => {
  test('undo and redo walk the edits; a new edit clears redo; a failing edit changes nothing', () => {
    const bench = new Workbench(draftFromResult(shopResult()));
    const seen: number[] = [];
    bench.subscribe((d) => seen.push(d.services.length));
    bench.apply('create', (d) => createService(d, 'x'));
    bench.apply('merge', (d) => mergeServices(d, 'x', 'orders'));
    expect(bench.log).toEqual(['create', 'merge']);
    bench.undo();
    expect(names(bench.draft)).toEqual(['billing', 'catalog', 'orders', 'x']);
    bench.undo();
    expect(bench.draft).toBe(bench.proposal);
    expect(bench.canUndo).toBe(false);
    bench.redo();
    expect(bench.canRedo).toBe(true);
    bench.apply('rename', (d) => renameService(d, 'x', 'y'));
    expect(bench.canRedo).toBe(false);
    expect(() => bench.apply('bad', (d) => createService(d, 'y'))).toThrow(EditError);
    expect(bench.log).toEqual(['create', 'rename']);
    expect(seen).toEqual([4, 3, 4, 3, 4, 4]);
  });
});

describe('export', () => {
  test('pins every unit path and table id to its service, sorted; the shared kernel as exact paths', () => {
    const draft = moveUnits(draftFromResult(shopResult()), ['src/orders/orders.service.ts'], { service: 'billing' });
    expect(toPinConfig(draft)).toEqual({
      pins: {
        billing: [
          'src/billing/billing.controller.ts',
          'src/billing/billing.service.ts',
          'src/billing/invoice.repository.ts',
          'src/orders/orders.service.ts',
          'db:invoices',
        ],
        catalog: ['src/catalog/catalog.service.ts', 'src/catalog/product.repository.ts', 'db:products'],
        orders: ['src/orders/order.repository.ts', 'src/orders/orders.controller.ts', 'db:orders'],
      },
      shared: ['src/shared/db.ts'],
    });
  });
});
