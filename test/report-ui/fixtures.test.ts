/**
 * Every bundled fixture, analysed for real, rendered and opened in Chromium:
 * the report shows what the analysis found, an edit rescores like the engine,
 * and the exported config makes `analyze` reproduce the edited services.
 */
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { draftFromResult, toDecompositionJson, type PinConfig } from '../../report-ui/src/state/draft.js';
import { createService, moveUnits } from '../../report-ui/src/state/edits.js';
import { headlineScores, scoreDraft } from '../../report-ui/src/state/scores.js';
import type { AnalysisResult } from '../../src/model/result.js';
import { analyzeFixture, fixturePath, repoRoot } from '../helpers/project.js';
import { launchBrowser, openReport, pageScores, screenshot, tapNode } from './browser.js';

const fixtures = readdirSync(path.join(repoRoot, 'fixtures'))
  .filter((name) => existsSync(path.join(fixturePath(name), 'package.json')))
  .sort();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const services = (result: AnalysisResult): { name: string; units: string[]; tables: string[] }[] =>
  (result.decomposition?.services ?? [])
    .map(({ name, units, tables }) => ({ name, units, tables }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));

describe.each(fixtures)('fixture %s', (name) => {
  test('renders, rescores an edit like the engine, and exports pins that analyze honours', async () => {
    const result = await analyzeFixture(name);
    const proposal = draftFromResult(result);
    const report = await openReport(browser, result, `fixture-${name}`);
    const { page } = report;

    // What the analysis found is what the report shows.
    expect(await page.$$eval('.services-table tbody tr', (rows) => rows.map((r) => (r as HTMLElement).dataset.service))).toEqual(
      result.decomposition?.services.map((s) => s.name),
    );
    await page.click('#tab-database');
    expect((await page.$$eval('.matrix tbody tr', (rows) => rows.map((r) => (r as HTMLElement).dataset.table))).sort()).toEqual(
      result.tables.map((t) => t.id).sort(),
    );
    expect(await page.$('#score-mismatch')).toBeNull();
    await page.click('#tab-map');
    expect(proposal.services.length).toBeGreaterThan(0);

    // Expand the biggest service.
    const biggest = [...proposal.services].sort((a, b) => b.units.length - a.units.length)[0];
    const nodesBefore = Number(await page.getAttribute('#pane-map', 'data-nodes'));
    await tapNode(page, `s:${biggest.name}`);
    expect(Number(await page.getAttribute('#pane-map', 'data-nodes'))).toBeGreaterThan(nodesBefore);
    await screenshot(page, `fixture-${name}-map`);

    // Move one of its files to another service (a new one when there is only one), through search and the what-if panel.
    const unit = biggest.units[0];
    let target = proposal.services.find((s) => s.name !== biggest.name)?.name;
    let base = proposal;
    if (!target) {
      target = 'extracted';
      base = createService(proposal, target);
      await page.fill('#new-service-name', target);
      await page.click('#create-service');
    }
    await page.click('#tab-search');
    await page.fill('.search-input', unit);
    await page.press('.search-input', 'Enter');
    await page.selectOption('#move-target', `s:${target}`);
    await page.click('#move-button');
    const edited = moveUnits(base, [unit], { service: target });
    const expected = Object.fromEntries(headlineScores(scoreDraft(result, edited)).map((s) => [s.key, s.value]));
    const shown = await pageScores(page);
    expect(Object.keys(shown)).toEqual(Object.keys(expected));
    for (const [key, value] of Object.entries(expected))
      expect(Math.abs(shown[key] - value), key).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(value)));

    // The exported config pins exactly the edited services.
    await page.click('#export-config');
    const config = JSON.parse(await page.inputValue('#export-text')) as PinConfig;
    const pinned = services(await analyzeFixture(name, { pins: config.pins, shared: config.shared ?? [] }));
    const want = toDecompositionJson(edited).services;
    expect(pinned.map((s) => [s.name, s.units])).toEqual(want.map((s) => [s.name, s.units]));
    // Pinned tables stay put; a table the draft leaves unowned (never accessed) the engine may still place.
    const owned = new Set(want.flatMap((s) => s.tables));
    expect(pinned.map((s) => s.tables.filter((t) => owned.has(t)))).toEqual(want.map((s) => s.tables));

    expect(report.network).toEqual([]);
    expect(report.errors).toEqual([]);
    await page.close();
  }, 180_000);
});
