import path from 'node:path';
import {
  analyze,
  baselineMismatches,
  checkGuard,
  formatGuardFindings,
  readResultBaseline,
  reporters,
  resolveConfig,
  serializeResult,
  type AnalyzeOutput,
} from '../../src/index.js';
import { openInBrowser } from '../open-in-browser.js';
import { prepareOutputFolder, REPORT_FILES, writeOutputFiles } from '../output-folder.js';
import { printErr, printOut } from '../print.js';
import { plainProgress } from '../progress/plain-progress.js';

interface AnalyzeFlags {
  config?: string;
  json?: boolean;
  timings?: boolean;
  open?: boolean;
  force?: boolean;
}

function printTimings(out: AnalyzeOutput): void {
  const total = out.timings.reduce((s, t) => s + t.ms, 0);
  for (const t of out.timings) {
    const memory = `heap ${t.heapMb.toFixed(0)} MB (committed ${t.heapPeakMb.toFixed(0)} MB) rss-peak ${t.rssPeakMb.toFixed(0)} MB`;
    process.stderr.write(`timing ${t.phase} ${t.ms.toFixed(1)} ms ${((t.ms / total) * 100).toFixed(1)}% ${memory}\n`);
  }
  process.stderr.write(`timing total ${total.toFixed(1)} ms 100%\n`);
  process.stderr.write(`cache ${out.cache.hits} hits ${out.cache.misses} misses\n`);
  process.stderr.write(`link-cache ${out.cache.linksReused} files reused\n`);
}

export async function analyzeCommand(root: string, flags: AnalyzeFlags, overrides: Record<string, unknown>): Promise<number> {
  // Everything that can fail on the user's input fails here, before the analysis: config, baseline, output folder.
  const config = resolveConfig(root, flags.config, overrides);
  for (const note of config.notes) printErr(note);
  const baseline = config.options.baseline ? readResultBaseline(config.options.baseline) : undefined;
  const dir = flags.json ? undefined : prepareOutputFolder(config.options.out, REPORT_FILES, flags.force);

  const live = process.stderr.isTTY && !process.env.CI;
  // ink (and React) take half a second to load: only for a live terminal.
  const progress = live ? (await import('../progress/ink-progress.js')).inkProgress() : plainProgress();
  let out: AnalyzeOutput;
  try {
    // configPath and overrides go along: the library may ask where a setting came from.
    out = await analyze({ root, configPath: flags.config, overrides, config, onProgress: progress.onProgress });
  } finally {
    progress.stop();
  }
  if (flags.timings) printTimings(out);

  if (baseline) for (const line of baselineMismatches(baseline, out.result)) printErr(`baseline: ${line}`);
  const findings = checkGuard(out.result, config.options.thresholds, baseline);
  const guard = formatGuardFindings(findings);
  const exitCode = findings.length ? 1 : 0;

  if (!dir) {
    process.stdout.write(serializeResult(out.result)); // data for a pipe: written as is
    for (const line of guard) printErr(line);
    return exitCode;
  }
  writeOutputFiles(dir, [
    ['analysis.json', serializeResult(out.result)],
    ['index.html', reporters.html(out.result)],
  ]);
  printOut(`${reporters.text(out.result)}\n\nWrote ${path.relative(process.cwd(), dir) || '.'}/analysis.json and index.html\n`);
  if (guard.length) printOut(`\nCI guard:\n${guard.map((l) => `  ${l}`).join('\n')}\n`);
  if (flags.open) openInBrowser(path.join(dir, 'index.html'));
  return exitCode;
}
