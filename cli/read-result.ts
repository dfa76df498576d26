import { readFileSync } from 'node:fs';
import { CarveError, SCHEMA_VERSION, type AnalysisResult } from '../src/index.js';

/** Read a saved analysis.json (for `carve report` and `--baseline`), with a clear error when it is not one. */
export function readResult(file: string): AnalysisResult {
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
