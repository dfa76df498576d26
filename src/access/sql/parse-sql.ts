/**
 * `parseSql`, the one SQL reader every adapter uses (raw clients, `$queryRaw`,
 * `knex.raw`, `sequelize.query`, …): tables with their mode and the statement
 * kind. Template SQL arrives with unresolved interpolations kept as `${expr}`:
 * in a value position they are parameters, in a table position they make the
 * parse `dynamic`. Parses are memoised by text because the same SQL repeats.
 *
 * The token scan reads first: on application SQL it agrees with the
 * node-sql-parser grammars wherever they parse (and is right where they are
 * not: `UPDATE … FROM t` reads `t`, they call it written), takes what they
 * reject (`$1::type`, `USING`, vendor syntax, template parts), and costs
 * ~0.2 ms against their ~5 ms per statement. The grammars (PostgreSQL, then
 * MySQL) are asked only about text the scan cannot place.
 */
import type { SqlParse } from '../adapter.js';
import { parseWithDialects } from './dialect-parse.js';
import { scanSql } from './tolerant-scan.js';
import { interpolationEnd } from './tokenize.js';

/** Longer texts skip the full grammar (backtracking cost), the scan still reads them. */
const MAX_PARSER_LENGTH = 20_000;
const memo = new Map<string, SqlParse>();

export function parseSql(sql: string): SqlParse {
  let parsed = memo.get(sql);
  if (!parsed) {
    parsed = parseUncached(sql);
    memo.set(sql, parsed);
  }
  return parsed;
}

function parseUncached(sql: string): SqlParse {
  const text = sql.trim();
  if (text.length === 0) return { tables: [], statement: 'unknown', error: 'empty SQL' };
  const scan = scanSql(text);
  if (scan.tables.length > 0 || scan.dynamic) return finish(scan.tables, scan.statement, scan.dynamic);
  // no table: a statement that names none (BEGIN, SET, SELECT 1), or a shape the scan does not know
  if (scan.statement !== 'unknown') return finish([], scan.statement, false);
  const hasInterpolation = text.includes('${');
  const forParser = hasInterpolation ? replaceInterpolations(text) : text;
  const real = forParser.length <= MAX_PARSER_LENGTH ? parseWithDialects(forParser) : undefined;
  if (real) return finish(real.tables, real.statement === 'transaction' ? firstKeyword(text) : real.statement, real.dynamic);
  // `${fragment} WHERE …`: SQL assembled from parts carve could not follow
  if (hasInterpolation) return { tables: [], statement: 'unknown', dynamic: true };
  return { tables: [], statement: 'unknown', error: 'not recognisable as SQL' };
}

function firstKeyword(text: string): string {
  return /^[A-Za-z]+/.exec(text)?.[0].toLowerCase() ?? 'unknown';
}

/** `${expr}` → `$1`: a parameter the grammars accept wherever a value goes. */
function replaceInterpolations(text: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const at = text.indexOf('${', i);
    if (at < 0) return out + text.slice(i);
    out += text.slice(i, at) + '$1';
    i = interpolationEnd(text, at + 1);
  }
}

/** Statements that change the table itself: every table they name is written. */
const DDL = new Set(['alter', 'drop', 'truncate', 'rename']);

function finish(found: SqlParse['tables'], statement: string, dynamic: boolean): SqlParse {
  const tables = DDL.has(statement) ? found.map((t) => ({ name: t.name, mode: 'write' as const })) : found;
  const seen = new Set<string>();
  const unique = tables.filter((t) => {
    const key = `${t.name}\0${t.mode}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  unique.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.mode < b.mode ? -1 : a.mode > b.mode ? 1 : 0));
  const result: SqlParse = { tables: unique, statement };
  if (dynamic) result.dynamic = true;
  return result;
}
