/** Service names never a technical role (a meta test over every fixture); seed-to-seed stability; name stems. */
import { readdirSync } from 'node:fs';
import pluralize from 'pluralize';
import { describe, expect, test } from 'vitest';
import { isDomainName } from '../../src/cluster/naming.js';
import { nameStem } from '../../src/graph/edge-signals/name-stem.js';
import { ROLE_WORDS } from '../../src/graph/edge-signals/role-words.js';
import { decompose } from '../../src/score/index.js';
import { analyzeFixture, fixturePath } from '../helpers/project.js';

const fixtures = readdirSync(fixturePath('.'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('service names', () => {
  test('role words are not domain names', () => {
    for (const word of [
      'controllers',
      'listeners',
      'publishers',
      'errors',
      'components',
      'queue',
      'filters',
      'guards',
      'decorators',
      'events',
    ]) {
      expect(ROLE_WORDS.has(word)).toBe(true);
      expect(isDomainName(word)).toBe(false);
    }
    expect(isDomainName('orders')).toBe(true);
    expect(isDomainName('line-items')).toBe(true);
    expect(isDomainName('event-listeners')).toBe(false);
  });

  test.each(fixtures)('%s: every proposed name is a domain word, or the name of a table the service owns', async (name) => {
    const result = await analyzeFixture(name);
    const d = result.decomposition!;
    if (d.clustering?.granularity === 'deployable') return; // the maintainers' own deployables, not proposals
    const tableName = new Map(result.tables.map((t) => [t.id, pluralize.singular(t.name.toLowerCase())]));
    const bad = d.services.filter(
      (s) => !s.pinned && !isDomainName(s.name) && !s.tables.some((t) => tableName.get(t) === pluralize.singular(s.name.toLowerCase())),
    );
    expect(bad.map((s) => s.name)).toEqual([]);
    const singular = d.services.map((s) => pluralize.singular(s.name.toLowerCase()));
    expect(new Set(singular).size).toBe(singular.length);
  });
});

describe('seed stability', () => {
  test('the proposal is chosen over several seeds, reported, and identical for the same seed', async () => {
    const result = await analyzeFixture('layered-tickets');
    const { decomposition: _, ...base } = result;
    const config = { granularity: 'file' as const, seed: 7, minServiceSize: 3, weights: {}, shared: [], pins: {}, apart: [] };
    const a = decompose(base, config);
    const b = decompose(base, config);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const st = a.clustering!.stability!;
    expect(st.seeds).toEqual([7, 8, 9, 10, 11]);
    expect(st.services).toHaveLength(5);
    expect(st.seeds).toContain(st.chosenSeed);
    expect(st.minAri).toBeLessThanOrEqual(st.meanAri);
    expect(st.meanAri).toBeGreaterThan(0);
    expect(st.meanAri).toBeLessThanOrEqual(1);
    expect(a.services.length).toBe(st.services[st.seeds.indexOf(st.chosenSeed)]);
  });
});

describe('name stems across layers', () => {
  test('a layer file, a use case and a route folder share the stem of their domain', () => {
    expect(nameStem('src/services/cart.ts')).toBe('cart');
    expect(nameStem('src/models/line-item.ts')).toBe('line-item');
    expect(nameStem('src/repositories/line-items.repository.ts')).toBe('line-item');
    expect(nameStem('src/api/routes/store/carts/create-line-item.ts')).toBe('line-item');
    expect(nameStem('src/api/routes/store/carts/index.ts')).toBe('cart');
    expect(nameStem('src/orders/order.controller.ts')).toBe('order');
    expect(nameStem('src/utils/index.ts')).toBeUndefined();
  });
});
