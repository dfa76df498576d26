import { defineAdapter } from '../../adapter.js';

// Placeholder: finds nothing until this adapter is written.
export default defineAdapter({
  name: 'typeorm',
  enablers: ['typeorm', '@nestjs/typeorm'],
  needsTypes: false,
  analyze: () => ({ tables: [], relations: [], accesses: [], unresolved: [], transactions: [], problems: [] }),
});
