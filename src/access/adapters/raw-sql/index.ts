import { defineAdapter } from '../../adapter.js';

// Placeholder: finds nothing until this adapter is written.
export default defineAdapter({
  name: 'raw-sql',
  enablers: ['pg', 'mysql2', 'mysql', 'sqlite3', 'better-sqlite3', 'slonik', 'postgres'],
  needsTypes: false,
  analyze: () => ({ tables: [], relations: [], accesses: [], unresolved: [], transactions: [], problems: [] }),
});
