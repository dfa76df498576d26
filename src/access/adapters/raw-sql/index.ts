/**
 * The raw-SQL adapter: SQL strings and templates run through plain clients
 * (pg, mysql/mysql2, sqlite/sqlite3/better-sqlite3, slonik, postgres.js,
 * pg-promise, @databases/pg). Tables come from `.sql` migrations and from
 * the queries themselves, resolved first against the tables the ORM
 * adapters declared.
 */
import { defineAdapter } from '../../adapter.js';
import { findAccessSites } from './access-sites.js';
import { createClientTracer } from './clients.js';
import { createConstantFollower } from './constants.js';
import { DRIVER_PACKAGES } from './drivers.js';
import { readMigrations } from './migrations.js';
import { TableRegistry } from './tables.js';
import { findTransactions } from './transactions.js';

export default defineAdapter({
  name: 'raw-sql',
  enablers: DRIVER_PACKAGES,
  schemaFiles: ['.sql'],
  needsTypes: false,
  analyze(input) {
    const registry = new TableRegistry(input.knownTables, input.defaultStore);
    const migrations = readMigrations(input.schemaFiles, registry);
    const sites = findAccessSites(input.files, {
      index: input.index,
      tracer: createClientTracer(input.index, new Set(DRIVER_PACKAGES)),
      constants: createConstantFollower(input.index),
      registry,
      parseSql: input.parseSql,
    });
    const transactions = findTransactions(sites.clientCalls, (file) => input.index.files.get(file)?.calls ?? []);
    return {
      tables: registry.tables(),
      relations: migrations.relations,
      accesses: sites.accesses,
      unresolved: sites.unresolved,
      transactions,
      problems: [...migrations.problems, ...sites.problems],
    };
  },
});
