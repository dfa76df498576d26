/**
 * A path from an untrusted config (one found in the analysed tree) must stay
 * inside the folder carve runs in: relative, no `..` out of it, and no symbolic
 * link on the way that leads out of it.
 */
import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';

const inside = (dir: string, target: string): boolean => {
  const rel = path.relative(dir, target);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
};

/** Why `value` is not a path inside `base`, or undefined when it is. */
export function escapeProblem(value: string, base: string): string | undefined {
  if (path.isAbsolute(value) || /^[a-zA-Z]:/.test(value) || value.startsWith('\\')) return 'is an absolute path';
  const target = path.resolve(base, value);
  if (!inside(base, target)) return 'leads out of the current folder';
  const realBase = realpathSync(base);
  let at = base;
  for (const part of path.relative(base, target).split(path.sep).filter(Boolean)) {
    at = path.join(at, part);
    let isLink: boolean;
    try {
      isLink = lstatSync(at).isSymbolicLink();
    } catch {
      return undefined; // the rest does not exist yet: carve creates it as plain folders
    }
    if (!isLink) continue;
    let real: string;
    try {
      real = realpathSync(at);
    } catch {
      return `goes through a broken symbolic link (${path.relative(base, at)})`;
    }
    if (!inside(realBase, real)) return `goes through a symbolic link out of the current folder (${path.relative(base, at)})`;
  }
  return undefined;
}
