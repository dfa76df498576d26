/**
 * The MikroORM adapter: entities (`@Entity`, `EntitySchema`) named by the
 * driver's naming strategy, stores from `contextName`s, relations and pivot
 * tables, access through the EntityManager, repositories and query builders,
 * and transactions. It reuses the TypeORM adapter's tracing machinery: both
 * ORMs speak of repositories, managers and query builders.
 */
import { defineAdapter, type AdapterInput, type AdapterOutput } from '../../adapter.js';
import { assignStores } from '../../core/entity-orm/data-sources.js';
import { EntityCatalog } from '../../core/entity-orm/entity-catalog.js';
import { entityOrmOutput, type EntityOrm } from '../../core/entity-orm/entity-orm-output.js';
import { buildRelations } from '../../core/entity-orm/relations.js';
import { ValueTracer } from '../../core/entity-orm/value-trace.js';
import { findMikroAccess } from './access-sites.js';
import { mikroStoreSources } from './data-sources.js';
import { findMikroEntities, isMikroPackage } from './entities.js';
import { mongoNaming, underscoreNaming } from './naming.js';
import { mikroSemantics } from './semantics.js';

const ORM = 'mikro-orm';
const ENTITY_ORM: EntityOrm = {
  name: ORM,
  isPackage: isMikroPackage,
  txDecorators: new Set(['Transactional']),
  findAccess: findMikroAccess,
};

function analyze(input: AdapterInput): AdapterOutput {
  const { files, index, defaultStore } = input;
  // The MongoDB driver names collections in camelCase and keeps no pivot tables.
  const mongo = files.some((f) => f.imports.some((i) => i.specifier === '@mikro-orm/mongodb'));
  const naming = mongo ? mongoNaming : underscoreNaming;
  const found = findMikroEntities(files, index, defaultStore, naming);
  const catalog = new EntityCatalog(found.entities, index);
  const stores = assignStores(
    files.flatMap((f) => mikroStoreSources(f, index)),
    catalog,
    defaultStore,
  );
  const built = buildRelations(found.relations, catalog, ORM, (owner, property) => naming.pivot(owner.table, property));
  const tracer = new ValueTracer(index, catalog, (t) => mikroSemantics(index, catalog, stores, t));
  return entityOrmOutput(ENTITY_ORM, input, catalog, built, tracer);
}

export default defineAdapter({
  name: ORM,
  enablers: [
    '@mikro-orm/better-sqlite',
    '@mikro-orm/core',
    '@mikro-orm/knex',
    '@mikro-orm/libsql',
    '@mikro-orm/mariadb',
    '@mikro-orm/mongodb',
    '@mikro-orm/mssql',
    '@mikro-orm/mysql',
    '@mikro-orm/nestjs',
    '@mikro-orm/postgresql',
    '@mikro-orm/sqlite',
  ],
  needsTypes: false,
  analyze,
});
