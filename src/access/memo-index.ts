/**
 * The project index with `resolveName` / `resolveClass` memoised: adapters
 * and propagation ask the same (file, name) questions for every call.
 */
import type { ClassRef, ProjectIndex, ResolvedName } from '../link/project-index.js';

export function memoizeIndex(index: ProjectIndex): ProjectIndex {
  const names = new Map<string, ResolvedName | undefined>();
  const classes = new Map<string, ClassRef | undefined>();
  return {
    files: index.files,
    resolveSpecifier: (file, specifier) => index.resolveSpecifier(file, specifier),
    resolveName(file, local) {
      const key = `${file}\0${local}`;
      if (!names.has(key)) names.set(key, index.resolveName(file, local));
      return names.get(key);
    },
    resolveClass(file, name) {
      const key = `${file}\0${name}`;
      if (!classes.has(key)) classes.set(key, index.resolveClass(file, name));
      return classes.get(key);
    },
    classesByName: (name) => index.classesByName(name),
  };
}
