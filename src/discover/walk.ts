/**
 * Walk the project tree once: honour .gitignore files (nested ones too), skip
 * dependency and build folders, and collect the files the later steps care
 * about by name. Symlinks are followed only when their real path stays inside
 * the analysed root, and at most once per real folder; every link not followed
 * (outside the root, a loop, broken) is listed as skipped with its reason.
 * Only links cost a realpath call, so a deep tree stays linear, and nesting
 * beyond MAX_DEPTH is reported as such.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { SkippedFile } from '../model/result.js';
import { EXCLUDED_DIRS } from './default-excludes.js';
import { isInside, OUTSIDE_ROOT } from './inside-root.js';

export interface WalkedFile {
  path: string; // relative POSIX
  abs: string;
  size: number;
}

export interface WalkResult {
  files: WalkedFile[];
  skipped: SkippedFile[];
}

interface IgnoreScope {
  base: string; // relative POSIX dir ('' for root)
  ig: Ignore;
}

/** Deeper folders than this are not walked (and said): no real project nests 256 folders. */
export const MAX_DEPTH = 256;

const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? String(error);

function ignoredBy(scopes: IgnoreScope[], rel: string, isDir: boolean): boolean {
  for (const scope of scopes) {
    const sub = scope.base ? rel.slice(scope.base.length + 1) : rel;
    if (sub && scope.ig.ignores(isDir ? `${sub}/` : sub)) return true;
  }
  return false;
}

export function walk(root: string, keep: (rel: string, name: string) => boolean): WalkResult {
  const files: WalkedFile[] = [];
  const skipped: SkippedFile[] = [];
  const rootReal = realpathSync(root);
  const seenDirs = new Set<string>([rootReal]);

  /** A .gitignore that is a link out of the root is not read. */
  const readGitignore = (absDir: string, base: string, entries: Dirent[]): IgnoreScope | undefined => {
    const entry = entries.find((e) => e.name === '.gitignore');
    if (!entry || entry.isDirectory()) return undefined;
    const abs = path.join(absDir, '.gitignore');
    if (entry.isSymbolicLink()) {
      let real: string;
      try {
        real = realpathSync(abs);
      } catch {
        return undefined;
      }
      if (!isInside(real, rootReal)) {
        skipped.push({ path: base ? `${base}/.gitignore` : '.gitignore', reason: OUTSIDE_ROOT });
        return undefined;
      }
    }
    try {
      return { base, ig: ignore().add(readFileSync(abs, 'utf8')) };
    } catch {
      return undefined;
    }
  };

  const visit = (absDir: string, realDir: string, rel: string, scopes: IgnoreScope[], depth: number): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(absDir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ path: rel || '.', reason: `unreadable folder: ${errorCode(error)}` });
      return;
    }
    const own = readGitignore(absDir, rel, entries);
    const active = own ? [...scopes, own] : scopes;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const childAbs = path.join(absDir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let size = -1;
      let real = path.join(realDir, entry.name);
      if (entry.isSymbolicLink()) {
        let st: Stats;
        try {
          st = statSync(childAbs); // the target's type only: nothing is opened
          real = realpathSync(childAbs);
        } catch (error) {
          const code = errorCode(error);
          if (code === 'ELOOP') skipped.push({ path: childRel, reason: 'symlink loop' });
          else if (keep(childRel, entry.name)) skipped.push({ path: childRel, reason: `broken symlink (${code})` });
          continue;
        }
        isDir = st.isDirectory();
        isFile = st.isFile();
        size = st.size;
        if (isDir && (EXCLUDED_DIRS.has(entry.name) || ignoredBy(active, childRel, true))) continue;
        if (!isInside(real, rootReal)) {
          if (isDir || keep(childRel, entry.name)) skipped.push({ path: childRel, reason: OUTSIDE_ROOT });
          continue;
        }
      }
      if (isDir) {
        if (EXCLUDED_DIRS.has(entry.name) || ignoredBy(active, childRel, true)) continue;
        if (seenDirs.has(real)) {
          if (entry.isSymbolicLink()) skipped.push({ path: childRel, reason: 'symlink to a folder already analysed (loop or duplicate)' });
          continue;
        }
        if (depth + 1 > MAX_DEPTH) {
          skipped.push({ path: childRel, reason: `folder nested deeper than ${MAX_DEPTH} levels, not walked` });
          continue;
        }
        seenDirs.add(real);
        visit(childAbs, real, childRel, active, depth + 1);
      } else if (isFile && keep(childRel, entry.name) && !ignoredBy(active, childRel, false)) {
        if (size < 0) {
          try {
            size = lstatSync(childAbs).size;
          } catch (error) {
            skipped.push({ path: childRel, reason: `unreadable: ${errorCode(error)}` });
            continue;
          }
        }
        files.push({ path: childRel, abs: childAbs, size });
      }
    }
  };
  visit(root, rootReal, '', [], 0);
  return { files, skipped };
}
