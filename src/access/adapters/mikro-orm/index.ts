/**
 * The MikroORM adapter: entities (`@Entity`, `EntitySchema`) named by the
 * driver's naming strategy, stores from `contextName`s, relations and pivot
 * tables, access through the EntityManager, repositories and query builders,
 * and transactions. It reuses the TypeORM adapter's tracing machinery: both
 * ORMs speak of repositories, managers and query builders.
 */
import type { Table } from '../../../model/result.js';
import { defineAdapter, type AdapterInput, type AdapterOutput } from '../../adapter.js';
import { assignStores } from '../typeorm/data-sources.js';
import { importedFrom } from '../typeorm/decorators.js';
import { EntityCatalog, entityTables } from '../typeorm/entity-catalog.js';
import { resolveGenericHelpers, resolveGenericSubclasses } from '../typeorm/generic-helpers.js';
import { buildRelations } from '../typeorm/relations.js';
import { SiteCollector } from '../typeorm/site-collector.js';
import { findTransactionWrappers } from '../typeorm/transaction-wrappers.js';
import { decoratedScopes } from '../typeorm/transactions.js';
import { ValueTracer } from '../typeorm/value-trace.js';
import { findMikroAccess } from './access-sites.js';
import { mikroStoreSources } from './data-sources.js';
import { findMikroEntities, isMikroPackage } from './entities.js';
import { mongoNaming, underscoreNaming } from './naming.js';
import { mikroSemantics } from './semantics.js';

const ORM = 'mikro-orm';
const TX_DECORATORS = new Set(['Transactional']);

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
  const unique = new Map<string, Table>();
  for (const t of [...entityTables(catalog, ORM), ...built.joinTables]) if (!unique.has(t.id)) unique.set(t.id, t);

  const out = new SiteCollector(ORM, input, catalog);
  const tracer = new ValueTracer(index, catalog, (t) => mikroSemantics(index, catalog, stores, t));
  findMikroAccess(files, tracer, catalog, out, defaultStore);
  resolveGenericHelpers(files, tracer, catalog, out);
  resolveGenericSubclasses(files, index, catalog, out);
  for (const file of files) {
    decoratedScopes(
      file,
      TX_DECORATORS,
      (name) => importedFrom(index, file.path, name, isMikroPackage) || index.resolveName(file.path, name)?.kind === 'internal',
      'mikro-orm.@Transactional',
      out,
    );
  }

  findTransactionWrappers(files, tracer, out, 'mikro-orm.transaction-wrapper');

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
