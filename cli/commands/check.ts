import { appendFileSync, lstatSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  CarveError,
  HISTORY_FILE,
  check,
  checkReporters,
  headCommit,
  historyLine,
  serializeBaseline,
  type CheckFormat,
  type CheckOutput,
} from '../../src/index.js';
import { plainProgress } from '../progress/plain-progress.js';

export interface CheckFlags {
  config?: string;
  format?: string;
  affected?: string;
  updateBaseline?: boolean;
  allowNew?: boolean;
  record?: boolean;
  quiet?: boolean;
  save?: string[];
}

/** `--save markdown=carve-summary.md`: one run, several formats (stdout gets `--format`). */
function parseSaves(saves: string[] = []): { format: CheckFormat; file: string }[] {
  return saves.map((spec) => {
    const at = spec.indexOf('=');
    if (at <= 0 || at === spec.length - 1)
      throw new CarveError(`--save: write <format>=<file>, e.g. --save sarif=carve.sarif (got "${spec}")`);
    return { format: formatOf(spec.slice(0, at)), file: spec.slice(at + 1) };
  });
}

function formatOf(name: string | undefined): CheckFormat {
  const format = name ?? 'text';
  if (!Object.hasOwn(checkReporters, format))
    throw new CarveError(`--format: "${format}" is not one of ${Object.keys(checkReporters).join(', ')}`);
  return format as CheckFormat;
}

/** carve writes its own files (baseline, history) at the root, and never through a link that could point elsewhere. */
function refuseLink(file: string): void {
  try {
    if (lstatSync(file).isSymbolicLink()) throw new CarveError(`${file} is a symbolic link; carve will not write through it`);
  } catch (error) {
    if (error instanceof CarveError) throw error;
  }
}

function record(out: CheckOutput): string {
  const root = out.analysis.config.root;
  const file = path.join(root, HISTORY_FILE);
  refuseLink(file);
  const head = headCommit(root);
  const errors = out.report.violations.filter((v) => v.severity === 'error').length;
  appendFileSync(
    file,
    historyLine({
      commit: head?.commit ?? null,
      date: new Date(head?.date ?? Date.now()).toISOString(),
      figures: out.report.figures,
      violations: { errors, warnings: out.report.violations.length - errors },
    }),
  );
  return file;
}

export async function checkCommand(root: string, flags: CheckFlags, overrides: Record<string, unknown>): Promise<number> {
  const format = formatOf(flags.format);
  const saves = parseSaves(flags.save);
  if (flags.allowNew && !flags.updateBaseline) throw new CarveError('--allow-new only goes with --update-baseline');
  if (flags.record && flags.affected) throw new CarveError('--record records the whole repository; leave out --affected');
  const progress = flags.quiet ? undefined : plainProgress();
  const out = await check({
    root,
    configPath: flags.config,
    overrides,
    onProgress: progress?.onProgress,
    affected: flags.affected,
    updateBaseline: flags.updateBaseline,
    allowNew: flags.allowNew,
  });
  const notes: string[] = [];
  if (out.nextBaseline) {
    refuseLink(out.baselineFile);
    writeFileSync(out.baselineFile, serializeBaseline(out.nextBaseline));
    notes.push(
      `wrote ${path.relative(process.cwd(), out.baselineFile) || out.baselineFile} (${out.nextBaseline.violations.length} known violations)`,
    );
  }
  if (flags.record) notes.push(`recorded in ${path.relative(process.cwd(), record(out))}`);
  for (const save of saves) {
    refuseLink(path.resolve(save.file));
    writeFileSync(path.resolve(save.file), checkReporters[save.format](out.report));
  }
  process.stdout.write(checkReporters[format](out.report));
  if (format === 'text') process.stdout.write('\n');
  for (const note of notes) process.stderr.write(`carve: ${note}\n`);
  return out.report.passed ? 0 : 1;
}
