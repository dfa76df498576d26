/**
 * Tables and foreign keys declared by SQL DDL (migration files, schema
 * dumps): `CREATE TABLE name (…)` with its columns, inline `REFERENCES`,
 * table-level `FOREIGN KEY (…) REFERENCES`, and `ALTER TABLE … ADD …
 * REFERENCES`. Token based, so any dialect's DDL reads the same way.
 */
import { normalizeTableName } from './table-name.js';
import { scanSql } from './tolerant-scan.js';
import { readQualifiedName, type SqlToken, tokenizeSql } from './tokenize.js';

export interface DdlTable {
  name: string;
  line: number;
  columns: string[];
}

export interface DdlReference {
  from: string;
  to: string;
  column?: string;
  line: number;
}

export type DdlChange =
  | { create: DdlTable }
  | { drop: string }
  | { rename: { from: string; to: string; line: number } }
  /** A view reads its base tables: access to it is access to them. */
  | { view: { name: string; line: number; reads: string[] } };

export interface DdlFacts {
  /** Tables created, dropped and renamed, and views defined, in statement order. */
  changes: DdlChange[];
  references: DdlReference[];
}

const CONSTRAINT_WORDS = new Set([
  'CONSTRAINT',
  'PRIMARY',
  'FOREIGN',
  'UNIQUE',
  'CHECK',
  'INDEX',
  'KEY',
  'EXCLUDE',
  'FULLTEXT',
  'SPATIAL',
  'LIKE',
  'PERIOD',
]);

const ALTER_WORDS = new Set(['COLUMN', 'CONSTRAINT', 'FOREIGN', 'IF', 'PRIMARY', 'UNIQUE', 'CHECK', 'INDEX']);

const isWord = (tok: SqlToken | undefined, upper: string): boolean => tok?.t === 'word' && tok.upper === upper;
const isPunct = (tok: SqlToken | undefined, v: string): boolean => tok?.t === 'punct' && tok.v === v;

export function readDdl(text: string): DdlFacts {
  const tokens = tokenizeSql(text);
  const facts: DdlFacts = { changes: [], references: [] };
  for (let i = 0; i < tokens.length; i++) {
    if (isWord(tokens[i], 'CREATE')) {
      let k = i + 1;
      while (
        tokens[k]?.t === 'word' &&
        !isWord(tokens[k], 'TABLE') &&
        ['TEMPORARY', 'TEMP', 'UNLOGGED', 'GLOBAL', 'LOCAL', 'OR', 'REPLACE'].includes((tokens[k] as { upper: string }).upper)
      )
        k++;
      if (isWord(tokens[k], 'MATERIALIZED')) k++;
      if (isWord(tokens[k], 'VIEW')) {
        const view = readView(text, tokens, k + 1);
        if (view) facts.changes.push({ view: { ...view, line: tokens[i].line } });
        continue;
      }
      if (!isWord(tokens[k], 'TABLE')) continue;
      k++;
      if (isWord(tokens[k], 'IF') && isWord(tokens[k + 1], 'NOT') && isWord(tokens[k + 2], 'EXISTS')) k += 3;
      const name = readQualifiedName(tokens, k);
      if (!name || name.interp !== undefined) continue;
      const table = normalizeTableName(name.parts);
      const line = tokens[i].line;
      const columns: string[] = [];
      if (isPunct(tokens[name.next], '(')) i = readTableBody(tokens, name.next + 1, table, columns, facts.references);
      facts.changes.push({ create: { name: table, line, columns: [...new Set(columns)].sort() } });
    } else if (isWord(tokens[i], 'ALTER') && isWord(tokens[i + 1], 'TABLE')) {
      let k = i + 2;
      if (isWord(tokens[k], 'IF') && isWord(tokens[k + 1], 'EXISTS')) k += 2;
      if (isWord(tokens[k], 'ONLY')) k++;
      const name = readQualifiedName(tokens, k);
      if (!name || name.interp !== undefined) continue;
      const table = normalizeTableName(name.parts);
      // up to the end of the statement
      let column: string | undefined;
      for (k = name.next; k < tokens.length && !isPunct(tokens[k], ';'); k++) {
        const tok = tokens[k];
        if (isWord(tok, 'ADD') || isWord(tok, 'COLUMN')) {
          const col = tokens[k + 1];
          if (col?.t === 'quoted' || (col?.t === 'word' && !ALTER_WORDS.has(col.upper))) column = col.v;
        } else if (isWord(tok, 'FOREIGN') && isWord(tokens[k + 1], 'KEY') && isPunct(tokens[k + 2], '(')) {
          const col = tokens[k + 3];
          if (col?.t === 'word' || col?.t === 'quoted') column = col.v;
        } else if (isWord(tok, 'REFERENCES')) {
          const target = readQualifiedName(tokens, k + 1);
          if (target && target.interp === undefined)
            facts.references.push({ from: table, to: normalizeTableName(target.parts), column, line: tok.line });
        } else if (isWord(tok, 'RENAME') && isWord(tokens[k + 1], 'TO')) {
          const target = readQualifiedName(tokens, k + 2);
          if (target && target.interp === undefined) {
            facts.changes.push({ rename: { from: table, to: normalizeTableName(target.parts), line: tok.line } });
          }
        }
      }
      i = k;
    } else if (isWord(tokens[i], 'DROP') && isWord(tokens[i + 1], 'TABLE')) {
      let k = i + 2;
      if (isWord(tokens[k], 'IF') && isWord(tokens[k + 1], 'EXISTS')) k += 2;
      const name = readQualifiedName(tokens, k);
      if (name && name.interp === undefined) facts.changes.push({ drop: normalizeTableName(name.parts) });
    }
  }
  return facts;
}

