/**
 * The TypeORM adapter: entities and their tables (naming as TypeORM does it),
 * stores from named data sources, relations and join tables, access through
 * repositories, managers, ActiveRecord and query builders, and transactions.
 */
import { defineAdapter, type AdapterInput, type AdapterOutput } from '../../adapter.js';
import { findTypeormAccess } from './access-sites.js';
import { assignStores } from '../../core/entity-orm/data-sources.js';
import { typeormStoreSources } from './store-sources.js';
import { findEntities, isTypeormPackage } from './entities.js';
import { EntityCatalog } from '../../core/entity-orm/entity-catalog.js';
import { entityOrmOutput, type EntityOrm } from '../../core/entity-orm/entity-orm-output.js';
import { defaultJoinTableName } from './naming.js';
import { buildRelations } from '../../core/entity-orm/relations.js';
import { typeormSemantics } from './semantics.js';
import { ValueTracer } from '../../core/entity-orm/value-trace.js';

const ORM = 'typeorm';
const ENTITY_ORM: EntityOrm = {
  name: ORM,
  isPackage: isTypeormPackage,
  txDecorators: new Set(['Transactional', 'Transaction']),
  findAccess: findTypeormAccess,
};

function analyze(input: AdapterInput): AdapterOutput {
  const { files, index, defaultStore } = input;
  const found = findEntities(files, index, input.storeOf);
  const catalog = new EntityCatalog(found.entities, index);
  const stores = assignStores(
    files.flatMap((f) => typeormStoreSources(f, index, isTypeormPackage)),
    catalog,
    defaultStore,
  );
  const built = buildRelations(found.relations, catalog, ORM, (owner, property, target) =>
    defaultJoinTableName(owner.table, property, target.table),
  );

  const tracer = new ValueTracer(index, catalog, (t) => typeormSemantics(index, catalog, stores, t));
  return entityOrmOutput(ENTITY_ORM, input, catalog, built, tracer);
}

export default defineAdapter({
  name: ORM,
  enablers: ['typeorm', '@nestjs/typeorm'],
  needsTypes: false,
  analyze,
});
