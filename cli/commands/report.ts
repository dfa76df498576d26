import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { CarveError, SCHEMA_VERSION, reporters, type AnalysisResult } from '../../src/index.js';
import { openInBrowser } from '../open-in-browser.js';

function readResult(file: string): AnalysisResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CarveError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let result: AnalysisResult;
  try {
    result = JSON.parse(text) as AnalysisResult;
  } catch (error) {
    throw new CarveError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (result?.tool?.name !== 'carve' || !Array.isArray(result.units)) throw new CarveError(`${file} is not a carve analysis.json`);
  if (result.schemaVersion !== SCHEMA_VERSION) {
    throw new CarveError(`${file} has schemaVersion ${result.schemaVersion}; this carve reads ${SCHEMA_VERSION} — re-run carve analyze`);
  }
  return result;
}

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