/** `[IF NOT EXISTS] name [(cols)] AS <select>`: the view's name and the tables its query reads. */
function readView(text: string, tokens: readonly SqlToken[], start: number): { name: string; reads: string[] } | undefined {
  let k = start;
  if (isWord(tokens[k], 'IF') && isWord(tokens[k + 1], 'NOT') && isWord(tokens[k + 2], 'EXISTS')) k += 3;
  const name = readQualifiedName(tokens, k);
  if (!name || name.interp !== undefined) return undefined;
  let as = name.next;
  while (as < tokens.length && !isWord(tokens[as], 'AS') && !isPunct(tokens[as], ';')) as++;
  if (!isWord(tokens[as], 'AS') || !tokens[as + 1]) return undefined;
  let end = as + 1;
  while (end < tokens.length && !isPunct(tokens[end], ';')) end++;
  const body = text.slice(tokens[as + 1].pos, tokens[end]?.pos ?? text.length);
  return { name: normalizeTableName(name.parts), reads: [...new Set(scanSql(body).tables.map((t) => t.name))].sort() };
}

/** Read `( col type …, CONSTRAINT …, FOREIGN KEY (a) REFERENCES t (id) )`; returns the index of the closing `)`. */
function readTableBody(tokens: readonly SqlToken[], start: number, table: string, columns: string[], references: DdlReference[]): number {
  let depth = 1;
  let itemStart = true;
  let column: string | undefined;
  let k = start;
  for (; k < tokens.length && depth > 0; k++) {
    const tok = tokens[k];
    if (isPunct(tok, '(')) {
      depth++;
      continue;
    }
    if (isPunct(tok, ')')) {
      depth--;
      continue;
    }
    if (depth === 1 && isPunct(tok, ',')) {
      itemStart = true;
      column = undefined;
      continue;
    }
    if (itemStart && depth === 1) {
      itemStart = false;
      if (tok.t === 'word' && CONSTRAINT_WORDS.has(tok.upper)) {
        // table constraint: FOREIGN KEY (col) REFERENCES …
        const fk = tokens.slice(k, k + 12).findIndex((t) => isWord(t, 'FOREIGN'));
        const col = fk >= 0 ? tokens[k + fk + 3] : undefined;
        column = col?.t === 'word' || col?.t === 'quoted' ? col.v : undefined;
      } else if (tok.t === 'word' || tok.t === 'quoted') {
        columns.push(tok.v);
        column = tok.v;
      }
    }
    if (isWord(tok, 'REFERENCES')) {
      const target = readQualifiedName(tokens, k + 1);
      if (target && target.interp === undefined)
        references.push({ from: table, to: normalizeTableName(target.parts), column, line: tok.line });
    }
  }
  return k - 1;
}
