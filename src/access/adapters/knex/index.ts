import { defineAdapter } from '../../adapter.js';

// Placeholder: finds nothing until this adapter is written.
export default defineAdapter({
  name: 'knex',
  enablers: ['knex'],
  needsTypes: false,
  analyze: () => ({ tables: [], relations: [], accesses: [], unresolved: [], transactions: [], problems: [] }),
});
