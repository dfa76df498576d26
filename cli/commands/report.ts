import path from 'node:path';
import { readResult, reporters } from '../../src/index.js';
import { openInBrowser } from '../open-in-browser.js';
import { prepareOutputFolder, writeOutputFiles } from '../output-folder.js';
import { printOut } from '../print.js';

export async function reportCommand(file: string, opts: { out?: string; open?: boolean; force?: boolean }): Promise<number> {
  const result = readResult(file);
  const dir = prepareOutputFolder(opts.out ?? path.dirname(file), ['index.html'], opts.force);
  writeOutputFiles(dir, [['index.html', reporters.html(result)]]);
  const html = path.join(dir, 'index.html');
  printOut(`Wrote ${path.relative(process.cwd(), html)}\n`);
  if (opts.open) openInBrowser(html);
  return 0;
}
