/**
 * Minimal glob matching for pins, `apart` and `shared` patterns (`**`, `*`,
 * `?`; a pattern without wildcards also matches everything below it as a
 * folder). Browser-safe: no Node path module.
 */
export type Matcher = (id: string) => boolean;

export function globMatcher(pattern: string): Matcher {
  const clean = pattern.replace(/^\.\//, '').replace(/\/$/, '');
  if (!/[*?]/.test(clean)) return (id) => id === clean || id.startsWith(`${clean}/`);
  let source = '';
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i];
    if (c === '*' && clean[i + 1] === '*') {
      // `**/` matches zero or more folders; a trailing `**` matches the rest.
      if (clean[i + 2] === '/') {
        source += '(?:.*/)?';
        i += 2;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  const regex = new RegExp(`^${source}$`);
  return (id) => regex.test(id);
}

export function anyMatcher(patterns: readonly string[]): Matcher {
  const matchers = patterns.map(globMatcher);
  return (id) => matchers.some((m) => m(id));
}
