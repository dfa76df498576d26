/**
 * A small SQL tokenizer for the tolerant paths (the fallback scan and DDL
 * reading). It knows just enough to find table positions: identifiers
 * (bare, "quoted", `backticked`, [bracketed]), keywords, punctuation, and
 * `${…}` interpolations left in template SQL. Strings and comments are skipped.
 */

/** Every token knows its line and its start offset in the text (`pos`). */
export type SqlToken = (
  | { t: 'word'; v: string; upper: string } // bare identifier or keyword
  | { t: 'quoted'; v: string } // quoted identifier, quotes removed
  | { t: 'interp'; v: string } // `${expr}` left unresolved
  | { t: 'param' } // $1, ?, :name, @p
  | { t: 'punct'; v: string }
) & { line: number; pos: number };

const WORD_START = /[A-Za-z_\u00C0-\uFFFF]/;
const WORD_CHAR = /[A-Za-z0-9_$\u00C0-\uFFFF]/;

/** Index just past the `}` closing the `{` at `start` (of a `${`), honouring nested braces. */
export function interpolationEnd(text: string, start: number): number {
  let depth = 1;
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i + 1;
  }
  return text.length;
}

export function tokenizeSql(text: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  const advanceTo = (end: number): void => {
    for (let k = i; k < end; k++) if (text[k] === '\n') line++;
    i = end;
  };
  while (i < n) {
    const c = text[i];
    const pos = i;
    if (c === '\n') {
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '-' && text[i + 1] === '-') {
      const end = text.indexOf('\n', i);
      advanceTo(end < 0 ? n : end);
    } else if (c === '#' && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
      // MySQL line comment (`#>` and `#>>` are PostgreSQL JSON operators)
      const end = text.indexOf('\n', i);
      advanceTo(end < 0 ? n : end);
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      advanceTo(end < 0 ? n : end + 2);
    } else if (c === "'") {
      let k = i + 1;
      while (k < n && !(text[k] === "'" && text[k + 1] !== "'")) k += text[k] === "'" ? 2 : 1;
      advanceTo(Math.min(n, k + 1));
      tokens.push({ t: 'param', line, pos });
    } else if (c === '$' && text[i + 1] === '{') {
      const end = interpolationEnd(text, i + 1);
      tokens.push({ t: 'interp', v: text.slice(i + 2, end - 1).trim(), line, pos });
      advanceTo(end);
    } else if (c === '$' && text[i + 1] === '$') {
      // dollar-quoted body: skip to the closing $$
      const end = text.indexOf('$$', i + 2);
      advanceTo(end < 0 ? n : end + 2);
      tokens.push({ t: 'param', line, pos });
    } else if ((c === '$' && /\d/.test(text[i + 1] ?? '')) || c === '?') {
      let k = i + 1;
      while (k < n && /\d/.test(text[k])) k++;
      i = k;
      tokens.push({ t: 'param', line, pos });
    } else if ((c === ':' || c === '@') && WORD_START.test(text[i + 1] ?? '') && text[i - 1] !== ':') {
      let k = i + 1;
      while (k < n && WORD_CHAR.test(text[k])) k++;
      i = k;
      tokens.push({ t: 'param', line, pos });
    } else if (c === '"' || c === '`' || c === '[') {
      const close = c === '[' ? ']' : c;
      const end = text.indexOf(close, i + 1);
      const stop = end < 0 ? n : end;
      tokens.push({ t: 'quoted', v: text.slice(i + 1, stop), line, pos });
      advanceTo(Math.min(n, stop + 1));
    } else if (WORD_START.test(c)) {
      let k = i + 1;
      while (k < n && WORD_CHAR.test(text[k])) k++;
      const v = text.slice(i, k);
      tokens.push({ t: 'word', v, upper: v.toUpperCase(), line, pos });
      i = k;
    } else if (/\d/.test(c)) {
      let k = i + 1;
      while (k < n && /[\d.eE]/.test(text[k])) k++;
      i = k;
      tokens.push({ t: 'param', line, pos });
    } else {
      tokens.push({ t: 'punct', v: c, line, pos });
      i++;
    }
  }
  return tokens;
}

/**
 * Read a possibly dotted name (`audit.events`, `"public"."users"`) starting at
 * `start`. An interpolated schema (`${schema}.jobs`) still names the table: the
 * parts after it are kept and `dynamicSchema` is set. An interpolation in the
 * table part itself is returned as `interp`.
 */
export function readQualifiedName(
  tokens: readonly SqlToken[],
  start: number,
): { parts: string[]; next: number; interp?: string; dynamicSchema?: boolean } | undefined {
  const first = tokens[start];
  if (!first) return undefined;
  const isDot = (k: number): boolean => tokens[k]?.t === 'punct' && (tokens[k] as { v: string }).v === '.';
  if (first.t === 'interp' && !isDot(start + 1)) return { parts: [], next: start + 1, interp: first.v };
  // psql variables (`:SCHEMA.jobs`) name a schema the same way
  const schemaVariable = first.t === 'param' && isDot(start + 1);
  if (first.t !== 'word' && first.t !== 'quoted' && first.t !== 'interp' && !schemaVariable) return undefined;
  const dynamicSchema = first.t === 'interp' || schemaVariable;
  const parts = first.t === 'word' || first.t === 'quoted' ? [first.v] : [];
  let k = start + 1;
  while (isDot(k)) {
    const part = tokens[k + 1];
    if (part?.t === 'word' || part?.t === 'quoted') parts.push(part.v);
    else if (part?.t === 'interp') return { parts, next: k + 2, interp: part.v };
    else break;
    k += 2;
  }
  if (parts.length === 0) return { parts, next: k, interp: first.t === 'interp' ? first.v : '' };
  return dynamicSchema ? { parts, next: k, dynamicSchema } : { parts, next: k };
}
