/**
 * Which adapters run, and why. An adapter is on when some analysed file
 * imports one of its enabler packages (the package itself or a subpath), or
 * when schema files with its suffixes exist. A package that package.json
 * lists but no file imports enables nothing: it says nothing about the code.
 */
import type { FileFacts } from '../extract/file-facts.js';
import type { OrmAdapter, SchemaFile } from './adapter.js';

export interface EnabledAdapter {
  adapter: OrmAdapter;
  enabledBy: string[];
  schemaFiles: SchemaFile[];
}

/** Schema file paths listed one by one up to this many, then summarised. */
const LISTED_SCHEMAS = 3;

export function enableAdapters(
  adapters: readonly OrmAdapter[],
  files: readonly FileFacts[],
  schemaFiles: readonly SchemaFile[],
  /** Fork package → the ORM package it stands for (see package-forks). */
  forks: ReadonlyMap<string, string> = new Map(),
): EnabledAdapter[] {
  const importers = countImporters(files);
  const enabled: EnabledAdapter[] = [];
  for (const adapter of adapters) {
    const enabledBy: string[] = [];
    for (const pkg of [...adapter.enablers].sort()) {
      const count = importers.get(pkg) ?? 0;
      if (count > 0) enabledBy.push(`import ${pkg} (${count} ${count === 1 ? 'file' : 'files'})`);
      for (const [fork, orm] of forks) {
        const n = orm === pkg ? (importers.get(fork) ?? 0) : 0;
        if (n > 0) enabledBy.push(`import ${fork}, a fork of ${pkg} (${n} ${n === 1 ? 'file' : 'files'})`);
      }
    }
    const suffixes = adapter.schemaFiles ?? [];
    const own = schemaFiles.filter((s) => suffixes.some((suffix) => s.path.endsWith(suffix))).sort((a, b) => (a.path < b.path ? -1 : 1));
    if (own.length > LISTED_SCHEMAS) enabledBy.push(`schema ${own.length} files (${suffixes.map((s) => `*${s}`).join(', ')})`);
    else for (const s of own) enabledBy.push(`schema ${s.path}`);
    if (enabledBy.length > 0) enabled.push({ adapter, enabledBy, schemaFiles: own });
  }
  return enabled;
}

/** Package name → number of files importing it or one of its subpaths. */
function countImporters(files: readonly FileFacts[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const facts of files) {
    const seen = new Set<string>();
    for (const imp of facts.imports) {
      const pkg = packageOf(imp.specifier);
      if (pkg && !seen.has(pkg)) {
        seen.add(pkg);
        counts.set(pkg, (counts.get(pkg) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`; relative and absolute paths → undefined. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return undefined;
  const parts = specifier.replace(/^node:/, '').split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
