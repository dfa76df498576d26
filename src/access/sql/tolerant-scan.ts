/**
 * The SQL token scan: reads any dialect, SQL with `${…}` parts, vendor
 * syntax and fragments. Walks the tokens and takes the name after each
 * table keyword (FROM, JOIN, INTO, UPDATE, DELETE FROM, TRUNCATE, USING,
 * MERGE INTO). CTE names are not tables; a `${…}` in a table position marks
 * the parse dynamic.
 */
import type { AccessMode } from '../../model/result.js';
import { normalizeTableName } from './table-name.js';
import { readQualifiedName, type SqlToken, tokenizeSql } from './tokenize.js';

export interface ScanResult {
  tables: { name: string; mode: AccessMode }[];
  statement: string;
  dynamic: boolean;
}

const STATEMENTS = new Set([
  'SELECT',
  'INSERT',
  'UPDATE',
  'DELETE',
  'MERGE',
  'REPLACE',
  'TRUNCATE',
  'CREATE',
  'ALTER',
  'DROP',
  'BEGIN',
  'START',
  'COMMIT',
  'END',
  'ROLLBACK',
  'SAVEPOINT',
  'RELEASE',
  'SET',
  'SHOW',
  'CALL',
  'EXPLAIN',
  'VALUES',
  'COPY',
  'LOCK',
  'GRANT',
]);
/** Functions whose arguments use FROM without naming a table: `extract(epoch from t)`, `substring(x from 2)`, `trim(both ' ' from s)`. */
const FROM_FUNCTIONS = new Set(['EXTRACT', 'SUBSTRING', 'TRIM', 'OVERLAY', 'POSITION', 'SUBSTR']);
/** Words that cannot be a table name after a table keyword. */
const NOT_A_TABLE = new Set([
  'SELECT',
  'LATERAL',
  'ONLY',
  'SET',
  'VALUES',
  'DEFAULT',
  'WHERE',
  'AND',
  'OR',
  'ON',
  'AS',
  'NOT',
  'NULL',
  'EXISTS',
]);

const isWord = (tok: SqlToken | undefined, upper: string): boolean => tok?.t === 'word' && tok.upper === upper;
const isPunct = (tok: SqlToken | undefined, v: string): boolean => tok?.t === 'punct' && tok.v === v;

