import type { ClassFact, FileFacts } from '../extract/file-facts.js';

export type ResolvedName = { kind: 'internal'; file: string; name: string } | { kind: 'external'; package: string; name: string };

export type ResolvedSpecifier =
  | { kind: 'internal'; file: string }
  | { kind: 'external'; package: string }
  | { kind: 'asset' }
  /** `hint`: why it is unresolved when carve can tell (a missing tsconfig base, a workspace package without source). */
  | { kind: 'unresolved'; hint?: string };

export interface ClassRef {
  file: string;
  cls: ClassFact;
}

/**
 * What the link stage knows about the whole project, for later stages (ORM
 * adapters, propagation). Built from facts only; lookups are in memory.
 */
export interface ProjectIndex {
  /** Analysed files by relative POSIX path, sorted by path when iterated. */
  readonly files: ReadonlyMap<string, FileFacts>;
  /** Resolve an import specifier written in `file`. */
  resolveSpecifier(file: string, specifier: string): ResolvedSpecifier;
  /**
   * Where a name used in `file` is declared, following imports, re-exports and
   * barrels. A name declared in `file` itself resolves to `file`. `name` may be
   * dotted for namespace imports (`entities.User`).
   */
  resolveName(file: string, local: string): ResolvedName | undefined;
  /** The class a name refers to from `file` (declared there or imported). */
  resolveClass(file: string, name: string): ClassRef | undefined;
  /** Every class with this name in the project, sorted by file. */
  classesByName(name: string): ClassRef[];
}
