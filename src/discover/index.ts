/**
 * The discover stage: which files make up the project, and the configuration
 * (tsconfigs, workspaces, package.json dependencies, schema files) that later
 * stages need — all read once, here.
 */
import { deployableHints, isDeployableFile, type DeployableHint } from './deployable-hints.js';
import { readFileSync } from 'node:fs';
import type { EffectiveOptions } from '../config/load-config.js';
import type { Problem, SkippedFile } from '../model/result.js';
import { CarveError } from '../util/errors.js';
import { compareStrings } from '../util/sort.js';
import { isSourceFile, isTestPath } from './default-excludes.js';
import { matchesAny } from '../util/glob.js';
import { loadTsconfigs, type Tsconfig } from './tsconfig.js';
import { walk } from './walk.js';
import { dependencyNames, findWorkspaces, readPackageJson, type PackageJson, type WorkspacePackage } from './workspaces.js';

export type { Tsconfig } from './tsconfig.js';
export type { WorkspacePackage } from './workspaces.js';

/** A non-TypeScript file an adapter reads as schema (`schema.prisma`, `*.sql`). */
export interface SchemaFile {
  path: string; // relative POSIX
  text: string;
}

export interface DiscoveredFile {
  path: string; // relative POSIX
  abs: string;
  size: number;
}

export interface Discovery {
  root: string;
  files: DiscoveredFile[];
  /** Folders the repository marks as deployable (package scripts, Dockerfiles, compose, Nest/Nx apps). */
  deployableHints: DeployableHint[];
  skipped: SkippedFile[];
  tsconfigs: Tsconfig[];
  workspaces: WorkspacePackage[];
  /** Dependency names declared by any package.json of the project. */
  packages: Set<string>;
  schemaFiles: SchemaFile[];
  problems: Problem[];
}

const MAX_SCHEMA_FILE = 2_000_000;

const nearestByDir = new WeakMap<readonly Tsconfig[], Map<string, Tsconfig | undefined>>();

/** The nearest tsconfig governing a file: the deepest config folder that contains it (memoised per folder). */
export function nearestTsconfig(tsconfigs: readonly Tsconfig[], file: string): Tsconfig | undefined {
  const dir = file.slice(0, Math.max(0, file.lastIndexOf('/')));
  let memo = nearestByDir.get(tsconfigs);
  if (!memo) nearestByDir.set(tsconfigs, (memo = new Map()));
  if (memo.has(dir)) return memo.get(dir);
  let best: Tsconfig | undefined;
  for (const c of tsconfigs) {
    if (c.dir === '.' || dir === c.dir || dir.startsWith(`${c.dir}/`)) {
      if (!best || c.dir.length > best.dir.length || (c.dir.length === best.dir.length && c.file.endsWith('/tsconfig.json'))) best = c;
    }
  }
  memo.set(dir, best);
  return best;
}

/** Does the project's own tsconfig take this file in? Configs without include/files take their whole folder. */
function includedByTsconfig(config: Tsconfig | undefined, file: string): boolean {
  if (!config) return true;
  // A solution-style config (`files: []` + references) governs through the configs it references.
  if (config.solution) return config.solution.some((ref) => includedByTsconfig(ref, file));
  if (config.exclude.length && matchesAny(file, config.exclude)) return false;
  if (!config.include && !config.files) return true;
  // `"files": ["types/global.d.ts"]` only feeds declarations: it does not decide which sources exist.
  if (!config.include && config.files && !config.files.some((f) => isSourceFile(f.slice(f.lastIndexOf('/') + 1)))) return true;
  if (config.files?.includes(file)) return true;
  return config.include ? matchesAny(file, config.include) : false;
}

export function discover(root: string, options: EffectiveOptions, schemaSuffixes: readonly string[] = []): Discovery {
  const problems: Problem[] = [];
  const tsconfigPaths: string[] = [];
  const packageJsonPaths: string[] = [];
  const schemaPaths: { path: string; abs: string; size: number }[] = [];

  const walked = walk(root, (rel, name) => {
    if (name === 'package.json' || (name.startsWith('tsconfig') && name.endsWith('.json'))) return true;
    if (isDeployableFile(name)) return true;
    if (schemaSuffixes.some((s) => name.endsWith(s))) return true;
    return isSourceFile(name);
  });

  const sources: DiscoveredFile[] = [];
  const deployableFiles: { path: string; abs: string }[] = [];
  for (const f of walked.files) {
    const name = f.path.slice(f.path.lastIndexOf('/') + 1);
    if (name === 'package.json') packageJsonPaths.push(f.path);
    else if (isDeployableFile(name)) deployableFiles.push(f);
    else if (name === 'tsconfig.json') tsconfigPaths.push(f.abs);
    else if (schemaSuffixes.some((s) => name.endsWith(s))) schemaPaths.push(f);
    else if (isSourceFile(name)) sources.push(f);
  }

  const tsconfigs = loadTsconfigs(root, tsconfigPaths, problems);

  const packageJsons = new Map<string, PackageJson>();
  const packages = new Set<string>();
  for (const rel of packageJsonPaths.sort(compareStrings)) {
    const pkg = readPackageJson(`${root}/${rel}`, rel, problems);
    if (!pkg) continue;
    packageJsons.set(rel, pkg);
    for (const dep of dependencyNames(pkg)) packages.add(dep);
  }
  const workspaces = findWorkspaces(root, packageJsons, problems);

  const candidates = sources.filter((f) => {
    if (!options.includeTests && isTestPath(f.path)) return false;
    return !(options.exclude.length && matchesAny(f.path, options.exclude));
  });
  let files = candidates.filter((f) =>
    options.include.length ? matchesAny(f.path, options.include) : includedByTsconfig(nearestTsconfig(tsconfigs, f.path), f.path),
  );
  if (files.length === 0 && candidates.length > 0 && !options.include.length) {
    // tsconfig rules that take in nothing describe a build, not the code base: analyse every source file.
    problems.push({
      path: tsconfigs[0]?.file ?? '.',
      source: 'tsconfig',
      message: 'include/files rules match no source file; analysing all source files',
    });
    files = candidates;
  }
  files.sort((a, b) => compareStrings(a.path, b.path));

  if (files.length === 0) {
    throw new CarveError(
      `no TypeScript or JavaScript files to analyse under ${root}${sources.length ? ` (${sources.length} found, all excluded by tsconfig, config or test filters)` : ''} — is this the project's root?`,
    );
  }

  const schemaFiles: SchemaFile[] = [];
  for (const s of schemaPaths.sort((a, b) => compareStrings(a.path, b.path))) {
    if (s.size > MAX_SCHEMA_FILE) {
      walked.skipped.push({ path: s.path, reason: `schema file larger than ${MAX_SCHEMA_FILE} bytes` });
      continue;
    }
    schemaFiles.push({ path: s.path, text: readFileSync(s.abs, 'utf8') });
  }

  return {
    root,
    files,
    deployableHints: deployableHints(
      packageJsons,
      deployableFiles.sort((a, b) => compareStrings(a.path, b.path)),
    ),
    skipped: walked.skipped.sort((a, b) => compareStrings(a.path, b.path)),
    tsconfigs,
    workspaces,
    packages,
    schemaFiles,
    problems,
  };
}
