/**
 * Knex: tables from schema-builder migrations (`createTable`, foreign keys from
 * `references`/`inTable`) and from the names queries use; access from query
 * chains on traced Knex instances, `transaction` scopes and `raw` statements.
 */
import { defineAdapter, type AdapterInput, type AdapterOutput } from '../../adapter.js';
import type { Relation } from '../../../model/result.js';
import { ReceiverTracer } from '../../core/trace-receiver.js';
import { collectKnexSites } from './access-sites.js';
import { knexClientRules, namedInstances, type KnexClient } from './client-rules.js';
import { readSchemaCall, schemaClientExpr } from './migrations.js';
import { inheritorLookup } from '../../core/subclass-sites.js';
import { TableRegistry } from '../../core/table-registry.js';

function analyzeKnex(input: AdapterInput): AdapterOutput {
  const tracer = new ReceiverTracer<KnexClient>(input.index, knexClientRules(input.index, namedInstances(input.index)));
  const registry = new TableRegistry('knex', input.knownTables);
  const relations: Relation[] = [];
  const schemaCalls = input.files.flatMap((facts) =>
    facts.calls.flatMap((call) => {
      const expr = schemaClientExpr(call.callee);
      const client = expr ? tracer.client(facts.path, expr, { symbol: call.symbol, within: call.within }) : undefined;
      return client ? [{ facts, call, store: client.store ?? input.defaultStore }] : [];
    }),
  );
  for (const s of schemaCalls) readSchemaCall(input.index, s.facts, s.call, s.store, registry, undefined, 'knex');
  for (const s of schemaCalls) readSchemaCall(input.index, s.facts, s.call, s.store, registry, relations, 'knex');
  const out: AdapterOutput = { tables: [], relations, accesses: [], unresolved: [], transactions: [], problems: [] };
  const ctx = { input, tracer, registry, subclasses: inheritorLookup(input.index, input.files), out, orm: 'knex' };
  for (const facts of input.files) collectKnexSites(ctx, facts);
  out.tables = registry.list();
  out.provisional = registry.provisional();
  return out;
}

export default defineAdapter({
  name: 'knex',
  enablers: ['knex', 'nestjs-knex', 'nest-knexjs'],
  needsTypes: false,
  analyze: analyzeKnex,
});
