/**
 * Glob matching for tsconfig `include`/`exclude`, workspace patterns and
 * carve's own globs: `**`, `*`, `?`, `{a,b}`. A pattern with no wildcard and
 * no extension matches a folder and everything under it, as tsconfig does.
 */
const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  const hit = cache.get(glob);
  if (hit) return hit;
  let pattern = glob.replace(/^\.\//, '').replace(/\/+$/, '');
  const last = pattern.slice(pattern.lastIndexOf('/') + 1);
  if (!/[*?{]/.test(pattern) && !/\.[a-z0-9]+$/i.test(last)) pattern = `${pattern}/**`;
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        const slash = pattern[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = pattern.indexOf('}', i);
      if (end === -1) re += '\\{';
      else {
        re += `(?:${pattern
          .slice(i + 1, end)
          .split(',')
          .map(escape)
          .join('|')})`;
        i = end;
      }
    } else re += escape(c);
  }
  const result = new RegExp(`^${re}$`);
  cache.set(glob, result);
  return result;
}

function escape(s: string): string {
  return s.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

export function matchesAny(path: string, globs: readonly string[]): boolean {
  return globs.some((g) => globToRegExp(g).test(path));
}
