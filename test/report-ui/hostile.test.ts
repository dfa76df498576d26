/**
 * Names from the analysed code are untrusted. The hostile-names fixture (and a
 * canned result with hostile symbols and services) must render as text: no
 * markup from the data in the DOM, no script run, no dialog.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AnalysisResult } from '../../src/model/result.js';
import { analyzeFixture } from '../helpers/project.js';
import { launchBrowser, openReport, screenshot, type OpenReport } from './browser.js';
import { shopResult, withDecomposition } from './canned-result.js';

const PWN = 'window.__pwned=1';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Visits every view, expands every service and folder in the map, opens the exports. */
async function touchEverything(page: Page): Promise<void> {
  for (const tab of ['overview', 'map', 'database', 'sagas', 'api', 'search']) await page.click(`#tab-${tab}`);
  await page.click('#tab-map');
  await page.evaluate(() => {
    const cy = window.carveMap;
    for (const kind of ['service', 'kernel', 'folder']) cy?.nodes(`[kind = "${kind}"]`).forEach((n) => void n.emit('tap'));
    cy?.nodes().forEach((n) => void n.emit('mouseover'));
  });
  await page.click('#tab-database');
  const cells = await page.$$eval('.matrix td.used', (tds) => tds.length);
  for (let i = 0; i < cells; i++) await page.click(`.matrix td.used >> nth=${i}`); // each click re-renders the matrix
  await page.click('#tab-search');
  await page.fill('.search-input', '<');
  await page.click('#export-config');
  await page.click('#export-json');
}

async function expectInert(report: OpenReport, dialogs: string[]): Promise<void> {
  const { page } = report;
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(await page.$$eval('img, iframe, object, embed', (els) => els.length)).toBe(0);
  expect(await page.$$eval('script', (els) => els.map((s) => s.getAttribute('type') ?? 'js'))).toEqual(['application/json', 'js']);
  expect(await page.$$eval('[onerror], [onload], [onclick]', (els) => els.length)).toBe(0);
  expect(report.network).toEqual([]);
  expect(report.errors).toEqual([]);
}

const texts = (page: Page, selector: string): Promise<string[]> => page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ''));

describe('hostile-names fixture', () => {
  test('every file, folder, route and table name renders as text and nothing runs', async () => {
    const result = await analyzeFixture('hostile-names');
    // The fixture really carries the hostile names through the analysis.
    expect(result.units.map((u) => u.id)).toContain(`src/evil</script><script>${PWN}</script>.ts`);
    expect(result.tables.map((t) => t.name)).toContain(`</script><script>${PWN}</script>`);
    expect(result.units.flatMap((u) => u.entryPoints.map((e) => e.route))).toContain(`/</script><img src=x onerror=${PWN}>`);

    const report = await openReport(browser, result, 'hostile-names');
    const { page } = report;
    const dialogs: string[] = [];
    page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));

    expect(await page.title()).toBe('carve — hostile-names');
    expect(await texts(page, '.services-table tbody th')).toEqual(result.decomposition?.services.map((s) => s.name));
    await page.click('#tab-database');
    expect((await texts(page, '.matrix tbody th')).map((t) => t.replace(/ · .*$/, '')).sort()).toEqual(
      result.tables.map((t) => t.name).sort(),
    );
    await page.click('#tab-api');
    const api = (await page.textContent('#pane-api')) ?? '';
    expect(api).toContain(`/</script><img src=x onerror=${PWN}>/<!--:id-->`);
    await page.click('#tab-search');
    await page.fill('.search-input', '</script>');
    const hits = await texts(page, '.search-results li[data-kind="file"] .mono');
    expect(hits).toEqual([`src/evil</script><script>${PWN}</script>.ts`]);

    await touchEverything(page);
    await screenshot(page, 'hostile-names');
    const exported = JSON.parse(await page.inputValue('#export-text'));
    expect(exported.services.flatMap((s: { units: string[] }) => s.units)).toContain(
      `src/orders<img src=x onerror=${PWN}>/orders.service.ts`,
    );
    await expectInert(report, dialogs);
    await page.close();
  });
});

describe('hostile canned result', () => {
  test('service names, symbols, access paths and the project name render as text', async () => {
    const base = shopResult();
    const evil = (s: string): string => `${s}</script><!--<img src=x onerror=${PWN}>"'&lt;$&`;
    const rename = (name: string): string => (name === 'orders' ? evil('orders') : name);
    const result: AnalysisResult = withDecomposition(
      {
        ...base,
        project: evil('shop'),
        edges: base.edges.map((e) => ({ ...e, symbols: e.symbols.map(evil) })),
        accesses: base.accesses.map((a) => ({ ...a, symbol: evil(a.symbol), via: evil(a.via) })),
        decomposition: undefined,
      },
      {
        ...(base.decomposition as NonNullable<AnalysisResult['decomposition']>),
        services: (base.decomposition?.services ?? []).map((s) => ({ ...s, name: rename(s.name) })),
        verdict: { kind: 'split', reasons: [evil('reason')] },
      },
    );
    const report = await openReport(browser, result, 'hostile-canned');
    const { page } = report;
    const dialogs: string[] = [];
    page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));

    expect(await page.title()).toBe(`carve — ${evil('shop')}`);
    expect(await page.textContent('header .project')).toBe(evil('shop'));
    expect(await texts(page, '.reasons li')).toEqual([evil('reason')]);
    expect(await texts(page, '.services-table tbody th')).toEqual(['billing', 'catalog', evil('orders')]);
    await page.click('#tab-database');
    await page.click(`.matrix tr[data-table="db:orders"] td.used >> nth=0`);
    expect(await texts(page, '.access-sites tbody td:nth-child(2)')).toEqual([evil('BillingService.settle')]);
    await touchEverything(page);
    await expectInert(report, dialogs);
    await page.close();
  });
});
