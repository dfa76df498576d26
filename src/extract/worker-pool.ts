/**
 * Optional parallel extraction over worker threads. On 2 cores it measured
 * slower than one thread (V8 already uses the second core for compilation and
 * GC), so `workers: 'auto'` turns it on only from 4 cores up.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { reviveFileFacts } from './revive-facts.js';
import type { FileFacts } from './file-facts.js';

const MIN_CORES_FOR_AUTO = 4;
const BATCH = 32;

export function workerCount(setting: number | 'auto'): number {
  if (setting !== 'auto') return setting;
  const cores = availableParallelism();
  return cores >= MIN_CORES_FOR_AUTO ? cores - 1 : 0;
}

/** Extract `files` on `count` workers; results come back in input order. */
export async function extractInWorkers(
  files: { path: string; text: string }[],
  count: number,
  onBatch: (done: number) => void,
): Promise<FileFacts[]> {
  const url = new URL('./extract-worker.js', import.meta.url);
  const workers = Array.from({ length: Math.min(count, Math.ceil(files.length / BATCH)) }, () => new Worker(url));
  const results: FileFacts[] = new Array(files.length);
  let next = 0;
  let done = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            worker.on('error', reject);
            const send = (): void => {
              if (next >= files.length) return resolve();
              const start = next;
              next += BATCH;
              worker.once('message', (facts: unknown[]) => {
                // Structured cloning drops null prototypes: rebuild, so worker facts read exactly as in-thread ones.
                for (const [i, f] of facts.entries()) {
                  const revived = reviveFileFacts(f, files[start + i].path);
                  if ('error' in revived) return reject(new Error(`worker facts of ${files[start + i].path}: ${revived.error}`));
                  results[start + i] = revived.facts;
                }
                done += facts.length;
                onBatch(done);
                send();
              });
              worker.postMessage(files.slice(start, start + BATCH));
            };
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