export function scanSql(text: string): ScanResult {
  const tokens = tokenizeSql(text);
  const found: { name: string; mode: AccessMode }[] = [];
  const cteNames = new Set<string>();
  let dynamic = false;
  let statement = '';
  // for each open parenthesis: the word before it (to recognise FROM inside extract(…))
  const parens: string[] = [];

  const take = (start: number, mode: AccessMode, list: boolean): void => {
    let k = start;
    for (;;) {
      if (isWord(tokens[k], 'ONLY') || isWord(tokens[k], 'TABLE') || isWord(tokens[k], 'IGNORE')) k++;
      if (isWord(tokens[k], 'IF') && isWord(tokens[k + 1], 'EXISTS')) k += 2;
      if (isWord(tokens[k], 'IF') && isWord(tokens[k + 1], 'NOT') && isWord(tokens[k + 2], 'EXISTS')) k += 3;
      const tok = tokens[k];
      if (!tok || isPunct(tok, '(')) return; // subquery or nothing: the inner FROMs are scanned on their own
      if (tok.t === 'word' && NOT_A_TABLE.has(tok.upper)) return;
      const name = readQualifiedName(tokens, k);
      if (!name) return;
      if (name.interp !== undefined) dynamic = true;
      else if (isPunct(tokens[name.next], '(') && mode === 'read')
        return; // a table function: generate_series(…), unnest(…)
      else found.push({ name: normalizeTableName(name.parts), mode });
      if (!list) return;
      // skip an alias, then continue after a comma (FROM a, b)
      k = name.next;
      if (isWord(tokens[k], 'AS')) k++;
      if (tokens[k]?.t === 'word' && !isKeywordAfterTable(tokens[k])) k++;
      if (!isPunct(tokens[k], ',')) return;
      k++;
    }
  };

  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const prev = tokens[i - 1];
    if (tok.t === 'punct') {
      if (tok.v === '(') parens.push(prev?.t === 'word' ? prev.upper : '');
      else if (tok.v === ')') parens.pop();
      continue;
    }
    if (tok.t !== 'word') continue;
    const up = tok.upper;
    if (!statement && parens.length === 0 && STATEMENTS.has(up)) statement = up.toLowerCase();
    // WITH [RECURSIVE] name AS (…), name2 (cols) AS (…)
    if (up === 'WITH') {
      const at = isWord(tokens[i + 1], 'RECURSIVE') ? i + 2 : i + 1;
      if (isCteStart(tokens, at)) cteNames.add(cteName(tokens[at]));
    } else if (parens.length === 0 && isPunct(prev, ',') && isCteStart(tokens, i)) {
      cteNames.add(cteName(tok));
    }
    switch (up) {
      case 'FROM':
        if (FROM_FUNCTIONS.has(parens[parens.length - 1] ?? '')) break;
        if (isWord(prev, 'DELETE')) take(i + 1, 'write', false);
        else if (!isWord(prev, 'DISTINCT') && !isWord(prev, 'IS')) take(i + 1, 'read', true);
        break;
      case 'JOIN':
      case 'USING':
        take(i + 1, 'read', false);
        break;
      case 'INTO':
        if (isWord(prev, 'INSERT') || isWord(prev, 'REPLACE') || isWord(prev, 'MERGE') || isWord(prev, 'IGNORE'))
          take(i + 1, 'write', false);
        break;
      case 'UPDATE':
        // not `FOR UPDATE`, `DO UPDATE SET`, `ON UPDATE CASCADE`, `WHEN MATCHED THEN UPDATE`
        if (!isWord(prev, 'FOR') && !isWord(prev, 'DO') && !isWord(prev, 'ON') && !isWord(prev, 'THEN') && !isWord(prev, 'KEY'))
          take(i + 1, 'write', false);
        break;
      case 'TRUNCATE':
        take(i + 1, 'write', true);
        break;
      case 'TABLE':
        // ALTER TABLE / DROP TABLE / CREATE TABLE change the table (DDL counts as a write)
        if (
          isWord(prev, 'ALTER') ||
          isWord(prev, 'DROP') ||
          isWord(prev, 'CREATE') ||
          isWord(prev, 'TEMPORARY') ||
          isWord(prev, 'TEMP') ||
          isWord(prev, 'UNLOGGED')
        )
          take(i + 1, 'write', false);
        break;
      default:
        break;
    }
  }
  const tables = found.filter((t) => !cteNames.has(t.name.toLowerCase()));
  return { tables, statement: statement || 'unknown', dynamic };
}

function cteName(tok: SqlToken): string {
  return tok.t === 'word' || tok.t === 'quoted' ? tok.v.toLowerCase() : '';
}

/** `name AS (` or `name (a, b) AS (` — a CTE definition starts here. */
function isCteStart(tokens: readonly SqlToken[], i: number): boolean {
  const name = tokens[i];
  if (!name || (name.t !== 'word' && name.t !== 'quoted')) return false;
  let k = i + 1;
  if (isPunct(tokens[k], '(')) {
    while (k < tokens.length && !isPunct(tokens[k], ')')) k++;
    k++;
  }
  return isWord(tokens[k], 'AS') && (isPunct(tokens[k + 1], '(') || isWord(tokens[k + 1], 'MATERIALIZED') || isWord(tokens[k + 1], 'NOT'));
}

const AFTER_TABLE = new Set([
  'WHERE',
  'JOIN',
  'INNER',
  'LEFT',
  'RIGHT',
  'FULL',
  'CROSS',
  'NATURAL',
  'ON',
  'USING',
  'GROUP',
  'ORDER',
  'LIMIT',
  'OFFSET',
  'SET',
  'VALUES',
  'RETURNING',
  'HAVING',
  'UNION',
  'EXCEPT',
  'INTERSECT',
  'FOR',
  'WINDOW',
  'SELECT',
  'DEFAULT',
  'OUTPUT',
]);
function isKeywordAfterTable(tok: SqlToken | undefined): boolean {
  return tok?.t === 'word' && AFTER_TABLE.has(tok.upper);
}
