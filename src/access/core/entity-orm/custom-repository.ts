/**
 * Custom repositories: `class UserRepository extends Repository<User>`, also
 * also through a generic base (`extends BaseRepository<User>` where
 * `BaseRepository<T> extends Repository<T>`).
 */
import type { ClassRef, ProjectIndex } from '../../../link/project-index.js';
import type { EntityCatalog, EntityInfo } from './entity-catalog.js';
import { heritageName, heritageTypeArgs } from './value-trace.js';

export interface OrmBase {
  /** Exported ORM class the chain ends in, e.g. `Repository`. */
  base: string;
  /** The entity named by a type argument somewhere along the chain, nearest first. */
  entity?: EntityInfo;
}

/** Follow `extends` up to a class exported by the ORM; undefined when the chain never reaches one. */
export function ormBaseOf(
  index: ProjectIndex,
  catalog: EntityCatalog,
  ref: ClassRef,
  isOrm: (pkg: string) => boolean,
): OrmBase | undefined {
  let entity: EntityInfo | undefined;
  let current: ClassRef | undefined = ref;
  const seen = new Set<string>();
  while (current && !seen.has(`${current.file}#${current.cls.name}`)) {
    seen.add(`${current.file}#${current.cls.name}`);
    const heritage = current.cls.extends;
    if (!heritage) return undefined;
    for (const t of heritageTypeArgs(heritage)) {
      entity ??= catalog.fromType(current.file, t);
    }
    const name = heritageName(heritage);
    const head = name.split('.')[0]!;
    const resolved = index.resolveName(current.file, head);
    if (resolved?.kind === 'external')
      return isOrm(resolved.package) ? { base: head === name ? resolved.name : name.slice(head.length + 1), entity } : undefined;
    current = index.resolveClass(current.file, name);
  }
  return undefined;
}
