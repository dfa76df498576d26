/**
 * `carve check`, as a table of contents: analyse, find the violations of the
 * declared boundaries, score the guarded figures, ratchet both against the
 * baseline. Writes nothing: the caller writes the baseline it returns.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { analyze, type AnalyzeOptions, type AnalyzeOutput } from './analyze.js';
import { changedFilesSince } from './guard/git.js';
import { compareFigures, guardFigures } from './guard/check-guard.js';
import { declaredFigures } from './guard/declared-figures.js';
import { decompositionView } from './guard/decomposition-view.js';
import { findViolations } from './guard/find-violations.js';
import { nextBaseline, ratchet } from './guard/ratchet.js';
import { BASELINE_FILE, readBaseline, type Baseline } from './guard/read-baseline.js';
import { CHECK_SCHEMA_VERSION, type CheckReport, type Violation } from './model/check-result.js';
import { CarveError } from './util/errors.js';

export interface CheckOptions extends AnalyzeOptions {
  /** Only list violations whose source changed since this git revision. */
  affected?: string;
  /** Rewrite the baseline from this run: it may shrink; with `allowNew` it may grow. */
  updateBaseline?: boolean;
  allowNew?: boolean;
}

export interface CheckOutput {
  report: CheckReport;
  analysis: AnalyzeOutput;
  /** Absolute path of the baseline file used (it may not exist). */
  baselineFile: string;
  /** Set with `updateBaseline`: what to write to `baselineFile`. */
  nextBaseline?: Baseline;
}

export async function check(options: CheckOptions): Promise<CheckOutput> {
  const analysis = await analyze(options);
  const { result, config } = analysis;
  const opts = config.options;
  const baselineFile = opts.baseline ? path.resolve(opts.baseline) : path.join(config.root, BASELINE_FILE);
  const baselineFound = existsSync(baselineFile);
  if (!baselineFound && opts.baseline && !options.updateBaseline)
    throw new CarveError(`baseline not found: ${opts.baseline} — write one with carve check --update-baseline`);
  const oldBaseline = baselineFound ? readBaseline(baselineFile) : undefined;

  const view = decompositionView(result, opts);
  const { declared, map } = view;
  const violations: Violation[] = declared ? findViolations(result, declared, opts.boundaryRules, analysis.sites.edgeEntries) : [];
  const figures = declared ? declaredFigures(result, view.assignment, opts.weights) : guardFigures(result);
  const coverage: CheckReport['coverage'] = declared
    ? { unassignedFiles: declared.unassignedFiles, unownedTables: declared.unownedTables, inferredOwners: declared.inferredOwners }
    : { unassignedFiles: 0, unownedTables: [], inferredOwners: [] };

  const written = options.updateBaseline ? nextBaseline(violations, figures, oldBaseline, options.allowNew ?? false) : undefined;
  const ratcheted = ratchet(violations, figures, written ?? oldBaseline);
  const figureFindings = [...compareFigures(figures, opts.thresholds), ...ratcheted.figureFindings];

  let listed = ratcheted.violations;
  let affected: CheckReport['affected'];
  if (options.affected) {
    const changed = changedFilesSince(config.root, options.affected);
    listed = listed.filter((v) => changed.has(v.file));
    affected = { rev: options.affected, changedFiles: changed.size, hiddenViolations: ratcheted.violations.length - listed.length };
  }
  const errors = listed.filter((v) => v.severity === 'error');
  const counts = {
    known: errors.filter((v) => v.status === 'known').length,
    new: errors.filter((v) => v.status === 'new').length,
    fixed: ratcheted.stale.length,
    warnings: listed.length - errors.length,
  };
  const report: CheckReport = {
    schemaVersion: CHECK_SCHEMA_VERSION,
    kind: 'carve-check',
    tool: result.tool,
    project: result.project,
    boundariesDeclared: declared !== undefined,
    violations: listed,
    stale: ratcheted.stale,
    figures,
    figureFindings,
    counts,
    ...(affected ? { affected } : {}),
    baseline: { file: path.relative(config.root, baselineFile).split(path.sep).join('/') || BASELINE_FILE, found: baselineFound },
    coverage,
    map,
    passed: counts.new === 0 && counts.fixed === 0 && figureFindings.length === 0,
  };
  return { report, analysis, baselineFile, nextBaseline: written };
}
