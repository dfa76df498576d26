import path from 'node:path';

/** Relative POSIX path of `abs` under `root` — the only path form stored in results. */
export function relPosix(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}

export function posixDirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i === -1 ? '.' : p.slice(0, i);
}

/** Normalise a POSIX path: resolve `.` and `..` segments. */
export function posixNormalize(p: string): string {
  return path.posix.normalize(p).replace(/^\.\//, '');
}

export function posixJoin(...parts: string[]): string {
  return posixNormalize(path.posix.join(...parts));
}
