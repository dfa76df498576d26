/**
 * The extract stage: read each discovered file, skip what cannot be analysed
 * (too large, binary), and turn the rest into FileFacts — from the cache when
 * the content is unchanged, on worker threads when there are cores to spare.
 */
import { readFileSync } from 'node:fs';
import type { FactsCache } from '../cache/facts-cache.js';
import type { DiscoveredFile } from '../discover/index.js';
import type { SkippedFile } from '../model/result.js';
import type { FileFacts } from './file-facts.js';
import { extractInWorkers, workerCount } from './worker-pool.js';

export { extractFile } from './extract-file.js';

export interface ExtractOptions {
  cache?: FactsCache;
  maxFileSize: number;
  /** Worker threads: a number (0 = none) or 'auto' (by core count). */
  workers: number | 'auto';
  onProgress?: (done: number, total: number) => void;
}

export interface Extracted {
  facts: FileFacts[];
  skipped: SkippedFile[];
  cacheHits: number;
}

/** A NUL byte in the first 8 KiB marks a binary file, as git decides it. */
function looksBinary(buf: Buffer): boolean {
  return buf.subarray(0, 8192).includes(0);
}

const PROGRESS_EVERY = 64;
/** Below this many files to parse, starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 400;
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface Pending {
  slot: number;
  path: string;
  buf: Buffer;
}

export async function extractAll(files: readonly DiscoveredFile[], options: ExtractOptions): Promise<Extracted> {
  const slots: (FileFacts | undefined)[] = [];
  const skipped: SkippedFile[] = [];
  const pending: Pending[] = [];
  let cacheHits = 0;
  for (const file of files) {
    if (file.size > options.maxFileSize) {
      skipped.push({ path: file.path, reason: `larger than maxFileSize (${file.size} > ${options.maxFileSize} bytes)` });
      continue;
    }
    let buf: Buffer;
    try {
      buf = readFileSync(file.abs);
    } catch (error) {
      skipped.push({ path: file.path, reason: `unreadable: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
      continue;
    }
    if (looksBinary(buf)) {
      skipped.push({ path: file.path, reason: 'binary content (NUL bytes), not source text' });
      continue;
    }
    const cached = options.cache?.get(file.path, buf);
    if (cached) cacheHits++;
    else pending.push({ slot: slots.length, path: file.path, buf });
    slots.push(cached);
  }

  const total = files.length;
  const report = (done: number): void => options.onProgress?.(cacheHits + done, total);
  // An explicit count is honoured; 'auto' also weighs whether there is enough to parse.
  const workers = options.workers !== 'auto' || pending.length >= MIN_FILES_FOR_WORKERS ? workerCount(options.workers) : 0;
  let extracted: FileFacts[];
  if (workers > 0) {
    extracted = await extractInWorkers(
      pending.map((p) => ({ path: p.path, text: p.buf.toString('utf8') })),
      workers,
      report,
    );
  } else {
    extracted = [];
    // Loaded here, not imported: when every file is cached, TypeScript is never loaded.
    const { extractFile } = pending.length > 0 ? await import('./extract-file.js') : { extractFile: () => undefined as never };
    for (let i = 0; i < pending.length; i++) {
      if (i % PROGRESS_EVERY === 0) {
        report(i);
        if (options.onProgress) await yieldToEventLoop(); // lets a live progress view redraw
      }
      extracted.push(extractFile(pending[i].path, pending[i].buf.toString('utf8')));
    }
  }
  pending.forEach((p, i) => {
    slots[p.slot] = extracted[i];
    options.cache?.set(p.path, p.buf, extracted[i]);
  });
  report(pending.length);
  return { facts: slots as FileFacts[], skipped, cacheHits };
}
