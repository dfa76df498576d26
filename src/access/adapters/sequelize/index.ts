import { defineAdapter } from '../../adapter.js';

// Placeholder: finds nothing until this adapter is written.
export default defineAdapter({
  name: 'sequelize',
  enablers: ['sequelize', 'sequelize-typescript'],
  needsTypes: false,
  analyze: () => ({ tables: [], relations: [], accesses: [], unresolved: [], transactions: [], problems: [] }),
});
