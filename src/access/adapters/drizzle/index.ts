/**
 * Drizzle ORM: table variables → tables (the variable name differs from the
 * table name), `references`/`relations` → relations, query-builder and
 * relational-query calls → access sites, `transaction`/`batch` → scopes,
 * `sql` templates → parsed SQL.
 */
import { defineAdapter, type AdapterInput, type AdapterOutput } from '../../adapter.js';
import { findAccessSites } from './access-sites.js';
import { dbReceivers } from './db-receivers.js';
import { findInstances, storeResolver } from './instances.js';
import { findRelations } from './relations.js';
import { TableRefs } from './table-refs.js';
import { findTables } from './tables.js';
import { findTransactions } from './transactions.js';

function analyze(input: AdapterInput): AdapterOutput {
  const instances = findInstances(input.index, input.files);
  const tables = findTables(input.index, input.files, storeResolver(input.index, instances, input.defaultStore));
  const refs = new TableRefs(input.index, tables);
  const { relations, named } = findRelations(input.files, refs);
  const isDb = dbReceivers(input.index, instances);
  const sites = findAccessSites(input.files, refs, named, isDb, input.parseSql, input.defaultStore, instances);
  const unique = new Map(tables.map((t) => [t.table.id, t.table]));
  return {
    tables: [...unique.values()].sort((a, b) => a.id.localeCompare(b.id)),
    relations,
    accesses: sites.accesses,
    unresolved: sites.unresolved,
    transactions: findTransactions(input.files, isDb),
    problems: sites.problems,
  };
}

export default defineAdapter({
  name: 'drizzle',
  enablers: ['drizzle-orm'],
  needsTypes: false,
  analyze,
});
