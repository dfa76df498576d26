/** Message flows in the report, on the real analysis of the event-driven fixture: dashed map edges and the flows table. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { AnalysisResult } from '../../src/model/result.js';
import { analyzeFixture } from '../helpers/project.js';
import { launchBrowser, openReport, screenshot, type OpenReport } from './browser.js';

let browser: Browser;
let report: OpenReport;
let result: AnalysisResult;

beforeAll(async () => {
  result = await analyzeFixture('event-tickets');
  browser = await launchBrowser();
  report = await openReport(browser, result, 'event-tickets-flows');
});

afterAll(async () => {
  expect(report.network).toEqual([]);
  expect(report.errors).toEqual([]);
  await browser?.close();
});

test('the service map draws each flow between services as a dashed edge', async () => {
  const { page } = report;
  await page.click('#tab-map');
  await page.waitForFunction(() => (window.carveMap?.nodes().length ?? 0) > 0);
  const flows = await page.evaluate(() =>
    window
      .carveMap!.edges('[kind = "flow"]')
      .map((e) => `${e.source().id()} -> ${e.target().id()} ${e.style('line-style')}`)
      .sort(),
  );
  expect(flows).toEqual([
    's:expiration -> s:orders dashed',
    's:orders -> s:expiration dashed',
    's:orders -> s:tickets dashed',
    's:tickets -> s:orders dashed',
  ]);
  await screenshot(page, 'event-tickets-flows-map');
});

test('the flows table lists every topic with the services on each side', async () => {
  const { page } = report;
  await page.click('#tab-sagas');
  const rows = await page.$$eval('table.flows tbody tr', (trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent)));
  expect(rows).toEqual([
    ['order-expiration', 'bull', 'expiration', 'expiration'],
    ['expiration:complete', 'nats', 'expiration', 'orders'],
    ['order:cancelled', 'nats', 'orders', 'tickets'],
    ['order:created', 'nats', 'orders', 'expiration, tickets'],
    ['ticket:created', 'nats', 'tickets', 'orders'],
    ['order:updated', 'websocket', 'orders', '(outside)'],
    ['watch-order', 'websocket', '(outside)', 'orders'],
  ]);
  expect(rows.length).toBe(result.flows.length);
});
