/**
 * Walk the project tree once: honour .gitignore files (nested ones too), skip
 * dependency and build folders, follow symlinks at most once per real path (a
 * symlink loop is reported, not followed), and collect the files the later
 * steps care about by name.
 */
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { SkippedFile } from '../model/result.js';
import { EXCLUDED_DIRS } from './default-excludes.js';

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

function readGitignore(absDir: string, base: string): IgnoreScope | undefined {
  try {
    const text = readFileSync(path.join(absDir, '.gitignore'), 'utf8');
    return { base, ig: ignore().add(text) };
  } catch {
    return undefined;
  }
}

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
  const seenDirs = new Set<string>([realpathSync(root)]);

  const visit = (absDir: string, rel: string, scopes: IgnoreScope[]): void => {
    const own = readGitignore(absDir, rel);
    const active = own ? [...scopes, own] : scopes;
    let entries: Dirent[];
    try {
      entries = readdirSync(absDir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ path: rel || '.', reason: `unreadable folder: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const childAbs = path.join(absDir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let size = -1;
      if (entry.isSymbolicLink()) {
        try {
          const st = statSync(childAbs);
          isDir = st.isDirectory();
          isFile = st.isFile();
          size = st.size;
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ELOOP') skipped.push({ path: childRel, reason: 'symlink loop' });
          else if (keep(childRel, entry.name)) skipped.push({ path: childRel, reason: `broken symlink (${code})` });
          continue;
        }
      }
      if (isDir) {
        if (EXCLUDED_DIRS.has(entry.name) || ignoredBy(active, childRel, true)) continue;
        let real: string;
        try {
          real = realpathSync(childAbs);
        } catch {
          skipped.push({ path: childRel, reason: 'symlink loop' });
          continue;
        }
        if (seenDirs.has(real)) {
          if (entry.isSymbolicLink()) skipped.push({ path: childRel, reason: 'symlink to a folder already analysed (loop or duplicate)' });
          continue;
        }
        seenDirs.add(real);
        visit(childAbs, childRel, active);
      } else if (isFile && keep(childRel, entry.name) && !ignoredBy(active, childRel, false)) {
        if (size < 0) {
          try {
            size = statSync(childAbs).size;
          } catch {
            continue;
          }
        }
        files.push({ path: childRel, abs: childAbs, size });
      }
    }
  };
  visit(root, '', []);
  return { files, skipped };
}
