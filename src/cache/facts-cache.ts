/**
 * Per-file facts keyed by content hash, in the user's cache folder — never in
 * the analysed tree (carve only reads the projects it analyses). One file per
 * analysed root, written to a temp name and renamed, so a crash or a concurrent
 * run never leaves a half-written cache; an unreadable cache is ignored and
 * rebuilt, and every entry is validated on read (src/extract/revive-facts.ts): a bad
 * entry is re-extracted and counted, never used. Each entry keeps its facts as
 * a JSON string: strings (de)serialise at memory speed, only hits are parsed,
 * and unchanged entries are written back without being encoded again. Bump
 * FORMAT_VERSION whenever FileFacts or extraction changes what it produces
 * (see README.md beside this file).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ResolvedConfig } from '../config/load-config.js';
import type { FileFacts } from '../extract/file-facts.js';
import { CarveError } from '../util/errors.js';
import { TOOL_VERSION } from '../model/tool-version.js';
import { reviveFileFacts } from '../extract/revive-facts.js';

export const FORMAT_VERSION = 7;

interface Entry {
  hash: string;
  json: string;
}

const isEntry = (v: unknown): v is Entry =>
  !!v && typeof v === 'object' && typeof (v as Entry).hash === 'string' && typeof (v as Entry).json === 'string';

export class FactsCache {
  private readonly next = new Map<string, Entry>();
  private misses = 0;
  /** Entries found but not used: not an entry, not JSON, or not FileFacts of that file. */
  rejected = 0;

  constructor(
    private readonly previous: Map<unknown, unknown>,
    /** Where the cache file lives; undefined = in memory only (nowhere safe to write). */
    readonly file: string | undefined,
    /** Why the cache file on disk was not used, if it was not. */
    readonly unreadable?: string,
  ) {}

  private static hash(content: Buffer): string {
    return createHash('sha1').update(content).digest('hex');
  }

  get(file: string, content: Buffer): FileFacts | undefined {
    const entry = this.previous.get(file);
    if (entry === undefined) return undefined;
    if (!isEntry(entry)) {
      this.rejected++;
      return undefined;
    }
    if (entry.hash !== FactsCache.hash(content)) return undefined;
    let raw: unknown;
    try {
      raw = JSON.parse(entry.json);
    } catch {
      this.rejected++;
      return undefined;
    }
    const revived = reviveFileFacts(raw, file);
    if ('error' in revived) {
      this.rejected++;
      return undefined;
    }
    this.next.set(file, entry);
    return revived.facts;
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

/** `$XDG_CACHE_HOME/carve`, else `~/.cache/carve`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, home = env.HOME ?? ''): string {
  const xdg = env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(home || '/tmp', '.cache'), 'carve');
}

/** The cache file of one analysed root: a folder per root, named by the hash of its real path. */
export function cacheFile(root: string, cacheDir = defaultCacheDir()): string {
  const key = createHash('sha256').update(realRoot(root)).digest('hex').slice(0, 20);
  return path.join(path.resolve(cacheDir), key, `facts-v${FORMAT_VERSION}-${TOOL_VERSION}.bin`);
}

function realRoot(root: string): string {
  try {
    return realpathNative(root);
  } catch {
    return path.resolve(root);
  }
}

const realpathNative = (p: string): string => realpathSync.native(p);

/**
 * A cache folder inside the analysed tree would be writing into the project; one reached through a
 * symlink in that tree (a linked `node_modules`) would write wherever the project points. Refused.
 */
export function cacheDirProblem(root: string, cacheDir: string): string | undefined {
  const realTree = realRoot(root);
  const wanted = path.resolve(cacheDir);
  let real = wanted;
  // The deepest existing ancestor tells where writes would really land.
  for (let p = wanted; ; p = path.dirname(p)) {
    try {
      real = path.join(realpathNative(p), path.relative(p, wanted));
      break;
    } catch {
      if (path.dirname(p) === p) break;
    }
  }
  const inside = (p: string, dir: string): boolean => p === dir || p.startsWith(dir + path.sep);
  if (inside(real, realTree) || inside(wanted, path.resolve(root))) return `cache folder ${cacheDir} is inside the analysed tree`;
  return undefined;
}

/**
 * The cache folder of a run: `--cache-dir` or an explicit `--config` may choose it; a config file found
 * in the analysed repository may not (the analysed code does not decide where carve writes).
 */
export function cacheDirFor(config: ResolvedConfig, explicitConfig: boolean, fromFlag: unknown): string {
  const chosen = config.options.cacheDir;
  if (chosen === undefined) return defaultCacheDir();
  if (typeof fromFlag !== 'string' && !explicitConfig && config.file) {
    throw new CarveError(
      `cacheDir in ${path.basename(config.file)}: a config found in the analysed repository may not choose where carve writes — pass --cache-dir, or the config with --config`,
    );
  }
  return path.resolve(chosen);
}

export function readFactsCache(root: string, cacheDir = defaultCacheDir()): FactsCache {
  const problem = cacheDirProblem(root, cacheDir);
  if (problem) return new FactsCache(new Map(), undefined, problem);
  const file = cacheFile(root, cacheDir);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return new FactsCache(new Map(), file); // no cache yet
  }
  try {
    const data = deserialize(bytes) as unknown;
    if (data instanceof Map) return new FactsCache(data as Map<unknown, unknown>, file);
  } catch {
    // Corrupt: start empty; the write at the end replaces it.
  }
  return new FactsCache(new Map(), file, 'cache file unreadable, rebuilt');
}

/** A temp file older than this belongs to a run that died (a run writes its temp file in well under a minute). */
const STALE_TEMP_MS = 10 * 60 * 1000;

/**
 * Temp files of killed runs are removed when their process is gone or they are old, and cache files of
 * other carve or format versions when a new one is written, so the folder does not pile up.
 */
function removeLeftovers(dir: string, keep: string, now = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const abs = path.join(dir, name);
    const m = /\.(\d+)\.tmp$/.exec(name);
    try {
      if (m ? !processAlive(Number(m[1])) || now - statSync(abs).mtimeMs > STALE_TEMP_MS : /^facts-.*\.bin$/.test(name) && name !== keep)
        rmSync(abs, { force: true });
    } catch {
      // raced with its owner's rename: fine
    }
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return false; // our own leftover from an earlier, failed write
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function writeFactsCache(cache: FactsCache): void {
  const file = cache.file;
  if (!file || !cache.dirty) return;
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    removeLeftovers(path.dirname(file), path.basename(file));
    writeFileSync(tmp, serialize(cache.entries()));
    renameSync(tmp, file);
  } catch {
    // A read-only cache folder just runs uncached next time.
    rmSync(tmp, { force: true });
  }
}
