/**
 * npm/yarn/pnpm workspace packages, and every package.json's dependencies.
 * A workspace package imported by name resolves to its source, not to dist.
 */
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../model/result.js';
import { posixDirname } from '../util/posix-path.js';
import { globMatcher } from '../util/glob.js';
import { linkedOutside } from './inside-root.js';

export interface PackageJson {
  name?: string;
  main?: string;
  module?: string;
  types?: string;
  source?: string;
  exports?: unknown;
  workspaces?: string[] | { packages?: string[] };
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
  bin?: unknown;
}

export interface WorkspacePackage {
  name: string;
  dir: string; // relative POSIX
  /** Declared entry points (main/module/types/source/exports '.'), relative to `dir`. */
  entries: string[];
}

export function readPackageJson(abs: string, rel: string, problems: Problem[]): PackageJson | undefined {
  try {
    // A byte-order mark is valid at the start of a package.json for npm; JSON.parse would choke on it.
    return JSON.parse(readFileSync(abs, 'utf8').replace(/^\uFEFF/, '')) as PackageJson;
  } catch (error) {
    problems.push({ path: rel, source: 'package.json', message: `not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
}

function pnpmWorkspacePatterns(root: string, problems: Problem[]): string[] {
  const abs = path.join(root, 'pnpm-workspace.yaml');
  try {
    const outside = linkedOutside(abs, realpathSync(root), root);
    if (outside) {
      problems.push({ path: 'pnpm-workspace.yaml', source: 'workspaces', message: outside });
      return [];
    }
    const text = readFileSync(abs, 'utf8');
    const out: string[] = [];
    let inPackages = false;
    for (const line of text.split('\n')) {
      if (/^packages\s*:/.test(line)) inPackages = true;
      else if (/^\S/.test(line)) inPackages = false;
      else if (inPackages) {
        const m = /^\s*-\s*['"]?([^'"#]+?)['"]?\s*(#.*)?$/.exec(line);
        if (m) out.push(m[1]);
      }
    }
    return out;
  } catch {
    return [];
  }
}

function exportsDot(exp: unknown): string[] {
  if (typeof exp === 'string') return [exp];
  if (!exp || typeof exp !== 'object') return [];
  const obj = exp as Record<string, unknown>;
  const dot = '.' in obj ? obj['.'] : obj;
  if (typeof dot === 'string') return [dot];
  if (dot && typeof dot === 'object') {
    return Object.values(dot as Record<string, unknown>).flatMap((v) => (typeof v === 'string' ? [v] : exportsDot(v)));
  }
  return [];
}

/**
 * Workspace packages: the root package.json `workspaces`, pnpm-workspace.yaml,
 * plus — when neither exists — any named package below the root, so repos of
 * several packages without a workspace tool still link by name.
 */
export function findWorkspaces(root: string, packageJsons: Map<string, PackageJson>, problems: Problem[]): WorkspacePackage[] {
  const rootPkg = packageJsons.get('package.json');
  const declared = Array.isArray(rootPkg?.workspaces) ? rootPkg.workspaces : (rootPkg?.workspaces?.packages ?? []);
  const patterns = [...declared, ...pnpmWorkspacePatterns(root, problems)].filter((p) => !p.startsWith('!'));
  const out: WorkspacePackage[] = [];
  for (const [rel, pkg] of packageJsons) {
    if (rel === 'package.json' || !pkg.name) continue;
    const dir = posixDirname(rel);
    if (patterns.length && !patterns.some((p) => globMatcher(p)(dir))) continue;
    const entries = [pkg.source, pkg.types, pkg.module, pkg.main, ...exportsDot(pkg.exports)].filter(
      (e): e is string => typeof e === 'string',
    );
    out.push({ name: pkg.name, dir, entries: [...new Set(entries)] });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function dependencyNames(pkg: PackageJson): string[] {
  return [pkg.dependencies, pkg.devDependencies, pkg.peerDependencies, pkg.optionalDependencies].flatMap((d) => Object.keys(d ?? {}));
}
