/**
 * Headless Chromium for the report tests: one browser per test file, each
 * report opened over file:// with every network request and console error
 * recorded.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderHtml } from '../../src/report/html.js';
import type { AnalysisResult } from '../../src/model/result.js';
import { describeBrowser, resolveChromium } from '../helpers/chromium.js';
import { repoRoot } from '../helpers/project.js';

export const artifacts = path.join(repoRoot, 'test-artifacts', 'report-ui');

/** Rebuilds dist/report-ui/template.html, so the tests never open a stale bundle of report-ui/ or src/score/. */
export function buildTemplate(): void {
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts/build-report-ui.mjs')], { cwd: repoRoot, stdio: 'pipe' });
}

/** Builds the template, then starts the one browser a test file shares (see helpers/chromium.ts for which). */
export async function launchBrowser(): Promise<Browser> {
  buildTemplate();
  const resolved = await resolveChromium();
  console.log(describeBrowser(resolved));
  return chromium.launch({
    executablePath: resolved.executablePath,
    headless: true,
    args: [
      ...resolved.args,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface OpenReport {
  page: Page;
  file: string;
  /** Requests to anything but file: and data: URLs. */
  network: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Milliseconds from navigation to `data-ready`. */
  readyMs: number;
}

/** Writes the report for `result` to test-artifacts/ and opens it; resolves once it is interactive. */
export async function openReport(
  browser: Browser,
  result: AnalysisResult,
  name: string,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<OpenReport> {
  mkdirSync(artifacts, { recursive: true });
  const file = path.join(artifacts, `${name}.html`);
  writeFileSync(file, renderHtml(result));
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme });
  const network: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    if (!/^(file|data):/.test(request.url())) network.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const start = Date.now();
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('#app[data-ready]', { timeout: 30_000 });
  return { page, file, network, errors, readyMs: Date.now() - start };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`) });
}

/** The value of every headline score on the page, by key. */
export async function pageScores(page: Page, container = '.score-rows'): Promise<Record<string, number>> {
  return page.$$eval(`${container} [data-score-key]`, (nodes) =>
    Object.fromEntries(nodes.map((n) => [(n as HTMLElement).dataset.scoreKey as string, Number((n as HTMLElement).dataset.value)])),
  );
}

/** Screen position of a map node, for real mouse clicks and drags. */
export async function nodePosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  const at = await page.evaluate((nodeId) => {
    const cy = window.carveMap;
    const node = cy?.getElementById(nodeId);
    if (!cy || !node || node.empty()) return null;
    const box = cy.container()?.getBoundingClientRect();
    const p = node.renderedPosition();
    return { x: (box?.left ?? 0) + p.x, y: (box?.top ?? 0) + p.y };
  }, id);
  if (!at) throw new Error(`no map node ${id}`);
  return at;
}

/** Taps a map node as a click would (the handler under test), without serialising cytoscape objects back. */
export async function tapNode(page: Page, id: string): Promise<void> {
  const found = await page.evaluate((nodeId) => {
    const node = window.carveMap?.getElementById(nodeId);
    if (!node || node.empty()) return false;
    node.emit('tap');
    return true;
  }, id);
  if (!found) throw new Error(`no map node ${id}`);
}
