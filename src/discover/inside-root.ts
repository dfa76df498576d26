/**
 * carve reads nothing outside the analysed root through a link: a symlinked
 * file or folder, a `package.json` or tsconfig linked to `/etc/passwd`, a link
 * to `/`. These checks use the real path (all links resolved) against the
 * root's real path; they never open the target.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';

export const OUTSIDE_ROOT = 'symlink to a path outside the analysed root, not followed';

export function isInside(real: string, rootReal: string): boolean {
  return real === rootReal || real.startsWith(rootReal.endsWith(path.sep) ? rootReal : rootReal + path.sep);
}

/** The root's real path, which every check compares against. */
export function realRoot(root: string): string {
  return realpathSync(root);
}

/**
 * Why `abs` (a path under the root) may not be read — it resolves through a link to outside the
 * root — or undefined when it may. A path that does not exist may be read (the read then fails).
 */
export function linkedOutside(abs: string, rootReal: string, rootAbs: string): string | undefined {
  if (!isInside(path.resolve(abs), rootAbs) && !isInside(path.resolve(abs), rootReal)) return undefined; // not under the root at all
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    return undefined;
  }
  return isInside(real, rootReal) ? undefined : OUTSIDE_ROOT;
}
