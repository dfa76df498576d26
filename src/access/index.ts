/**
 * The access stage: enable adapters, run them, aggregate sites into access
 * edges, propagate through the data layer, and assemble transactions.
 * (Implementation pending: returns an empty result until the access work lands.)
 */
import type { FileFacts } from '../extract/file-facts.js';
import type { ProjectIndex } from '../link/project-index.js';
import type { Access, AdapterUse, Problem, Relation, Table, Transaction, UnresolvedAccess } from '../model/result.js';
import type { SchemaFile } from './adapter.js';

export interface CollectAccessInput {
  files: readonly FileFacts[];
  index: ProjectIndex;
  /** Non-TypeScript files the adapters may read (`*.prisma`, …), relative POSIX paths. */
  schemaFiles: readonly SchemaFile[];
  /** Dependency names from every package.json in the project. */
  packages: ReadonlySet<string>;
}

export interface AccessResult {
  tables: Table[];
  relations: Relation[];
  accesses: Access[];
  unresolvedAccesses: UnresolvedAccess[];
  transactions: Transaction[];
  adapters: AdapterUse[];
  problems: Problem[];
}

export function collectAccess(_input: CollectAccessInput): AccessResult {
  return { tables: [], relations: [], accesses: [], unresolvedAccesses: [], transactions: [], adapters: [], problems: [] };
}
