import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { reporters } from '../../src/index.js';
import { readResult } from '../read-result.js';
import { openInBrowser } from '../open-in-browser.js';

export async function reportCommand(file: string, opts: { out?: string; open?: boolean }): Promise<number> {
  const result = readResult(file);
  const dir = path.resolve(opts.out ?? path.dirname(file));
  mkdirSync(dir, { recursive: true });
  const html = path.join(dir, 'index.html');
  writeFileSync(html, reporters.html(result));
  process.stdout.write(`Wrote ${path.relative(process.cwd(), html)}\n`);
  if (opts.open) openInBrowser(html);
  return 0;
}
