/**
 * Prisma: tables from `*.prisma` schema files (one store per datasource, see
 * `stores.ts`), access from `<client>.<model>.<op>()` on any receiver that
 * traces to a Prisma client, `$transaction` scopes and raw queries.
 */
import { defineAdapter, type AdapterInput, type AdapterOutput } from '../../adapter.js';
import { collectSites, type ModelTarget } from './access-sites.js';
import { prismaClientRules } from './client-rules.js';
import { accessorOf } from './operations.js';
import { readPrismaSchemas } from './stores.js';
import { inheritorLookup } from '../../core/subclass-sites.js';
import { ReceiverTracer } from '../../core/trace-receiver.js';

function analyzePrisma(input: AdapterInput): AdapterOutput {
  const schema = readPrismaSchemas(input.schemaFiles, input.defaultStore);
  const out: AdapterOutput = {
    tables: schema.tables,
    relations: schema.relations,
    accesses: [],
    unresolved: [],
    transactions: [],
    problems: schema.problems,
  };
  const accessors = new Map<string, ModelTarget[]>();
  for (const store of schema.stores) {
    for (const [model, table] of store.tables) {
      const list = accessors.get(accessorOf(model)) ?? [];
      list.push({ store: store.name, table });
      accessors.set(accessorOf(model), list);
    }
  }
  const tracer = new ReceiverTracer(input.index, prismaClientRules(input.index, schema.stores));
  const ctx = {
    input,
    tracer,
    accessors,
    tables: schema.tables,
    fields: schema.fields,
    subclasses: inheritorLookup(input.index, input.files),
    out,
  };
  for (const facts of input.files) collectSites(ctx, facts);
  return out;
}

export default defineAdapter({
  name: 'prisma',
  enablers: ['@prisma/client', 'prisma'],
  schemaFiles: ['.prisma'],
  needsTypes: false,
  analyze: analyzePrisma,
});
