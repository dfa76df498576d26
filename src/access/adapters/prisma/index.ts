import { defineAdapter } from '../../adapter.js';

// Placeholder: finds nothing until this adapter is written.
export default defineAdapter({
  name: 'prisma',
  enablers: ['@prisma/client', 'prisma'],
  schemaFiles: ['.prisma'],
  needsTypes: false,
  analyze: () => ({ tables: [], relations: [], accesses: [], unresolved: [], transactions: [], problems: [] }),
});
