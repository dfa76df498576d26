/**
 * tsconfig files as module resolution needs them: `extends` chains merged,
 * `baseUrl` and `paths` made relative to the analysed root, `include`,
 * `exclude` and `files` kept with the folder they are relative to.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { parseJsonc } from '../util/jsonc.js';
import { compareStrings } from '../util/sort.js';
import type { Problem } from '../model/result.js';
import { posixDirname, posixJoin, relPosix } from '../util/posix-path.js';

export interface Tsconfig {
  /** Relative POSIX path of the config file. */
  file: string;
  dir: string;
  /** Root-relative folder that non-relative `paths` targets and bare specifiers resolve from. */
  baseUrl?: string;
  /** Pattern → root-relative target patterns. */
  paths: [string, string[]][];
  /** Root-relative globs; undefined = everything under `dir`. */
  include?: string[];
  exclude: string[];
  files?: string[];
  references: string[];
  /** For a solution-style config (no sources of its own): the configs it references. */
  solution?: Tsconfig[];
}

interface RawConfig {
  extends?: string | string[];
  compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> };
  include?: string[];
  exclude?: string[];
  files?: string[];
  references?: { path: string }[];
}

/** Shared bases (`tsconfig.base.json`) are extended by every package: read each file once. */
const jsoncCache = new Map<string, RawConfig | undefined>();

function readJsonc(abs: string): RawConfig | undefined {
  if (jsoncCache.has(abs)) return jsoncCache.get(abs);
  const text = readFileSync(abs, 'utf8');
  let config: RawConfig | undefined;
  try {
    config = JSON.parse(text) as RawConfig; // most configs are plain JSON: the fast path
  } catch {
    // Comments and trailing commas: TypeScript's own reader.
    const parsed = parseJsonc(abs, text);
    if ('error' in parsed) throw new Error(parsed.error);
    config = parsed.value as RawConfig;
  }
  jsoncCache.set(abs, config);
  return config;
}

function resolveExtends(fromAbs: string, spec: string): string | undefined {
  if (spec.startsWith('.') || path.isAbsolute(spec)) {
    const abs = path.resolve(path.dirname(fromAbs), spec);
    return abs.endsWith('.json') ? abs : `${abs}.json`;
  }
  // A package base (`@tsconfig/node20/tsconfig.json`) lives in node_modules, which carve does not need: skip it.
  return undefined;
}

export function loadTsconfig(root: string, abs: string, problems: Problem[]): Tsconfig | undefined {
  const file = relPosix(root, abs);
  const dir = posixDirname(file);
  const merged: { baseUrl?: string; paths?: [string, string[]][]; include?: string[]; exclude?: string[]; files?: string[] } = {};
  let references: string[] = [];
  const chain = new Set<string>();

  // Apply bases first, then the config itself: later values win, each relative to the config that wrote it.
  const apply = (configAbs: string, depth: number): boolean => {
    if (chain.has(configAbs) || depth > 10) return true;
    chain.add(configAbs);
    let raw: RawConfig | undefined;
    try {
      raw = readJsonc(configAbs);
    } catch (error) {
      problems.push({ path: relPosix(root, configAbs), source: 'tsconfig', message: (error as Error).message });
      return false;
    }
    if (!raw) return false;
    const bases = typeof raw.extends === 'string' ? [raw.extends] : (raw.extends ?? []);
    for (const base of bases) {
      const baseAbs = resolveExtends(configAbs, base);
      if (baseAbs) {
        try {
          apply(baseAbs, depth + 1);
        } catch {
          problems.push({ path: relPosix(root, configAbs), source: 'tsconfig', message: `extends "${base}" could not be read` });
        }
      }
    }
    const cdir = posixDirname(relPosix(root, configAbs));
    const co = raw.compilerOptions ?? {};
    if (co.baseUrl !== undefined) merged.baseUrl = posixJoin(cdir, co.baseUrl);
    if (co.paths) {
      const base = co.baseUrl !== undefined ? posixJoin(cdir, co.baseUrl) : (merged.baseUrl ?? cdir);
      merged.paths = Object.entries(co.paths).map(([k, targets]) => [k, targets.map((t) => posixJoin(base, t))]);
    }
    if (raw.include) merged.include = raw.include.map((g) => posixJoin(cdir, g));
    if (raw.exclude) merged.exclude = raw.exclude.map((g) => posixJoin(cdir, g));
    if (raw.files) merged.files = raw.files.map((f) => posixJoin(cdir, f));
    if (configAbs === abs) references = (raw.references ?? []).map((r) => posixJoin(cdir, r.path));
    return true;
  };
  if (!apply(abs, 0)) return undefined;
  return {
    file,
    dir,
    baseUrl: merged.baseUrl,
    paths: merged.paths ?? [],
    include: merged.include,
    exclude: merged.exclude ?? [],
    files: merged.files,
    references,
  };
}

/**
 * Every `tsconfig.json` of the tree, with solution-style configs
 * (`"files": []` + `references`) linked to the configs they reference
 * (`tsconfig.app.json`, `packages/x`), which then decide inclusion and paths.
 */
export function loadTsconfigs(root: string, absPaths: readonly string[], problems: Problem[]): Tsconfig[] {
  jsoncCache.clear(); // per run: files may change between runs of one process
  const configs = absPaths.map((abs) => loadTsconfig(root, abs, problems)).filter((c): c is Tsconfig => !!c);
  const byFile = new Map(configs.map((c) => [c.file, c]));
  for (const c of configs) {
    // As in tsc: `files` without `include` means nothing else is included.
    const own = (c.files?.length ?? 0) > 0 || (c.include ? c.include.length > 0 : c.files === undefined);
    if (own || c.references.length === 0) continue;
    const refs: Tsconfig[] = [];
    for (const ref of c.references) {
      const file = ref.endsWith('.json') ? ref : posixJoin(ref, 'tsconfig.json');
      const loaded =
        byFile.get(file) ?? (existsSync(path.join(root, file)) ? loadTsconfig(root, path.join(root, file), problems) : undefined);
      if (loaded) refs.push(loaded);
    }
    c.solution = refs;
    // Paths usually live in the referenced app config: resolve with them.
    const withPaths = refs.find((r) => r.paths.length > 0 || r.baseUrl !== undefined);
    if (c.paths.length === 0 && withPaths) c.paths = withPaths.paths;
    if (c.baseUrl === undefined && withPaths) c.baseUrl = withPaths.baseUrl;
  }
  return configs.sort((a, b) => compareStrings(a.file, b.file));
}
