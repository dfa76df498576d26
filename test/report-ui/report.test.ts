/** The report in headless Chromium on a canned result: views, map, what-if edits, export. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { draftFromResult, toPinConfig } from '../../report-ui/src/state/draft.js';
import { moveTables, moveUnits, splitService } from '../../report-ui/src/state/edits.js';
import { headlineScores, scoreDraft } from '../../report-ui/src/state/scores.js';
import { launchBrowser, nodePosition, openReport, pageScores, screenshot, tapNode, type OpenReport } from './browser.js';
import { shopResult } from './canned-result.js';

const result = shopResult();
const proposal = draftFromResult(result);
const scoresOf = (draft = proposal): Record<string, number> =>
  Object.fromEntries(headlineScores(scoreDraft(result, draft)).map((s) => [s.key, s.value]));

/**
 * The page runs the engine's scoring code; only the JS engines differ. Chromium's
 * V8 and Node's disagree on Math.log in the last bit for some inputs, so equal
 * means equal to 12 significant digits, for every score, and nothing more.
 */
function expectSameScores(actual: Record<string, number>, expected: Record<string, number>): void {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const [key, value] of Object.entries(expected)) {
    expect(Math.abs(actual[key] - value), key).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(value)));
  }
}

let browser: Browser;
let report: OpenReport;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  report = await openReport(browser, result, 'shop-canned');
  page = report.page;
});

afterAll(async () => {
  expect(report.network).toEqual([]);
  expect(report.errors).toEqual([]);
  await browser?.close();
});

const servicesTable = (p: Page): Promise<string[][]> =>
  p.$$eval('.services-table tbody tr', (rows) =>
    rows.map((r) =>
      Array.from(r.children)
        .slice(0, 2)
        .map((c) => c.textContent ?? ''),
    ),
  );

describe('overview', () => {
  test('shows the verdict, its reasons, the services and the engine scores of the proposal', async () => {
    expect(await page.textContent('#verdict')).toBe('Split into services');
    expect(await page.$$eval('.reasons li', (li) => li.map((l) => l.textContent))).toEqual(result.decomposition?.verdict.reasons);
    expect(await servicesTable(page)).toEqual([
      ['billing', '3'],
      ['catalog', '2'],
      ['orders', '3'],
    ]);
    expectSameScores(await pageScores(page, '.score-cards'), scoresOf());
    expect(await page.$('#score-mismatch')).toBeNull(); // recorded metrics equal the browser's
    expect(await page.textContent('.migration')).toContain('Extract orders');
    await screenshot(page, 'shop-overview');
  });

  test('tabs and lists work from the keyboard', async () => {
    await page.focus('#tab-overview');
    await page.keyboard.press('ArrowRight');
    expect(await page.getAttribute('#tab-map', 'aria-selected')).toBe('true');
    await page.keyboard.press('ArrowLeft');
    expect(await page.getAttribute('#tab-overview', 'aria-selected')).toBe('true');
    await page.focus('.services-table tbody tr');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.service)).toBe('catalog');
    await page.keyboard.press('Enter'); // opens the service in the map
    expect(await page.getAttribute('#tab-map', 'aria-selected')).toBe('true');
    expect(await page.evaluate(() => window.carveMap?.$(':selected').map((n) => n.id()))).toEqual(['s:catalog']);
  });
});

