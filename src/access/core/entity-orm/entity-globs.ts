/**
 * Entity globs in data-source options (`entities: [__dirname + '/billing/**\/*.entity{.ts,.js}']`,
 * `'dist/modules/**\/*.entity.js'`): which entity files a named data source loads.
 * Matched as a path suffix, because the glob is relative to a folder (`__dirname`,
 * the build output) the analysis does not know; `dist`/`build` and `.js` map onto the sources.
 */
import type { ArgFact } from '../../../extract/file-facts.js';

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
  const pattern = tail
    .map(segmentRegex)
    .join('/')
    .replace(/(^|\/)\(\?:\.\*\/\)\?\//g, '$1(?:.*/)?');
  const re = new RegExp(`(^|/)${pattern}$`);
  return (path) => re.test(path);
}

/** `__dirname + '/billing/**\/*.entity.js'` arrives as expression text: its last string literal. */
const lastLiteral = (text: string): string | undefined => [...text.matchAll(/['"`]([^'"`]*)['"`]/g)].at(-1)?.[1];

/** `path.join(__dirname, '..', 'billing', '**', '*.entity{.ts,.js}')` → its string parts joined. */
function joined(args: readonly ArgFact[]): string | undefined {
  const parts = args.filter((a): a is Extract<ArgFact, { k: 'str' }> => a.k === 'str').map((a) => a.v);
  return parts.length > 0 ? parts.join('/') : undefined;
}

function segmentRegex(seg: string): string {
  if (seg === '**') return '(?:.*/)?';
  let out = '';
  for (let i = 0; i < seg.length; i++) {
    const ch = seg[i]!;
    if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else if (ch === '{') {
      const end = seg.indexOf('}', i);
      if (end < 0) return out + escape(seg.slice(i));
      out += `(?:${seg
        .slice(i + 1, end)
        .split(',')
        .map((alt) => escape(alt.replace(/\.js$/, '.ts')))
        .join('|')})`;
      i = end;
    } else out += escape(ch);
  }
  // Compiled `.js` names point at `.ts` sources.
  return out.replace(/\\\.js$/, '\\.(?:js|ts)');
}

const escape = (s: string): string => s.replace(/[.+^$()|[\]\\]/g, '\\$&');
