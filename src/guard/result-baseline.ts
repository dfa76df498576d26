/**
 * The `--baseline` of `carve analyze`: a saved analysis.json, read and checked before the
 * analysis runs, and compared with the new result's settings so a baseline
 * from another project or other settings is not trusted silently.
 */
import type { AnalysisResult } from '../model/result.js';
import { readResult } from '../model/read-result.js';

export function readResultBaseline(file: string): AnalysisResult {
  return readResult(file, 'baseline');
}

/** Why the baseline may not be comparable with `result`: one line each, empty when it is. */
export function baselineMismatches(baseline: AnalysisResult, result: AnalysisResult): string[] {
  const notes: string[] = [];
  if (baseline.project !== result.project) {
    notes.push(`the baseline is of project "${baseline.project}", this run of "${result.project}" — is it the right file?`);
  }
  if (baseline.configHash !== result.configHash) {
    notes.push(
      `the baseline was made with other settings (config hash ${baseline.configHash}, now ${result.configHash}): figures may differ for that reason alone`,
    );
  }
  if (baseline.tool.version !== result.tool.version) {
    notes.push(`the baseline was made by carve ${baseline.tool.version}, this is ${result.tool.version}`);
  }
  return notes;
}
