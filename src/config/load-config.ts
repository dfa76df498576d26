import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseJsonc } from '../util/jsonc.js';
import { z } from 'zod';
import { CarveError } from '../util/errors.js';
import { configSchema, defaults, presentationKeys, type CarveConfig, type ConfigKey } from './options.js';

export const CONFIG_FILE = 'carve.config.json';

export type EffectiveOptions = typeof defaults & Partial<Pick<CarveConfig, 'services' | 'resolution' | 'baseline'>>;

export interface ResolvedConfig {
  /** Absolute path of the analysed root. */
  root: string;
  /** The config file used, if any (absolute). */
  file?: string;
  options: EffectiveOptions;
  /** sha256 of the options that change the result. */
  hash: string;
}

/** Turn a zod issue into "key: problem" a user can act on. */
function describeIssue(issue: z.core.$ZodIssue, source: string): string {
  const key = issue.path.length ? issue.path.map(String).join('.') : '(root)';
  let message = issue.message;
  if (issue.code === 'unrecognized_keys')
    message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return `${source}: ${key}: ${message}`;
}

export function validateConfig(raw: unknown, source: string): Partial<CarveConfig> {
  const parsed = configSchema.partial().safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => describeIssue(i, source));
    throw new CarveError(`invalid config — ${lines.join('; ')}`);
  }
  return parsed.data;
}

export function readConfigFile(file: string): Partial<CarveConfig> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CarveError(`cannot read config ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  // JSON with comments, read as tsconfig is read.
  const parsed = parseJsonc(file, text);
  if ('error' in parsed) throw new CarveError(`config ${file} is not valid JSON: ${parsed.error}`);
  const raw = parsed.value;
  return validateConfig(raw, path.basename(file));
}

export function hashOptions(options: EffectiveOptions): string {
  const relevant: Record<string, unknown> = {};
  for (const key of Object.keys(options).sort() as ConfigKey[]) {
    if (!presentationKeys.includes(key)) relevant[key] = options[key];
  }
  return createHash('sha256').update(JSON.stringify(relevant)).digest('hex').slice(0, 16);
}

export function resolveConfig(root: string, configPath: string | undefined, overrides: Record<string, unknown>): ResolvedConfig {
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
  const { $schema: _ignored, ...merged } = { ...defaults, ...fromFile, ...fromFlags };
  const options = merged as EffectiveOptions;
  return { root: absRoot, file, options, hash: hashOptions(options) };
}
