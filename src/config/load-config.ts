import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { CarveError } from '../util/errors.js';
import { readBoundedText } from '../util/read-bounded.js';
import { escapeProblem } from './contained-path.js';
import { configSchema, defaults, pathKeys, presentationKeys, type CarveConfig, type ConfigKey } from './options.js';
import { parseJsoncObject } from './parse-jsonc.js';

export const CONFIG_FILE = 'carve.config.json';

/** Far above any real config (a report's exported pins list every file: ~1 MB for 20,000 files). */
export const MAX_CONFIG_BYTES = 16 * 1024 * 1024;
export const MAX_CONFIG_PATTERNS = 200_000;

export type EffectiveOptions = typeof defaults & Partial<Pick<CarveConfig, 'services' | 'resolution' | 'baseline' | 'cacheDir'>>;

export interface ResolvedConfig {
  /** Absolute path of the analysed root. */
  root: string;
  /** The config file used, if any (absolute). */
  file?: string;
  options: EffectiveOptions;
  /** sha256 of the options that change the result. */
  hash: string;
  /** Things the user should know about the settings (a value cut to a limit). */
  notes: string[];
}

/** Turn a zod issue into "key: problem" a user can act on. */
function describeIssue(issue: z.core.$ZodIssue, source: string): string {
  const key = issue.path.length ? issue.path.map(String).join('.') : '(root)';
  let message = issue.message;
  if (issue.code === 'unrecognized_keys')
    message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return `${source}: ${key}: ${message}`;
}

const globsSchema = configSchema.shape.pins.valueType;

/**
 * zod's records skip a `__proto__` key (neither checked nor kept); a service
 * may be named so, so name-keyed records are rebuilt here from own keys.
 */
function keepEveryName(raw: Record<string, unknown>, data: Partial<CarveConfig>, source: string): void {
  const pins = raw.pins;
  if (!data.pins || !pins || typeof pins !== 'object' || !Object.hasOwn(pins, '__proto__')) return;
  const value = (pins as Record<string, unknown>)['__proto__'];
  const checked = globsSchema.safeParse(value);
  if (!checked.success) {
    const lines = checked.error.issues.map((i) => describeIssue({ ...i, path: ['pins', '__proto__', ...i.path] }, source));
    throw new CarveError(`invalid config — ${lines.join('; ')}`);
  }
  data.pins = Object.fromEntries([...Object.entries(data.pins), ['__proto__', checked.data]]);
}

export function validateConfig(raw: unknown, source: string): Partial<CarveConfig> {
  const parsed = configSchema.partial().safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => describeIssue(i, source));
    throw new CarveError(`invalid config — ${lines.join('; ')}`);
  }
  keepEveryName(raw as Record<string, unknown>, parsed.data, source);
  return parsed.data;
}

/** Globs and ids in a raw config, counted before validation so a huge list is refused before it costs memory. */
function countPatterns(raw: Record<string, unknown>): number {
  const count = (v: unknown): number => (typeof v === 'string' ? 1 : Array.isArray(v) ? v.reduce((s: number, x) => s + count(x), 0) : 0);
  const pins = raw.pins && typeof raw.pins === 'object' ? Object.values(raw.pins) : [];
  return count(raw.include) + count(raw.exclude) + count(raw.shared) + count(raw.apart) + count(pins);
}

export function readConfigFile(file: string): Partial<CarveConfig> {
  const text = readBoundedText(file, MAX_CONFIG_BYTES, 'config');
  // JSON with comments, read as tsconfig is read.
  const parsed = parseJsoncObject(file, text);
  if (!parsed.ok) throw new CarveError(`config ${file} ${parsed.problem}`);
  const raw = parsed.value as Record<string, unknown>;
  const patterns = countPatterns(raw);
  if (patterns > MAX_CONFIG_PATTERNS) {
    throw new CarveError(`config ${file} holds ${patterns} globs and ids; carve takes at most ${MAX_CONFIG_PATTERNS}`);
  }
  return validateConfig(raw, path.basename(file));
}

/** Paths from a config found in the analysed tree stay under the current folder (see `pathKeys`). */
function checkUntrustedPaths(fromFile: Partial<CarveConfig>, fromFlags: Partial<CarveConfig>, file: string, cwd: string): void {
  for (const key of pathKeys) {
    const value = fromFile[key];
    if (typeof value !== 'string' || fromFlags[key] !== undefined) continue;
    const problem = escapeProblem(value, cwd);
    if (problem) {
      throw new CarveError(
        `${path.basename(file)}: ${key}: "${value}" ${problem}; a config found in the analysed project may only name paths ` +
          `under the current folder — pass the path as a flag or the config with --config to choose another`,
      );
    }
  }
}

/** More worker threads than cores only cost memory: cut to the cores, and say so. */
function cutWorkers(options: EffectiveOptions, notes: string[]): void {
  const cores = availableParallelism();
  if (typeof options.workers === 'number' && options.workers > cores) {
    notes.push(`workers: ${options.workers} is more than the ${cores} cores here; using ${cores}`);
    options.workers = cores;
  }
}

export function hashOptions(options: EffectiveOptions): string {
  const relevant: Record<string, unknown> = {};
  for (const key of Object.keys(options).sort() as ConfigKey[]) {
    if (!presentationKeys.includes(key)) relevant[key] = options[key];
  }
  return createHash('sha256').update(JSON.stringify(relevant)).digest('hex').slice(0, 16);
}

export function resolveConfig(
  root: string,
  configPath: string | undefined,
  overrides: Record<string, unknown>,
  cwd = process.cwd(),
): ResolvedConfig {
  const absRoot = path.resolve(root);
  if (!existsSync(absRoot)) throw new CarveError(`path not found: ${root} — pass the folder of a TypeScript project`);
  if (!statSync(absRoot).isDirectory()) throw new CarveError(`not a folder: ${root} — pass the folder of a TypeScript project`);

  let file: string | undefined;
  if (configPath) {
    file = path.resolve(configPath);
    if (!existsSync(file)) throw new CarveError(`config not found: ${configPath}`);
  } else if (existsSync(path.join(absRoot, CONFIG_FILE))) {
    file = path.join(absRoot, CONFIG_FILE);
  }
  const fromFile = file ? readConfigFile(file) : {};
  const fromFlags = validateConfig(Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)), 'command line');
  // Only a config the user named is trusted to point outside the current folder.
  if (file && !configPath) checkUntrustedPaths(fromFile, fromFlags, file, cwd);
  const { $schema: _ignored, ...merged } = { ...defaults, ...fromFile, ...fromFlags };
  const options = merged as EffectiveOptions;
  const notes: string[] = [];
  cutWorkers(options, notes);
  return { root: absRoot, file, options, hash: hashOptions(options), notes };
}
