/**
 * The real-code rows of the bench: public repositories named by a recipe in
 * bench/real-repos.json (repository, commit, the folder carve analyses, the
 * dependency-cruiser arguments), never their code. A checkout is looked for in
 * `<real dir>/<repository name>` (default bench/.real/, `--real-dir`); a missing one is
 * skipped with a message saying how to get it. The bench measures a private
 * copy (bench/.generated/real-<name>/), so its warm-run edits never touch the checkout.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './generate.js';

export interface RealRepo {
  name: string;
  repo: string;
  commit: string;
  /** The folder carve analyses, relative to the checkout. */
  path: string;
  why: string;
  /** dependency-cruiser's arguments, run in the analysed folder. */
  depcruise: string[];
}

export const defaultRealDir = path.join(repoRoot, 'bench', '.real');
const MARKER = '.bench-commit';

export function readRealRepos(): RealRepo[] {
  return JSON.parse(readFileSync(path.join(repoRoot, 'bench', 'real-repos.json'), 'utf8')) as RealRepo[];
}

/** Where the bench looks for a checkout: `<real dir>/<repository name>` (several recipes may share one). */
export function checkoutDir(repo: RealRepo, realDir: string): string {
  return path.join(realDir, repo.repo.split('/')[1]);
}

/** How to get a checkout the bench can use. */
export function fetchHint(repo: RealRepo, realDir: string): string {
  const dir = checkoutDir(repo, realDir);
  return `git clone https://github.com/${repo.repo} ${dir} && git -C ${dir} checkout ${repo.commit}`;
}

/** The analysed folder of the bench's own copy, made (once per commit) from the checkout; undefined without a checkout. */
export function workingCopy(repo: RealRepo, realDir: string): string | undefined {
  const source = checkoutDir(repo, realDir);
  if (!existsSync(path.join(source, repo.path))) return undefined;
  const copy = path.join(repoRoot, 'bench', '.generated', `real-${repo.name}`);
  const marker = path.join(copy, MARKER);
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== repo.commit) {
    rmSync(copy, { recursive: true, force: true });
    // Dependencies and history are not what carve reads: the copy leaves them out.
    cpSync(source, copy, { recursive: true, filter: (p) => !/[\\/](node_modules|\.git)$/.test(p) });
    writeFileSync(marker, repo.commit);
  }
  return path.join(copy, repo.path);
}
