/**
 * Subclasses of a class across the project, transitively, for generic base
 * repositories: `knex(this.tableName)` in `BaseRepository.findById` names a
 * different table in each subclass that sets `tableName`.
 */
import type { FileFacts } from '../../../extract/file-facts.js';
import type { ClassRef, ProjectIndex } from '../../../link/project-index.js';

export type SubclassLookup = (file: string, className: string) => ClassRef[];

export function subclassLookup(index: ProjectIndex, files: readonly FileFacts[]): SubclassLookup {
  let direct: Map<string, ClassRef[]> | undefined;
  const build = (): Map<string, ClassRef[]> => {
    const map = new Map<string, ClassRef[]>();
    for (const facts of files) {
      for (const cls of facts.classes) {
        const base = cls.extends?.split('<')[0].trim();
        const ref = base ? index.resolveClass(facts.path, base) : undefined;
        if (!ref) continue;
        const key = `${ref.file}#${ref.cls.name}`;
        map.set(key, [...(map.get(key) ?? []), { file: facts.path, cls }]);
      }
    }
    return map;
  };
  return (file, className) => {
    direct ??= build();
    const found: ClassRef[] = [];
    const queue = [`${file}#${className}`];
    const seen = new Set(queue);
    while (queue.length) {
      for (const sub of direct.get(queue.shift() as string) ?? []) {
        const key = `${sub.file}#${sub.cls.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        found.push(sub);
        queue.push(key);
      }
    }
    return found;
  };
}
