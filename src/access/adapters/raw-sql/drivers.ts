/**
 * What the raw-SQL adapter knows about the client packages: which packages
 * create clients, which methods run SQL, which open transaction scopes or
 * hand out connections.
 */
export const DRIVER_PACKAGES = [
  '@databases/mysql',
  '@databases/pg',
  '@libsql/client',
  '@neondatabase/serverless',
  '@planetscale/database',
  '@vercel/postgres',
  'better-sqlite3',
  'mariadb',
  'mssql',
  'mysql',
  'mysql2',
  'oracledb',
  'pg',
  'pg-pool',
  'pg-promise',
  'postgres',
  'postgres-pool',
  'slonik',
  'sqlite',
  'sqlite3',
];

/** Exports that are ready clients themselves, not factories (`import { sql } from '@vercel/postgres'`). */
export const CLIENT_EXPORTS: Readonly<Record<string, readonly string[]>> = {
  '@vercel/postgres': ['sql', 'db'],
};

/** Methods whose first SQL-ish argument is run (pg, mysql, sqlite, better-sqlite3, slonik, pg-promise, postgres.js). */
export const SQL_METHODS = new Set([
  'query',
  'execute',
  'many',
  'one',
  'any',
  'none',
  'oneOrNone',
  'manyOrNone',
  'all',
  'get',
  'run',
  'exec',
  'prepare',
  'result',
  'multi',
  'map',
  'each',
  'maybeOne',
  'maybeOneFirst',
  'oneFirst',
  'manyFirst',
  'anyFirst',
  'exists',
  'unsafe',
  'queryStream',
  'stream',
]);

/** Methods on a client that return another client (a connection, a transaction handle, a promise wrapper). */
export const CLIENT_METHODS = new Set([
  'connect',
  'getConnection',
  'promise',
  'acquire',
  'reserve',
  'open',
  'connection',
  'request',
  'input',
  'output',
]);

/** Methods that run their callback inside a transaction, whose parameter is the transactional client. */
export const TRANSACTION_CALLBACK_METHODS = new Set(['tx', 'txIf', 'transaction', 'begin']);

/** Methods whose callback parameter is a client without a transaction (pg-promise tasks, pool.connect callbacks). */
export const CLIENT_CALLBACK_METHODS = new Set(['task', 'taskIf', 'connect', 'getConnection', 'connection', 'reserve']);

/** Statement kinds that open and close a transaction when sent as SQL. */
export const BEGIN_STATEMENTS = new Set(['begin', 'start']);
export const END_STATEMENTS = new Set(['commit', 'end']);
/** Driver methods that do the same: mysql's `beginTransaction()` / `commit()`. */
export const BEGIN_METHODS = new Set(['beginTransaction']);
export const END_METHODS = new Set(['commit']);
