/**
 * JavaScript or TypeScript migrations that run SQL text through a runner
 * (db-migrate's `db.runSql(\`CREATE TABLE …\`)`, `queryInterface.sequelize.query`,
 * `knex.raw`, `client.query`): the DDL in their string arguments declares
 * tables. Read as text, never run. Only `CREATE TABLE` and foreign keys count:
 * an up and a down function are both module-level callbacks here, so a
 * `DROP TABLE` may be the undo of the file's own create.
 */
import type { FileFacts } from '../../../extract/file-facts.js';
import { readDdl, type DdlChange, type DdlReference } from '../../sql/ddl.js';
import { isMigrationUnit } from '../../migration-units.js';
import type { Migration } from './migrations.js';

const RUNNERS = new Set(['runSql', 'raw', 'query', 'execute', 'exec', 'run', 'none', 'sql']);
const DDL = /\bcreate\s+(?:unlogged\s+|temp(?:orary)?\s+)?table\b/i;

export function scriptMigrations(files: readonly FileFacts[]): Migration[] {
  const migrations: Migration[] = [];
  for (const facts of files) {
    if (!isMigrationUnit(facts) || facts.calls.some((c) => c.callee.startsWith('pgm.'))) continue;
    const changes: DdlChange[] = [];
    const references: DdlReference[] = [];
    for (const call of facts.calls) {
      if (!RUNNERS.has(call.callee.slice(call.callee.lastIndexOf('.') + 1))) continue;
      const arg = call.args[0];
      const text = arg?.k === 'str' ? arg.v : arg?.k === 'tpl' ? arg.parts.join(' x ') : undefined;
      if (!text || !DDL.test(text)) continue;
      let ddl;
      try {
        ddl = readDdl(text);
      } catch {
        continue; // a statement the DDL reader cannot take says nothing about the tables
      }
      for (const c of ddl.changes) if ('create' in c) changes.push({ create: { ...c.create, line: call.line } });
      references.push(...ddl.references.map((r) => ({ ...r, line: call.line })));
    }
    if (changes.length > 0) migrations.push({ path: facts.path, orm: 'sql', ddl: { changes, references } });
  }
  return migrations;
}