describe('service map', () => {
  test('draws services and tables, expands a service into folders and files, collapses back', async () => {
    await page.click('#tab-map');
    await page.click('text=Collapse all');
    expect(await page.getAttribute('#pane-map', 'data-nodes')).toBe('7');
    const ids = await page.evaluate(() =>
      window.carveMap
        ?.nodes()
        .map((n) => `${n.id()}|${n.data('ownership') ?? ''}`)
        .sort(),
    );
    expect(ids).toEqual([
      's:(shared kernel)|',
      's:billing|',
      's:catalog|',
      's:orders|',
      't:db:invoices|exclusive',
      't:db:orders|multi-writer',
      't:db:products|shared-read',
    ]);

    const orders = await nodePosition(page, 's:orders');
    await page.mouse.click(orders.x, orders.y);
    const folder = 'd:orders\u0000src/orders';
    expect(await page.evaluate((id) => window.carveMap?.getElementById(id).parent().first().id(), folder)).toBe('s:orders');
    const at = await nodePosition(page, folder);
    await page.mouse.click(at.x, at.y);
    expect(
      await page.evaluate(() =>
        window.carveMap
          ?.nodes('[kind = "file"]')
          .map((n) => n.data('label'))
          .sort(),
      ),
    ).toEqual(['order.repository.ts', 'orders.controller.ts', 'orders.service.ts']);
    const hover = await nodePosition(page, 'u:src/orders/orders.service.ts');
    await page.mouse.move(hover.x, hover.y);
    expect(await page.isVisible('.tooltip')).toBe(true);
    await screenshot(page, 'shop-map-expanded');
    await page.click('.crumbs button');
    expect(await page.getAttribute('#pane-map', 'data-nodes')).toBe('7');
  });

  test('dragging a file onto another service moves it there', async () => {
    await page.click('text=Collapse all');
    const orders = await nodePosition(page, 's:orders');
    await page.mouse.click(orders.x, orders.y);
    const folder = await nodePosition(page, 'd:orders\u0000src/orders');
    await page.mouse.click(folder.x, folder.y);
    const file = await nodePosition(page, 'u:src/orders/orders.controller.ts');
    const billing = await nodePosition(page, 's:billing');
    await page.mouse.move(file.x, file.y);
    await page.mouse.down();
    await page.mouse.move((file.x + billing.x) / 2, (file.y + billing.y) / 2, { steps: 5 });
    await page.mouse.move(billing.x, billing.y, { steps: 5 });
    await page.mouse.up();
    const moved = moveUnits(proposal, ['src/orders/orders.controller.ts'], { service: 'billing' });
    expectSameScores(await pageScores(page), scoresOf(moved));
    expect(await page.textContent('#edit-count')).toBe('1 edit');
    await page.click('#undo');
    expectSameScores(await pageScores(page), scoresOf());
  });
});

describe('what-if editing', () => {
  test('move a file with select + choose: scores recompute to exactly what the engine computes, with deltas', async () => {
    await page.click('#tab-search');
    await page.fill('.search-input', 'orders.service');
    await page.press('.search-input', 'Enter');
    expect(await page.getAttribute('#tab-map', 'aria-selected')).toBe('true');
    expect(await page.evaluate(() => window.carveMap?.$('.hit').map((n) => n.id()))).toEqual(['u:src/orders/orders.service.ts']);
    await page.selectOption('#move-target', 's:billing');
    await page.click('#move-button');

    const moved = moveUnits(proposal, ['src/orders/orders.service.ts'], { service: 'billing' });
    const expected = scoresOf(moved);
    expectSameScores(await pageScores(page), expected);
    expect(expected).not.toEqual(scoresOf());
    const icp = await page.textContent('.score-rows [data-score-key="icp"] dd');
    expect(icp).toBe(`${scoresOf().icp.toFixed(2)} → ${expected.icp.toFixed(2)}`);
    await screenshot(page, 'shop-after-move');

    await page.click('#undo');
    expectSameScores(await pageScores(page), scoresOf());
    await page.click('#redo');
    expectSameScores(await pageScores(page), expected);
    await page.click('#undo');
  });

  test('move a table, and split a folder off into a new service, each rescored like the engine', async () => {
    await page.click('#tab-map');
    await tapNode(page, 't:db:orders');
    await page.selectOption('#move-target', 's:billing');
    await page.click('#move-button');
    const tableMoved = moveTables(proposal, ['db:orders'], 'billing');
    expectSameScores(await pageScores(page), scoresOf(tableMoved));
    expect(await page.evaluate(() => window.carveMap?.getElementById('t:db:orders').data('ownership'))).toBe('multi-writer');

    await page.click('text=Collapse all');
    await tapNode(page, 's:orders');
    await tapNode(page, 'd:orders\u0000src/orders');
    await page.fill('#split-name', 'orders-core');
    await page.click('#split-button');
    const units = proposal.services.find((s) => s.name === 'orders')?.units ?? [];
    expectSameScores(await pageScores(page), scoresOf(splitService(tableMoved, 'orders', units, [], 'orders-core')));
    await page.click('#tab-overview');
    expect(await servicesTable(page)).toEqual([
      ['billing', '3'],
      ['catalog', '2'],
      ['orders', '0'],
      ['orders-core', '3'],
    ]);
    await page.click('#undo');
    await page.click('#undo');
    expectSameScores(await pageScores(page), scoresOf());
  });

  test('create, rename and merge services; invalid names are refused with a message', async () => {
    await page.fill('#new-service-name', 'payments');
    await page.click('#create-service');
    await page.click('#tab-overview');
    expect((await servicesTable(page)).map((r) => r[0])).toEqual(['billing', 'catalog', 'orders', 'payments']);
    await page.fill('#new-service-name', 'orders');
    await page.click('#create-service');
    expect(await page.textContent('#edit-error')).toBe('a service named "orders" already exists');

    await page.click('.services-table tr[data-service="catalog"]');
    await page.fill('#rename-input', 'products');
    await page.click('#rename-button');
    expect(await page.inputValue('#rename-input')).toBe('products'); // the selection follows the rename
    await page.click('#tab-overview');
    expect((await servicesTable(page)).map((r) => r[0])).toEqual(['billing', 'products', 'orders', 'payments']);

    await page.click('.services-table tr[data-service="products"]');
    await page.selectOption('#merge-target', 's:orders');
    await page.click('#merge-button');
    await page.click('#tab-overview');
    expect(await servicesTable(page)).toEqual([
      ['billing', '3'],
      ['orders', '5'],
      ['payments', '0'],
    ]);
    for (let i = 0; i < 3; i++) await page.click('#undo');
    expect(await page.textContent('#edit-count')).toBe('the proposal as analysed');
  });

  test('exports the edited decomposition as a carve config with exact pins', async () => {
    await page.click('#tab-search');
    await page.fill('.search-input', 'product.repository');
    await page.press('.search-input', 'Enter');
    await page.selectOption('#move-target', 's:orders');
    await page.click('#move-button');
    await page.click('#export-config');
    const exported = JSON.parse((await page.inputValue('#export-text')) ?? '');
    expect(exported).toEqual(toPinConfig(moveUnits(proposal, ['src/catalog/product.repository.ts'], { service: 'orders' })));
    const href = await page.getAttribute('#download-export', 'href');
    expect(JSON.parse(decodeURIComponent((href ?? '').replace(/^data:application\/json;charset=utf-8,/, '')))).toEqual(exported);
    await page.click('#export-json');
    expect(JSON.parse(await page.inputValue('#export-text')).services.map((s: { name: string }) => s.name)).toEqual([
      'billing',
      'catalog',
      'orders',
    ]);
    await page.click('#undo');
  });
});

