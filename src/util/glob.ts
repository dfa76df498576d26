/**
 * The one glob dialect of carve, for every pattern it reads: tsconfig
 * `include`/`exclude`, npm/yarn/pnpm `workspaces`, and carve's own `include`,
 * `exclude`, `shared`, `pins` and `apart`. Built on picomatch (POSIX paths,
 * `**`, `*`, `?`, `[…]`, `{a,b}`, `{1..3}`), whose compiled patterns do not
 * backtrack on stacked `**` the way a hand-made regex did. A pattern whose
 * last segment has no `*` or `?` also matches everything below it, as a
 * tsconfig folder pattern does (`src` = `src/**`). Browser-safe.
 */
import picomatch from 'picomatch/posix.js';

export type Matcher = (path: string) => boolean;

const OPTIONS = { dot: true, nonegate: true, strictSlashes: false } as const;
const cache = new Map<string, Matcher>();

function normalize(pattern: string): string {
  return pattern.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
}

export function globMatcher(pattern: string): Matcher {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const clean = normalize(pattern);
  const last = clean.slice(clean.lastIndexOf('/') + 1);
  const self = picomatch(clean, OPTIONS);
  let matcher: Matcher = self;
  if (!/[*?]/.test(last)) {
    const below = picomatch(clean === '' ? '**' : `${clean}/**`, OPTIONS);
    matcher = (p) => self(p) || below(p);
  }
  cache.set(pattern, matcher);
  return matcher;
}

export function anyMatcher(patterns: readonly string[]): Matcher {
  const matchers = patterns.map(globMatcher);
  return (p) => matchers.some((m) => m(p));
}

export function matchesAny(path: string, patterns: readonly string[]): boolean {
  return patterns.some((g) => globMatcher(g)(path));
}
