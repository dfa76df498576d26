/** fixtures/shop copied to a temp folder with declared boundaries: a check with every kind of violation. */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixturePath } from './project.js';

export const SHOP_BOUNDARIES = {
  shared: ['src/shared/**', 'src/app.module.ts', 'src/main.ts', 'prisma/**'],
  boundaries: {
    carts: ['src/cart/**'],
    catalog: { paths: ['src/catalog/**'], api: ['src/catalog/index.ts'] },
    customers: ['src/customers/**'],
    orders: {
      paths: ['src/orders/**'],
      tables: ['orders', 'order_items'],
      dependsOn: ['catalog', 'customers', 'carts'],
      deprecated: ['payments'],
    },
    payments: ['src/payments/**'],
    shipping: { paths: ['src/shipping/**'], tables: ['shipments'] },
  },
};

export function shopWithBoundaries(config: object = SHOP_BOUNDARIES): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'carve-shop-'));
  cpSync(fixturePath('shop'), dir, { recursive: true });
  writeFileSync(path.join(dir, 'carve.config.json'), JSON.stringify(config, null, 2));
  return dir;
}
