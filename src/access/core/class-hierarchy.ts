/**
 * Who extends and who implements what, across the project, from facts:
 * subclasses of a class (transitively) and the classes implementing an
 * interface name. Built on first use.
 */
import type { FileFacts } from '../../extract/file-facts.js';
import type { ClassRef, ProjectIndex } from '../../link/project-index.js';
import { typeName } from './type-name.js';

export interface ClassHierarchy {
  /** Subclasses of the class, transitively, sorted by file then name. */
  subclasses(file: string, className: string): ClassRef[];
  /** Classes declaring `implements Name` (by simple name), sorted by file then name. */
  implementors(interfaceName: string): ClassRef[];
}

const byFileThenName = (a: ClassRef, b: ClassRef): number =>
  a.file < b.file ? -1 : a.file > b.file ? 1 : a.cls.name < b.cls.name ? -1 : a.cls.name > b.cls.name ? 1 : 0;

export function createClassHierarchy(index: ProjectIndex, files: readonly FileFacts[]): ClassHierarchy {
  let direct: Map<string, ClassRef[]> | undefined;
  let implemented: Map<string, ClassRef[]> | undefined;
  const push = (map: Map<string, ClassRef[]>, key: string, ref: ClassRef): void => {
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    list.push(ref);
  };
  const build = (): void => {
    direct = new Map();
    implemented = new Map();
    for (const facts of files) {
      for (const cls of facts.classes) {
        const base = typeName(cls.extends);
        const ref = base ? index.resolveClass(facts.path, base) : undefined;
        if (ref) push(direct, `${ref.file}#${ref.cls.name}`, { file: facts.path, cls });
        for (const i of cls.implements) {
          const name = typeName(i);
          if (name) push(implemented, name.slice(name.lastIndexOf('.') + 1), { file: facts.path, cls });
        }
      }
    }
  };
  return {
    subclasses(file, className) {
      if (!direct) build();
      const found: ClassRef[] = [];
      const queue = [`${file}#${className}`];
      const seen = new Set(queue);
      while (queue.length > 0) {
        for (const sub of direct?.get(queue.shift() as string) ?? []) {
          const key = `${sub.file}#${sub.cls.name}`;
          if (seen.has(key)) continue;
          seen.add(key);
          found.push(sub);
          queue.push(key);
        }
      }
      return found.sort(byFileThenName);
    },
    implementors(interfaceName) {
      if (!implemented) build();
      return [...(implemented?.get(interfaceName) ?? [])].sort(byFileThenName);
    },
  };
}
