/**
 * Barrel see-through follows `export … from` chains at most MAX_DEPTH files
 * deep. A longer chain is reported, so an import that links to a barrel
 * instead of the declaring file is not silent. Computed from the facts alone
 * (not from what linking happened to visit), so cold and warm runs report the same.
 */
import type { FileFacts } from '../extract/file-facts.js';
import type { Problem } from '../model/result.js';
import { compareStrings } from '../util/sort.js';
import { MAX_DEPTH } from './export-resolver.js';
import type { ResolvedSpecifier } from './project-index.js';

export function deepReexportChains(
  facts: readonly FileFacts[],
  resolve: (from: string, specifier: string) => ResolvedSpecifier,
): Problem[] {
  const byPath = new Map(facts.map((f) => [f.path, f]));
  const depth = new Map<string, number>();
  // Longest re-export chain from each file, iteratively (a chain can be thousands of files long); a cycle counts once.
  const chain = (start: string): number => {
    const stack: { file: string; targets: string[]; i: number; best: number }[] = [];
    const onStack = new Set<string>();
    const push = (file: string): void => {
      const f = byPath.get(file);
      const targets = (f?.imports ?? [])
        .filter((imp) => imp.kind === 're-export')
        .map((imp) => resolve(file, imp.specifier))
        .flatMap((r) => (r.kind === 'internal' ? [r.file] : []));
      stack.push({ file, targets, i: 0, best: 0 });
      onStack.add(file);
    };
    push(start);
    let last = 0;
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.i < top.targets.length) {
        const next = top.targets[top.i++];
        const known = depth.get(next);
        if (known !== undefined) top.best = Math.max(top.best, known);
        else if (!onStack.has(next)) push(next);
        continue;
      }
      stack.pop();
      onStack.delete(top.file);
      last = top.targets.length ? top.best + 1 : 0;
      depth.set(top.file, last);
      if (stack.length) stack[stack.length - 1].best = Math.max(stack[stack.length - 1].best, last);
    }
    return last;
  };
  const tooDeep = [...byPath.keys()].filter((p) => (depth.get(p) ?? chain(p)) > MAX_DEPTH).sort(compareStrings);
  if (tooDeep.length === 0) return [];
  const longest = tooDeep.reduce((a, b) => ((depth.get(b) ?? 0) > (depth.get(a) ?? 0) ? b : a));
  return [
    {
      path: longest,
      source: 'link',
      message: `re-export chain (export … from) of ${depth.get(longest)} files, deeper than the ${MAX_DEPTH} carve follows: imports through it link to a barrel instead of the declaring file (${tooDeep.length} ${tooDeep.length === 1 ? 'file starts' : 'files start'} such a chain)`,
    },
  ];
}
