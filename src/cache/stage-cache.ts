/**
 * Caches of later stages' results (the link stage's per-file links), one file
 * per stage beside the facts cache and written the same way: V8 serialisation,
 * a temporary name renamed into place, anything unreadable ignored. What a
 * stage keeps, and how it decides what still holds, is the stage's business.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { TOOL_VERSION } from '../model/tool-version.js';
import { cacheFile } from './facts-cache.js';

export function stageCacheFile(root: string, stage: string): string {
  return path.join(path.dirname(cacheFile(root)), `${stage}-${TOOL_VERSION}.bin`);
}

/** The stage's data from the last run, or undefined when missing or unreadable (the stage then checks its shape). */
export function readStageCache(root: string, stage: string): unknown {
  try {
    return deserialize(readFileSync(stageCacheFile(root, stage))) as unknown;
  } catch {
    return undefined;
  }
}

export function writeStageCache(root: string, stage: string, data: unknown): void {
  const file = stageCacheFile(root, stage);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(tmp, serialize(data));
    renameSync(tmp, file);
  } catch {
    rmSync(tmp, { force: true }); // a read-only tree just runs uncached next time
  }
}
