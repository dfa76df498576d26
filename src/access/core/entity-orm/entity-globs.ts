/**
 * Entity globs in data-source options (`entities: [__dirname + '/billing/**\/*.entity{.ts,.js}']`,
 * `'dist/modules/**\/*.entity.js'`): which entity files a named data source loads.
 * Matched as a path suffix, because the glob is relative to a folder (`__dirname`,
 * the build output) the analysis does not know; `dist`/`build` and `.js` map onto the sources.
 */
import type { ArgFact } from '../../../extract/file-facts.js';
import { globMatcher } from '../../../util/glob.js';

/** A matcher for an entity-glob argument, or undefined when the argument is not a glob. */
export function entityGlob(arg: ArgFact): ((path: string) => boolean) | undefined {
  const text =
    arg.k === 'str'
      ? arg.v
      : arg.k === 'tpl'
        ? arg.parts.at(-1)
        : arg.k === 'call' && arg.callee.endsWith('join')
          ? joined(arg.args)
          : arg.k === 'other'
            ? lastLiteral(arg.text)
            : undefined;
  if (!text || !/[*{]/.test(text)) return undefined;
  const tail = text
    .replace(/\\/g, '/')
    .split('/')
    .filter((seg, i, all) => seg !== '' && seg !== '.' && seg !== '..' && !(i < all.length - 1 && /^(dist|build|out|lib|src)$/.test(seg)));
  // A suffix match: whatever folder the glob was relative to, then the tail.
  return globMatcher(`**/${tail.map(segmentGlob).join('/')}`);
}

/** `__dirname + '/billing/**\/*.entity.js'` arrives as expression text: its last string literal. */
const lastLiteral = (text: string): string | undefined => [...text.matchAll(/['"`]([^'"`]*)['"`]/g)].at(-1)?.[1];

/** `path.join(__dirname, '..', 'billing', '**', '*.entity{.ts,.js}')` → its string parts joined. */
function joined(args: readonly ArgFact[]): string | undefined {
  const parts = args.filter((a): a is Extract<ArgFact, { k: 'str' }> => a.k === 'str').map((a) => a.v);
  return parts.length > 0 ? parts.join('/') : undefined;
}

/** Compiled `.js` names point at `.ts` sources. */
function segmentGlob(seg: string): string {
  const braced = seg.replace(
    /\{([^}]*)\}/g,
    (_, alts: string) =>
      `{${alts
        .split(',')
        .map((a) => a.replace(/\.js$/, '.ts'))
        .join(',')}}`,
  );
  return braced.replace(/\.js$/, '.{js,ts}');
}
