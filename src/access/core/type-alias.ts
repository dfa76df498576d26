/**
 * `type DbClient = Knex` / `type Db = Pool`: the alias a type name refers to
 * from a file, declared there or imported (through barrels). Lets receiver
 * tracing see through project aliases of ORM and driver types.
 */
import type { TypeFact } from '../../extract/file-facts.js';
import type { ProjectIndex } from '../../link/project-index.js';

export interface TypeRef {
  file: string;
  type: TypeFact;
}

/** The interface or type alias `name` refers to from `file`. */
export function typeDeclaration(index: ProjectIndex, file: string, name: string): TypeRef | undefined {
  const local = index.files.get(file)?.types.find((t) => t.name === name);
  if (local) return { file, type: local };
  const resolved = index.resolveName(file, name);
  if (resolved?.kind !== 'internal' || resolved.file === file) return undefined;
  const type = index.files.get(resolved.file)?.types.find((t) => t.name === resolved.name);
  return type ? { file: resolved.file, type } : undefined;
}

/** The aliased type text of a `type X = …` alias `name` refers to from `file`, with the file to read it in. */
export function typeAlias(index: ProjectIndex, file: string, name: string): { file: string; aliasOf: string } | undefined {
  const ref = typeDeclaration(index, file, name);
  return ref?.type.aliasOf ? { file: ref.file, aliasOf: ref.type.aliasOf } : undefined;
}
