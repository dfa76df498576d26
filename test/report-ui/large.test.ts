/**
 * A synthetic monolith of 5,000 files and ~50,000 dependencies: the report
 * opens, reaches its ready state, and the map and an edit stay usable. Times
 * are printed for the record, never asserted (the machine's load decides them).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, openReport, pageScores, screenshot, tapNode } from './browser.js';
import { syntheticResult } from './canned-result.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('a 5,000-file report becomes interactive; expanding and editing work at that size', async () => {
  const result = syntheticResult(5000, 20, 10);
  expect(result.units).toHaveLength(5000);
  expect(result.edges.length).toBeGreaterThan(40_000);

  const report = await openReport(browser, result, 'large-5000');
  const { page } = report;
  const bootMs = Number(await page.getAttribute('#app', 'data-ready'));
  console.log(`report-ui: ${result.units.length} files, ${result.edges.length} edges: ready in ${report.readyMs} ms (boot ${bootMs} ms)`);

  expect(await page.$$eval('.services-table tbody tr', (rows) => rows.length)).toBe(20);
  expect(await page.getAttribute('#pane-map', 'data-nodes')).toBe(String(20 + 100)); // services + tables

  // Expanding a service draws its folders, then a folder its files.
  await page.click('#tab-map');
  let start = Date.now();
  await tapNode(page, 's:domain-3');
  await tapNode(page, 'd:domain-3\u0000src/domain-3/part-0');
  const files = await page.evaluate(() => window.carveMap?.nodes('[kind = "file"]').length);
  console.log(`report-ui: expanded a service and a folder (${files} files drawn) in ${Date.now() - start} ms`);
  expect(files).toBeGreaterThan(0);
  await screenshot(page, 'large-5000-map');

  // A move rescores the whole monolith.
  const before = await pageScores(page);
  start = Date.now();
  await page.click('#tab-search');
  await page.fill('.search-input', 'src/domain-3/part-0/');
  await page.press('.search-input', 'Enter');
  await page.selectOption('#move-target', 's:domain-4');
  await page.click('#move-button');
  const after = await pageScores(page);
  console.log(`report-ui: moved a file and rescored in ${Date.now() - start} ms`);
  expect(after.icp).not.toBe(before.icp);
  expect(report.network).toEqual([]);
  expect(report.errors).toEqual([]);
}, 240_000);
