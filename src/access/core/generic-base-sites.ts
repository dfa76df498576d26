/**
 * Generic base repositories: a base class calls the ORM through a member it
 * was handed (`this.model.find()` on a `Model<T>`), so its own code names no
 * table. Each subclass that binds that member gets the base's accesses under
 * its own symbol (`UserRepository.find`), unless it overrides the method.
 * The walk over subclasses is shared; how a subclass binds the member is the
 * adapter's (`bind`).
 */
import type { ClassFact, FileFacts } from '../../extract/file-facts.js';
import type { ClassRef, ProjectIndex } from '../../link/project-index.js';
import type { AccessMode } from '../../model/result.js';
import type { AccessSite } from '../adapter.js';

/** An access in a base class method through a model member it does not bind. */
export interface GenericSite {
  file: string;
  cls: ClassFact;
  member: string;
  method: string; // the base class method (`find` of `BaseRepository.find`)
  mode: AccessMode;
  via: string;
}

/** `BaseRepository<User, X>` → `['User', 'X']`. */
export const typeArgs = (ext: string | undefined): string[] =>
  /<([\s\S]*)>/
    .exec(ext ?? '')?.[1]
    .split(',')
    .map((t) => t.trim()) ?? [];

const heritage = (ext: string | undefined): string => ext?.replace(/<[\s\S]*$/, '').trim() ?? '';

const MAX_BASE_DEPTH = 5;

/** Sites under subclass symbols; the generic sites no subclass binds are returned as left over. */
export function resolveGenericSites<S extends GenericSite>(
  index: ProjectIndex,
  files: readonly FileFacts[],
  generic: readonly S[],
  bind: (sub: ClassRef, base: ClassRef, member: string) => { table: { id: string } } | undefined,
): { accesses: AccessSite[]; leftOver: S[] } {
  const accesses: AccessSite[] = [];
  const bound = new Set<S>();
  if (generic.length === 0) return { accesses, leftOver: [] };
  for (const file of files) {
    for (const cls of file.classes) {
      if (!cls.extends) continue;
      const sub: ClassRef = { file: file.path, cls };
      const overridden = new Set(cls.members.filter((m) => m.kind === 'method').map((m) => m.name));
      for (let base = index.resolveClass(file.path, heritage(cls.extends)), depth = 0; base && depth < MAX_BASE_DEPTH; depth++) {
        const current: ClassRef = base;
        for (const g of generic) {
          if (g.cls !== current.cls || g.file !== current.file || overridden.has(g.method)) continue;
          const model = bind(sub, current, g.member);
          if (!model) continue;
          bound.add(g);
          accesses.push({
            unit: file.path,
            symbol: `${cls.name}.${g.method}`,
            table: model.table.id,
            mode: g.mode,
            line: cls.line,
            callId: -1,
            via: g.via,
          });
        }
        for (const m of current.cls.members) if (m.kind === 'method') overridden.add(m.name);
        base = index.resolveClass(current.file, heritage(current.cls.extends));
      }
    }
  }
  return { accesses, leftOver: generic.filter((g) => !bound.has(g)) };
}
