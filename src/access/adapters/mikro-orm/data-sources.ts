/**
 * Stores for MikroORM: one per `contextName` (`MikroOrmModule.forRoot({ contextName, entities })`,
 * `MikroOrmModule.forFeature([X], 'billing')`, `MikroORM.init({ contextName })`), when the code names at least two.
 */
import type { ArgFact, FileFacts } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';
import { optionsObject, setupCalls, type StoreSource } from '../../core/entity-orm/data-sources.js';
import { constString, importedFrom, prop } from '../../core/entity-orm/decorators.js';
import { isMikroPackage } from './entities.js';

export function mikroStoreSources(file: FileFacts, index: ProjectIndex): StoreSource[] {
  const out: StoreSource[] = [];
  const from = (name: string): boolean => importedFrom(index, file.path, name, isMikroPackage);
  for (const call of setupCalls(file)) {
    const c = call.callee;
    if (
      ((c === 'MikroOrmModule.forRoot' || c === 'MikroOrmModule.forRootAsync') && from('MikroOrmModule')) ||
      (c === 'MikroORM.init' && from('MikroORM'))
    ) {
      const opts = optionsObject(index, file.path, call.args[0]);
      const factory = optionsObject(index, file.path, prop(opts, 'useFactory'));
      out.push({
        name: constString(index, file.path, prop(opts, 'contextName') ?? prop(factory, 'contextName')),
        entities: list(file.path, prop(opts, 'entities') ?? prop(factory, 'entities')),
      });
    } else if (c === 'MikroOrmModule.forFeature' && from('MikroOrmModule')) {
      const first = call.args[0];
      out.push({
        name: constString(index, file.path, call.args[1]),
        entities: list(file.path, first?.k === 'arr' ? first : prop(first, 'entities')),
      });
    }
  }
  return out;
}

const list = (file: string, arg: ArgFact | undefined): { file: string; arg: ArgFact }[] =>
  arg?.k === 'arr' ? arg.items.map((a) => ({ file, arg: a })) : [];
