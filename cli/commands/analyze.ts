import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, checkGuard, formatGuardFindings, reporters, serializeResult, type AnalyzeOutput } from '../../src/index.js';
import { readResult } from '../read-result.js';
import { openInBrowser } from '../open-in-browser.js';
import { plainProgress } from '../progress/plain-progress.js';

interface AnalyzeFlags {
  config?: string;
  json?: boolean;
  timings?: boolean;
  open?: boolean;
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
  const live = process.stderr.isTTY && !process.env.CI;
  // ink (and React) take half a second to load: only for a live terminal.
  const progress = live ? (await import('../progress/ink-progress.js')).inkProgress() : plainProgress();
  let out: AnalyzeOutput;
  try {
    out = await analyze({ root, configPath: flags.config, overrides, onProgress: progress.onProgress });
  } finally {
    progress.stop();
  }
  if (flags.timings) printTimings(out);

  const { thresholds, baseline } = out.config.options;
  const findings = checkGuard(out.result, thresholds, baseline ? readResult(baseline) : undefined);
  const guard = formatGuardFindings(findings);
  const exitCode = findings.length ? 1 : 0;

  const summary = reporters.text(out.result);
  if (flags.json) {
    process.stdout.write(serializeResult(out.result));
    for (const line of guard) process.stderr.write(`carve: ${line}\n`);
    return exitCode;
  }
  const dir = path.resolve(out.config.options.out);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'analysis.json'), serializeResult(out.result));
  const html = path.join(dir, 'index.html');
  writeFileSync(html, reporters.html(out.result));
  process.stdout.write(`${summary}\n\nWrote ${path.relative(process.cwd(), dir) || '.'}/analysis.json and index.html\n`);
  if (guard.length) process.stdout.write(`\nCI guard:\n${guard.map((l) => `  ${l}`).join('\n')}\n`);
  if (flags.open) openInBrowser(html);
  return exitCode;
}
