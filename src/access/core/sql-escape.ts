/**
 * The one raw-SQL escape of a query-building ORM (`prisma.$queryRaw`,
 * `knex.raw`, Kysely's `sql`): parse the rebuilt text, report SQL that cannot
 * be read (a problem and an `unparsable-sql` access), flag interpolated table
 * names (`dynamic-table-name`), and turn each table into an access site.
 */
import type { CallFact, FileFacts } from '../../extract/file-facts.js';
import type { AdapterInput, AdapterOutput } from '../adapter.js';
import { sqlFailure } from './sql-text.js';

export interface SqlEscape {
  input: Pick<AdapterInput, 'parseSql'>;
  out: Pick<AdapterOutput, 'accesses' | 'unresolved' | 'problems'>;
  orm: string;
  /** The table id a name in the SQL refers to; undefined = none known (an `unknown-table` access). */
  tableOf(name: string): string | undefined;
}

export function sqlEscapeSites(esc: SqlEscape, facts: FileFacts, call: CallFact, text: string): void {
  const base = { unit: facts.path, symbol: call.symbol, line: call.line, orm: esc.orm };
  const parsed = esc.input.parseSql(text);
  const failure = sqlFailure(parsed);
  if (failure) {
    esc.out.problems.push({ path: facts.path, line: call.line, source: 'sql', message: failure });
    esc.out.unresolved.push({ ...base, reason: 'unparsable-sql', detail: failure });
    return;
  }
  if (parsed.dynamic) esc.out.unresolved.push({ ...base, reason: 'dynamic-table-name', detail: text.slice(0, 120) });
  for (const t of parsed.tables) {
    const table = esc.tableOf(t.name);
    if (table === undefined) esc.out.unresolved.push({ ...base, reason: 'unknown-table', detail: t.name });
    else
      esc.out.accesses.push({
        unit: facts.path,
        symbol: call.symbol,
        table,
        mode: t.mode,
        line: call.line,
        callId: call.id,
        via: call.callee,
      });
  }
}
