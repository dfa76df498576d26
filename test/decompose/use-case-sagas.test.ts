/** Orchestration candidates from use cases (entry point + what it reaches), on the real fixtures. */
import { expect, test } from 'vitest';
import { analyzeFixture } from '../helpers/project.js';

test('shop: placing an order writes tables of three services — an orchestration with a compensation per write', async () => {
  const r = await analyzeFixture('shop');
  const place = r.decomposition!.sagas!.find((s) => s.entry === 'src/orders/orders.controller.ts#OrdersController.place')!;
  expect(place).toMatchObject({
    kind: 'orchestration',
    trigger: 'POST /orders',
    coordinator: 'orders',
    services: ['carts', 'orders', 'payments'],
  });
  expect(place.steps.map((s) => s.table)).toEqual(['default:Payment', 'default:cart_items', 'default:order_items', 'default:orders']);
  expect(place.steps.slice(0, -1).every((s) => /^undo the /.test(s.compensation))).toBe(true);
});

test('layered-tickets: booking and the payment webhook are orchestration candidates across bookings, events and payments', async () => {
  const r = await analyzeFixture('layered-tickets');
  expect(r.decomposition!.sagas!.map((s) => [s.kind, s.entry, s.services])).toEqual([
    ['orchestration', 'src/controllers/bookings.controller.ts#<module>', ['bookings', 'events', 'payments']],
    ['orchestration', 'src/controllers/payments.controller.ts#<module>', ['bookings', 'events', 'payments']],
  ]);
});