describe('shared database, sagas, API surface', () => {
  test('the matrix marks reads and writes, highlights multi-writer tables and cross-service FKs, and opens access sites', async () => {
    await page.click('#tab-database');
    const rows = await page.$$eval('.matrix tbody tr', (trs) =>
      trs.map((tr) => [(tr as HTMLElement).dataset.table, ...Array.from(tr.querySelectorAll('td.cell')).map((td) => td.textContent)]),
    );
    expect(rows).toEqual([
      ['db:orders', 'W', '', 'RW'],
      ['db:products', '', 'R', 'W'],
      ['db:invoices', 'W', '', ''],
    ]);
    expect(await page.$$eval('.matrix tr.own-multi-writer', (trs) => trs.map((t) => (t as HTMLElement).dataset.table))).toEqual([
      'db:orders',
    ]);
    expect(await page.$$eval('.matrix td.cross-fk', (tds) => tds.map((t) => t.closest('tr')?.dataset.table))).toEqual([
      'db:orders',
      'db:invoices',
    ]);

    await page.click('.matrix tr[data-table="db:orders"] td[data-service="billing"]');
    expect(
      await page.$$eval('.access-sites tbody tr', (trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent))),
    ).toEqual([['src/billing/billing.service.ts:30', 'BillingService.settle', 'write', 'prisma.order.update']]);
    await page.click('.matrix thead button:text-is("Table")');
    expect(await page.$$eval('.matrix tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.table))).toEqual([
      'db:invoices',
      'db:orders',
      'db:products',
    ]);
    await screenshot(page, 'shop-database');
  });

  test('saga candidates and the API surface follow the draft', async () => {
    await page.click('#tab-sagas');
    expect(await page.$$eval('.saga', (s) => s.map((e) => (e as HTMLElement).dataset.saga))).toEqual(['src/orders/orders.service.ts:40']);
    expect(await page.$$eval('.saga tbody tr', (trs) => trs.map((tr) => tr.lastElementChild?.textContent))).toEqual(['orders', 'catalog']);
    await page.click('#tab-api');
    expect(await page.textContent('#pane-api [data-service="billing"]')).toContain('BillingService');
    expect(await page.textContent('#pane-api [data-service="billing"]')).toContain('GET /invoices/:id');
  });
});

describe('theme', () => {
  test('renders in dark mode too', async () => {
    const dark = await openReport(browser, result, 'shop-canned-dark', 'dark');
    const bg = await dark.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(17, 21, 28)');
    await dark.page.click('#tab-map');
    await screenshot(dark.page, 'shop-map-dark');
    expect(dark.network).toEqual([]);
    expect(dark.errors).toEqual([]);
    await dark.page.close();
  });
});
