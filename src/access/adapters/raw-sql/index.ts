/**
 * The raw-SQL adapter: SQL strings and templates run through plain clients
 * (pg, mysql/mysql2, sqlite/sqlite3/better-sqlite3, slonik, postgres.js,
 * pg-promise, @databases/pg). Tables come from `.sql` and node-pg-migrate
 * migrations and from the queries themselves, resolved first against the
 * tables the ORM adapters declared. SQL text run by script migrations
 * (`db.runSql(…)`) declares tables too.
 */
import type { Problem } from '../../../model/result.js';
import { defineAdapter } from '../../adapter.js';
import { findAccessSites } from './access-sites.js';
import { createClientTracer } from './clients.js';
import { createConstantFollower } from '../../core/follow-constant.js';
import { DRIVER_PACKAGES } from './drivers.js';
import { applyMigrations, sqlMigrations } from './migrations.js';
import { pgMigrateMigrations } from './pg-migrate.js';
import { scriptMigrations } from './script-migrations.js';
import { TableRegistry } from './tables.js';
import { findTransactions } from './transactions.js';

export default defineAdapter({
  name: 'raw-sql',
  enablers: [...DRIVER_PACKAGES, 'node-pg-migrate'],
  schemaFiles: ['.sql'],
  needsTypes: false,
  analyze(input) {
    const registry = new TableRegistry(input.knownTables, input.defaultStore);
    const problems: Problem[] = [];
    const relations = applyMigrations(
      [...sqlMigrations(input.schemaFiles, problems), ...pgMigrateMigrations(input.files), ...scriptMigrations(input.files)],
      registry,
    );
    const sites = findAccessSites(input.files, {
      index: input.index,
      tracer: createClientTracer(input.index, new Set(DRIVER_PACKAGES)),
      constants: createConstantFollower(input.index),
      registry,
      parseSql: input.parseSql,
    });
    const transactions = findTransactions(sites.clientCalls, input.index, input.files);
    return {
      tables: registry.tables(),
      relations,
      accesses: sites.accesses,
      unresolved: sites.unresolved,
      transactions,
      problems: [...problems, ...sites.problems],
    };
  },
});
