/**
 * The ORM adapter contract. One adapter per folder under `adapters/`; the
 * registry in `adapters/index.ts` lists them. Adapters work on FileFacts and
 * schema files only — never on an AST, never by running code.
 */
import type { SchemaFile } from '../discover/index.js';
import type { CallFact, FileFacts } from '../extract/file-facts.js';
import type { ProjectIndex } from '../link/project-index.js';
import type { AccessMode, Problem, Relation, Table, UnresolvedAccess } from '../model/result.js';

/** One access performed directly at a call site. The access stage aggregates and propagates these. */
export interface AccessSite {
  unit: string;
  symbol: string;
  table: string; // table id
  mode: AccessMode;
  line: number;
  /** The call id in the file's facts (used to place the site inside transactions). */
  callId: number;
  /** Human text of what does it: `prisma.order.create`, `knex('orders').insert`. */
  via: string;
}

/** A transaction scope found at a call site; its contents are the calls `within` it. */
export interface TransactionSite {
  unit: string;
  symbol: string;
  line: number;
  callId: number;
  kind: string; // `prisma.$transaction`, `knex.transaction`, …
  /**
   * Sites that belong to it although not lexically inside the callback
   * (e.g. Prisma's batch form `$transaction([a, b])`, or QueryRunner start/commit pairs).
   */
  extraCallIds?: number[];
}

export interface AdapterInput {
  /** All analysed files, sorted by path. */
  files: readonly FileFacts[];
  /** Files matching the adapter's `schemaFiles` suffixes. */
  schemaFiles: readonly SchemaFile[];
  index: ProjectIndex;
  /** Store name used when nothing in the code distinguishes databases. */
  defaultStore: string;
  /** The store of a file's own database: the default store, or its deployable's when several connect on their own. */
  storeOf: (path: string) => string;
  /** Tables declared by every adapter that ran before (raw SQL resolves against them). */
  knownTables: readonly Table[];
  /** Shared SQL parsing, for raw-query escapes. */
  parseSql: (sql: string) => SqlParse;
}

export interface AdapterOutput {
  tables: Table[];
  /**
   * Ids among `tables` that no schema declares: only seen in use (a
   * `knex('users')` with no migration) or in a type (`Kysely<DB>` keys).
   * Another adapter's declaration of the same table (a Prisma model, a
   * TypeORM entity) replaces them, whatever the adapter order.
   */
  provisional?: string[];
  relations: Relation[];
  accesses: AccessSite[];
  unresolved: UnresolvedAccess[];
  transactions: TransactionSite[];
  problems: Problem[];
}

export interface SqlParse {
  /** Tables referenced, with the mode (write for the target of INSERT/UPDATE/DELETE/MERGE, read otherwise). */
  tables: { name: string; mode: AccessMode }[];
  /** `select`, `insert`, `update`, `delete`, … or `unknown`. */
  statement: string;
  /** Set when the text could not be parsed even tolerantly. */
  error?: string;
  /** Some table names were interpolated and could not be followed. */
  dynamic?: boolean;
}

export interface OrmAdapter {
  name: string;
  /** Packages that switch the adapter on when a package.json of the project depends on one, or a file imports one. */
  enablers: string[];
  /** File name suffixes read as schema files, e.g. `.prisma`. */
  schemaFiles?: string[];
  /** Honest flag: does the adapter need the type checker? (none does today) */
  needsTypes: false;
  /** Runs after link; order between adapters follows `adapters/index.ts` (raw SQL last). */
  analyze(input: AdapterInput): AdapterOutput;
}

export function defineAdapter(adapter: OrmAdapter): OrmAdapter {
  return adapter;
}

export type { CallFact, SchemaFile };
