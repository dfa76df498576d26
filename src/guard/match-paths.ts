/** The one way the guard matches globs, so swapping the glob engine is a one-line change. */
import { anyMatcher } from '../util/glob.js';

export type PathMatcher = (path: string) => boolean;

export function matchPaths(globs: readonly string[]): PathMatcher {
  return anyMatcher(globs);
}
