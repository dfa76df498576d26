/**
 * Kysely: tables from `schema.createTable` migrations, from the keys of the
 * `Kysely<DB>` database type, and from the names queries use; access from
 * query chains on traced instances, transaction scopes and `sql` statements.
 */
import { defineAdapter, type AdapterInput, type AdapterOutput } from '../../adapter.js';
import type { Relation } from '../../../model/result.js';
import { inheritorLookup } from '../../core/subclass-sites.js';
import { TableRegistry } from '../../core/table-registry.js';
import { ReceiverTracer } from '../../core/trace-receiver.js';
import { collectKyselySites, readKyselySchema } from './access-sites.js';
import { kyselyClientRules, kyselyInstances, kyselyNames, type KyselyClient } from './client-rules.js';
import { declareSchemaTypes } from './schema-type.js';

const SCHEMA_CALL = /^(.+)\.schema(?:\.withSchema\(\))?\.(createTable|alterTable)$/;

function analyzeKysely(input: AdapterInput): AdapterOutput {
  const instances = kyselyInstances(input.index);
  const tracer = new ReceiverTracer<KyselyClient>(input.index, kyselyClientRules(input.index, instances));
  const out: AdapterOutput = { tables: [], relations: [], accesses: [], unresolved: [], transactions: [], problems: [] };
  const ctx = {
    input,
    tracer,
    registry: new TableRegistry('kysely', input.knownTables),
    subclasses: inheritorLookup(input.index, input.files),
    out,
  };
  const schemaCalls = input.files.flatMap((facts) =>
    facts.calls.flatMap((call) => {
      const m = SCHEMA_CALL.exec(call.callee);
      const client = m ? tracer.client(facts.path, m[1], { symbol: call.symbol, within: call.within }) : undefined;
      return client ? [{ facts, call, store: client.store ?? input.defaultStore }] : [];
    }),
  );
  const relations: Relation[] = [];
  for (const s of schemaCalls) readKyselySchema(ctx, s.facts, s.call, s.store, undefined);
  // migrations first: where both exist, the table is declared where it is created
  declareSchemaTypes(input.index, input.files, kyselyNames, instances, ctx.registry, input.defaultStore);
  for (const s of schemaCalls) readKyselySchema(ctx, s.facts, s.call, s.store, relations);
  for (const facts of input.files) collectKyselySites(ctx, facts);
  out.relations = relations;
  out.tables = ctx.registry.list();
  out.provisional = ctx.registry.provisional();
  return out;
}

export default defineAdapter({
  name: 'kysely',
  enablers: ['kysely', 'nestjs-kysely'],
  needsTypes: false,
  analyze: analyzeKysely,
});
