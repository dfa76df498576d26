/** Which Chromium the browser tests use: CHROMIUM_PATH, then a system one on PATH, then the packaged build. */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { resolveChromium } from '../helpers/chromium.js';

function fakeBrowserDir(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'carve-fake-browser-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, name), '#!/bin/sh\nexit 1\n');
  chmodSync(path.join(dir, name), 0o755);
  return dir;
}

describe('the browser of the report tests', () => {
  it('with no CHROMIUM_PATH and no Chromium on PATH, the packaged build starts and renders a page', async () => {
    const resolved = await resolveChromium({ PATH: path.join(tmpdir(), 'nowhere') });
    expect(resolved.source).toBe('packaged');
    expect(resolved.args).not.toContain('--disable-web-security');
    const browser = await chromium.launch({
      executablePath: resolved.executablePath,
      headless: true,
      args: [...resolved.args, '--no-sandbox'],
    });
    try {
      for (const text of ['first', 'second']) {
        const page = await browser.newPage(); // a second page too: the packaged build's --single-process is left out
        await page.setContent(`<h1>${text}</h1>`);
        expect(await page.textContent('h1')).toBe(text);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });

  it('a Chromium on PATH comes before the packaged one; CHROMIUM_PATH before both', async () => {
    const dir = fakeBrowserDir('chromium');
    expect(await resolveChromium({ PATH: dir })).toMatchObject({ source: 'system', executablePath: path.join(dir, 'chromium') });
    const chosen = path.join(fakeBrowserDir('my-chrome'), 'my-chrome');
    expect(await resolveChromium({ PATH: dir, CHROMIUM_PATH: chosen })).toMatchObject({ source: 'CHROMIUM_PATH', executablePath: chosen });
  });

  it('a CHROMIUM_PATH that does not exist is an error, not a silent fallback', async () => {
    await expect(resolveChromium({ PATH: '', CHROMIUM_PATH: '/no/such/chromium' })).rejects.toThrow(
      'CHROMIUM_PATH=/no/such/chromium: no such file',
    );
  });
});
