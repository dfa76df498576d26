import { defineAdapter } from '../../adapter.js';

// Placeholder: finds nothing until this adapter is written.
export default defineAdapter({
  name: 'mikro-orm',
  enablers: ['@mikro-orm/core', '@mikro-orm/nestjs'],
  needsTypes: false,
  analyze: () => ({ tables: [], relations: [], accesses: [], unresolved: [], transactions: [], problems: [] }),
});
