/**
 * Service names are keys of the exported config: names such as `__proto__`,
 * `constructor`, `toString` or `hasOwnProperty` must survive the round trip
 * carve config → analysis → report in the real browser → exported config → carve.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AnalysisResult } from '../../src/model/result.js';
import { runCli } from '../helpers/cli.js';
import { writeProject } from '../helpers/project.js';
import { launchBrowser, openReport } from './browser.js';

const NAMES = [
  '__proto__',
  'audit',
  'billing',
  'catalog',
  'constructor',
  'hasOwnProperty',
  'orders',
  'ship',
  'toString',
  'users',
  'valueOf',
];

/** One folder per name, two files each, every folder importing the next one. */
function project(): string {
  const files: Record<string, string> = { 'tsconfig.json': '{}' };
  NAMES.forEach((name, i) => {
    const next = NAMES[(i + 1) % NAMES.length];
    files[`src/${name}/a.ts`] = `import { b } from './b';\nimport { b as other } from '../${next}/b';\nexport const a = [b, other];\n`;
    files[`src/${name}/b.ts`] = 'export const b = 1;\n';
  });
  return writeProject(files);
}

function analyzeWith(dir: string, config: unknown): AnalysisResult {
  const file = path.join(dir, 'pins.json');
  writeFileSync(file, JSON.stringify(config));
  const r = runCli(['analyze', dir, '--json', '--no-cache', '--config', file]);
  expect(r.stderr).not.toContain('error');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as AnalysisResult;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('services named like Object.prototype members', () => {
  test('11 pinned services in, 11 in the report, 11 in its exported config, 11 again from carve', async () => {
    const dir = project();
    const pins = Object.fromEntries(NAMES.map((name) => [name, [`src/${name}`]]));
    expect(Object.keys(pins)).toHaveLength(11);
    const result = analyzeWith(dir, { pins });
    const services = result.decomposition?.services ?? [];
    expect(services.map((s) => s.name).sort()).toEqual([...NAMES].sort());
    expect(services.find((s) => s.name === '__proto__')?.units).toEqual(['src/__proto__/a.ts', 'src/__proto__/b.ts']);

    const { page, errors } = await openReport(browser, result, 'prototype-names');
    const rows = await page.$$eval('.services-table tbody th', (els) => els.map((e) => e.textContent ?? ''));
    expect(rows.sort()).toEqual([...NAMES].sort());
    await page.click('#export-config');
    const exported = JSON.parse(await page.inputValue('#export-text')) as { pins: Record<string, string[]> };
    expect(Object.keys(exported.pins).sort()).toEqual([...NAMES].sort());
    expect(exported.pins['__proto__']).toEqual(['src/__proto__/a.ts', 'src/__proto__/b.ts']);
    await page.click('#export-json');
    const json = JSON.parse(await page.inputValue('#export-text')) as { services: { name: string }[] };
    expect(json.services.map((s) => s.name).sort()).toEqual([...NAMES].sort());
    expect(errors).toEqual([]);
    await page.close();

    const again = analyzeWith(dir, exported);
    expect(again.decomposition?.services.map((s) => [s.name, s.units])).toEqual(services.map((s) => [s.name, s.units]));
  });
});
