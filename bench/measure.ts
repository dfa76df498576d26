/**
 * Run one tool as a child process and measure it from the outside: wall time
 * (spawn to exit), CPU time and peak RSS (reported by rss-hook.js). stdout goes to a
 * file, as a real run writes its report; stderr is kept for the caller.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { RSS_MARKER } from './rss-marker.js';

export interface Measurement {
  wallMs: number;
  /** User + system CPU time of the child, all its threads. */
  cpuMs: number;
  peakRssMb: number;
  stderr: string;
}

export interface ChildSpec {
  /** Node script and its arguments. */
  script: string;
  args: string[];
  cwd: string;
  /** File that receives the child's stdout. */
  stdoutFile: string;
}

/** Children still running after this long are killed (`--timeout` of run.js). */
let timeoutMs = 20 * 60 * 1000;
export function setChildTimeout(minutes: number): void {
  timeoutMs = minutes * 60 * 1000;
}

const rssHook = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'rss-hook.js')).href;

export function measure(spec: ChildSpec): Promise<Measurement> {
  const out = openSync(spec.stdoutFile, 'w');
  const started = performance.now();
  // CI=1 keeps carve on its plain progress output: no ink rendering in the measurement.
  const child = spawn(process.execPath, ['--import', rssHook, spec.script, ...spec.args], {
    cwd: spec.cwd,
    stdio: ['ignore', out, 'pipe'],
    env: { ...process.env, CI: '1', NO_COLOR: '1' },
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (stderr += chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - started;
      clearTimeout(timer);
      closeSync(out);
      const usage = new RegExp(`^${RSS_MARKER} (\\d+) (\\d+)$`, 'm').exec(stderr);
      if (timedOut) {
        reject(new Error(`killed after ${(timeoutMs / 60000).toFixed(1)} min (--timeout)`));
        return;
      }
      if (code !== 0 || !usage) {
        reject(new Error(`${path.basename(spec.script)} ${spec.args.join(' ')} exited with ${code ?? signal}:\n${stderr.slice(-2000)}`));
        return;
      }
      resolve({ wallMs, cpuMs: Number(usage[2]) / 1000, peakRssMb: Number(usage[1]) / 1024, stderr: stderr.replace(usage[0], '').trim() });
    });
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
