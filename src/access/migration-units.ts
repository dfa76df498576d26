/**
 * Schema migrations change tables; they are not the application reading and
 * writing them. Their DDL may declare tables (adapters read it), but their
 * statements are neither access edges nor unresolved accesses — counting them
 * would make every migration folder a service that writes every table.
 */
import type { FileFacts } from '../extract/file-facts.js';

const MIGRATION_PATH = /(^|\/)(migrations?|migrate|seeds?|seeders?)\//;
const MIGRATION_BASES = /^(MigrationInterface|Migration|AbstractMigration)\b/;

export function isMigrationUnit(file: FileFacts): boolean {
  if (MIGRATION_PATH.test(file.path)) return true;
  return file.classes.some(
    (c) => c.implements.some((i) => MIGRATION_BASES.test(i)) || (c.extends !== undefined && MIGRATION_BASES.test(c.extends)),
  );
}

export function migrationUnits(files: readonly FileFacts[]): Set<string> {
  return new Set(files.filter(isMigrationUnit).map((f) => f.path));
}
