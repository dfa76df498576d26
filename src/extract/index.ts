/**
 * The extract stage: read each discovered file, skip what cannot be analysed
 * (too large, binary), and turn the rest into FileFacts — from the cache when
 * the content is unchanged.
 */
import { readFileSync } from 'node:fs';
import type { FactsCache } from '../cache/facts-cache.js';
import type { DiscoveredFile } from '../discover/index.js';
import type { SkippedFile } from '../model/result.js';
import { extractFile } from './extract-file.js';
import type { FileFacts } from './file-facts.js';

export { extractFile } from './extract-file.js';

export interface ExtractOptions {
  cache?: FactsCache;
  maxFileSize: number;
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
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function extractAll(files: readonly DiscoveredFile[], options: ExtractOptions): Promise<Extracted> {
  const facts: FileFacts[] = [];
  const skipped: SkippedFile[] = [];
  let cacheHits = 0;
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    if (options.onProgress && i % PROGRESS_EVERY === 0) {
      options.onProgress(i, files.length);
      await yieldToEventLoop(); // lets a live progress view redraw
    }
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
    if (cached) {
      cacheHits++;
      facts.push(cached);
      continue;
    }
    const fileFacts = extractFile(file.path, buf.toString('utf8'));
    options.cache?.set(file.path, buf, fileFacts);
    facts.push(fileFacts);
  }
  options.onProgress?.(files.length, files.length);
  return { facts, skipped, cacheHits };
}
