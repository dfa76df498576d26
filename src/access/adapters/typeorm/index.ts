/**
 * The TypeORM adapter: entities and their tables (naming as TypeORM does it),
 * stores from named data sources, relations and join tables, access through
 * repositories, managers, ActiveRecord and query builders, and transactions.
 */
import type { Table } from '../../../model/result.js';
import { defineAdapter, type AdapterInput, type AdapterOutput } from '../../adapter.js';
import { findTypeormAccess } from './access-sites.js';
import { assignStores, typeormStoreSources } from './data-sources.js';
import { importedFrom } from './decorators.js';
import { findEntities, isTypeormPackage } from './entities.js';
import { EntityCatalog, entityTables } from './entity-catalog.js';
import { resolveGenericHelpers, resolveGenericSubclasses } from './generic-helpers.js';
import { defaultJoinTableName } from './naming.js';
import { buildRelations } from './relations.js';
import { typeormSemantics } from './semantics.js';
import { SiteCollector } from './site-collector.js';
import { findTransactionWrappers } from './transaction-wrappers.js';
import { decoratedScopes } from './transactions.js';
import { ValueTracer } from './value-trace.js';

const ORM = 'typeorm';
const TX_DECORATORS = new Set(['Transactional', 'Transaction']);

function analyze(input: AdapterInput): AdapterOutput {
  const { files, index, defaultStore } = input;
  const found = findEntities(files, index, defaultStore);
  const catalog = new EntityCatalog(found.entities, index);
  const stores = assignStores(
    files.flatMap((f) => typeormStoreSources(f, index, isTypeormPackage)),
    catalog,
    defaultStore,
  );
  const built = buildRelations(found.relations, catalog, ORM, (owner, property, target) =>
    defaultJoinTableName(owner.table, property, target.table),
  );

  const unique = new Map<string, Table>();
  for (const t of [...entityTables(catalog, ORM), ...built.joinTables]) if (!unique.has(t.id)) unique.set(t.id, t);

  const out = new SiteCollector(ORM, input, catalog);
  const tracer = new ValueTracer(index, catalog, (t) => typeormSemantics(index, catalog, stores, t));
  findTypeormAccess(files, tracer, catalog, out, defaultStore);
  resolveGenericHelpers(files, tracer, catalog, out);
  resolveGenericSubclasses(files, index, catalog, out);
  for (const file of files) {
    decoratedScopes(
      file,
      TX_DECORATORS,
      (name) => importedFrom(index, file.path, name, isTypeormPackage) || index.resolveName(file.path, name)?.kind === 'internal',
      'typeorm.@Transactional',
      out,
    );
  }

  findTransactionWrappers(files, tracer, out, 'typeorm.transaction-wrapper');

  return {
    tables: [...unique.values()],
    relations: built.relations,
    accesses: out.accesses,
    unresolved: out.unresolved,
    transactions: out.transactions,
    problems: out.problems,
  };
}

export default defineAdapter({
  name: ORM,
  enablers: ['typeorm', '@nestjs/typeorm'],
  needsTypes: false,
  analyze,
});
