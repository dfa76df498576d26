/**
 * TypeORM's data sources: `new DataSource({ name, entities })`,
 * `TypeOrmModule.forRoot[Async]({ name })`, `TypeOrmModule.forFeature([X], 'billing')`.
 */
import type { ArgFact, FileFacts } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';
import { optionsObject, setupCalls, type StoreSource } from '../../core/entity-orm/data-sources.js';
import { constString, importedFrom, prop } from '../../core/entity-orm/decorators.js';

/** TypeORM data sources and `forFeature` registrations in a file. */
export function typeormStoreSources(file: FileFacts, index: ProjectIndex, isOrm: (pkg: string) => boolean): StoreSource[] {
  const out: StoreSource[] = [];
  const from = (name: string): boolean => importedFrom(index, file.path, name, isOrm);
  for (const call of setupCalls(file)) {
    const c = call.callee;
    if (
      (c === 'new DataSource' && from('DataSource')) ||
      (c === 'new Connection' && from('Connection')) ||
      (c === 'createConnection' && from('createConnection'))
    ) {
      const opts = optionsObject(index, file.path, call.args[0]);
      out.push({
        name: constString(index, file.path, prop(opts, 'name')),
        variable: call.assignedTo,
        entities: entityList(file.path, prop(opts, 'entities')),
      });
    } else if ((c === 'TypeOrmModule.forRoot' || c === 'TypeOrmModule.forRootAsync') && from('TypeOrmModule')) {
      const opts = optionsObject(index, file.path, call.args[0]);
      const factory = optionsObject(index, file.path, prop(opts, 'useFactory'));
      out.push({
        name: constString(index, file.path, prop(opts, 'name')),
        entities: entityList(file.path, prop(opts, 'entities') ?? prop(factory, 'entities')),
      });
    } else if (c === 'TypeOrmModule.forFeature' && from('TypeOrmModule')) {
      out.push({ name: featureName(index, file.path, call.args[1]), entities: entityList(file.path, call.args[0]) });
    }
  }
  return out;
}

/** `forFeature([X], 'billing')`, or `forFeature([X], BillingDataSource)` / `{ name }` options. */
function featureName(index: ProjectIndex, file: string, arg: ArgFact | undefined): string | undefined {
  return constString(index, file, arg) ?? constString(index, file, prop(optionsObject(index, file, arg), 'name'));
}

const entityList = (file: string, arg: ArgFact | undefined): { file: string; arg: ArgFact }[] =>
  arg?.k === 'arr' ? arg.items.map((item) => ({ file, arg: item })) : [];
