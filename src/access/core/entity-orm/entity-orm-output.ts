/**
 * The second half of an entity-ORM adapter (TypeORM, MikroORM): with entities,
 * relations and value semantics known, collect tables, access sites (direct,
 * generic helpers and subclasses), decorated and wrapped transactions, and
 * assemble the output. The ORM supplies its names and its own access finder.
 */
import type { FileFacts } from '../../../extract/file-facts.js';
import type { Table } from '../../../model/result.js';
import type { AdapterInput, AdapterOutput } from '../../adapter.js';
import { importedFrom } from './decorators.js';
import { type EntityCatalog, entityTables } from './entity-catalog.js';
import { resolveGenericHelpers, resolveGenericSubclasses } from './generic-helpers.js';
import type { buildRelations } from './relations.js';
import { SiteCollector } from './site-collector.js';
import { findTransactionWrappers } from './transaction-wrappers.js';
import { decoratedScopes } from './transactions.js';
import type { ValueTracer } from './value-trace.js';

export interface EntityOrm {
  name: string;
  isPackage: (pkg: string) => boolean;
  /** Decorators that make a method a transaction scope (`@Transactional`). */
  txDecorators: ReadonlySet<string>;
  findAccess: (files: readonly FileFacts[], tracer: ValueTracer, catalog: EntityCatalog, out: SiteCollector, defaultStore: string) => void;
}

export function entityOrmOutput(
  orm: EntityOrm,
  input: AdapterInput,
  catalog: EntityCatalog,
  built: ReturnType<typeof buildRelations>,
  tracer: ValueTracer,
): AdapterOutput {
  const { files, index, defaultStore } = input;
  const unique = new Map<string, Table>();
  for (const t of [...entityTables(catalog, orm.name), ...built.joinTables]) if (!unique.has(t.id)) unique.set(t.id, t);

  const out = new SiteCollector(orm.name, input, catalog);
  orm.findAccess(files, tracer, catalog, out, defaultStore);
  resolveGenericHelpers(files, tracer, catalog, out);
  resolveGenericSubclasses(files, index, catalog, out);
  for (const file of files) {
    decoratedScopes(
      file,
      orm.txDecorators,
      (name) => importedFrom(index, file.path, name, orm.isPackage) || index.resolveName(file.path, name)?.kind === 'internal',
      `${orm.name}.@Transactional`,
      out,
    );
  }
  findTransactionWrappers(files, tracer, out, `${orm.name}.transaction-wrapper`);

  return {
    tables: [...unique.values()],
    relations: built.relations,
    accesses: out.accesses,
    unresolved: out.unresolved,
    transactions: out.transactions,
    problems: out.problems,
  };
}
