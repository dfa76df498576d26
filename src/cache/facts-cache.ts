/**
 * Per-file facts keyed by content hash, under `node_modules/.cache/carve`.
 * One file per project, written to a temp name and renamed, so a crash or a
 * concurrent run never leaves a half-written cache; an unreadable cache is
 * ignored and rebuilt. Each entry keeps its facts as a JSON string: strings
 * (de)serialise at memory speed, only hits are parsed, and unchanged entries
 * are written back without being encoded again. Bump FORMAT_VERSION whenever
 * FileFacts or extraction changes what it produces (see README.md beside this file).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FileFacts } from '../extract/file-facts.js';
import { TOOL_VERSION } from '../model/tool-version.js';

export const FORMAT_VERSION = 5;

interface Entry {
  hash: string;
  json: string;
}

export class FactsCache {
  private readonly previous: Map<string, Entry>;
  private readonly next = new Map<string, Entry>();
  private misses = 0;

  constructor(previous: Map<string, Entry>) {
    this.previous = previous;
  }

  private static hash(content: Buffer): string {
    return createHash('sha1').update(content).digest('hex');
  }

  get(file: string, content: Buffer): FileFacts | undefined {
    const entry = this.previous.get(file);
    if (!entry || entry.hash !== FactsCache.hash(content)) return undefined;
    try {
      const facts = JSON.parse(entry.json) as FileFacts;
      this.next.set(file, entry);
      return facts;
    } catch {
      return undefined; // a damaged entry is re-extracted
    }
  }

  set(file: string, content: Buffer, facts: FileFacts): void {
    this.misses++;
    this.next.set(file, { hash: FactsCache.hash(content), json: JSON.stringify(facts) });
  }

  /** True when the run changed what the cache holds. */
  get dirty(): boolean {
    return this.misses > 0 || this.next.size !== this.previous.size;
  }

  entries(): Map<string, Entry> {
    return this.next;
  }

  /** Path → content hash of every file read this run: what later stages' caches key on. */
  contentHashes(): Map<string, string> {
    return new Map([...this.next].map(([file, entry]) => [file, entry.hash]));
  }
}

export function cacheFile(root: string): string {
  return path.join(root, 'node_modules', '.cache', 'carve', `facts-v${FORMAT_VERSION}-${TOOL_VERSION}.bin`);
}

export function readFactsCache(root: string): FactsCache {
  try {
    const data = deserialize(readFileSync(cacheFile(root))) as unknown;
    if (data instanceof Map) return new FactsCache(data as Map<string, Entry>);
  } catch {
    // Missing or corrupt: start empty; the next write replaces it.
  }
  return new FactsCache(new Map());
}

export function writeFactsCache(root: string, cache: FactsCache): void {
  if (!cache.dirty) return;
  const file = cacheFile(root);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(tmp, serialize(cache.entries()));
    renameSync(tmp, file);
  } catch {
    // A read-only tree just runs uncached next time.
    rmSync(tmp, { force: true });
  }
}
