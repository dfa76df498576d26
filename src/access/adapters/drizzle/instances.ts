/**
 * Drizzle database instances: `drizzle(client, { schema })` (any
 * `drizzle-orm/*` driver). Instances built on different schema modules are
 * different stores, named after the variable holding them; a table belongs
 * to the instance whose `schema` module exports it. Otherwise everything is
 * the default store.
 */
import type { FileFacts } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';

export interface DrizzleInstance {
  key: string; // `file#variable`
  name: string;
  file: string;
  /** Module passed as `schema` (a namespace import), if any. */
  schemaFile?: string;
  /** `schema: { users: usersTable }`: relational-query name → table reference. */
  schemaKeys?: Record<string, string>;
}

export function findInstances(index: ProjectIndex, files: readonly FileFacts[]): DrizzleInstance[] {
  const found: DrizzleInstance[] = [];
  for (const file of files) {
    for (const call of file.calls) {
      if (call.callee !== 'drizzle' || !call.assignedTo) continue;
      const r = index.resolveName(file.path, 'drizzle');
      if (r && !(r.kind === 'external' && r.package.startsWith('drizzle-orm'))) continue;
      const options = [...call.args].reverse().find((a) => a.k === 'obj');
      const schema = options?.k === 'obj' ? options.props.schema : undefined;
      const ref = schema?.k === 'id' || schema?.k === 'member' ? index.resolveName(file.path, schema.v) : undefined;
      const keys =
        schema?.k === 'obj'
          ? Object.entries(schema.props).flatMap(([k, v]) => (v.k === 'id' || v.k === 'member' ? [[k, v.v] as const] : []))
          : [];
      found.push({
        key: `${file.path}#${call.assignedTo}`,
        name: call.assignedTo.replace(/^this\./, ''),
        file: file.path,
        ...(keys.length ? { schemaKeys: Object.fromEntries(keys) } : {}),
        schemaFile: ref?.kind === 'internal' ? namespaceFile(index, ref.file, ref.name) : undefined,
      });
    }
  }
  return found;
}

/** The module a namespace binding stands for: `* as schema` itself, or `export * as schema from './schema'` in a package index. */
function namespaceFile(index: ProjectIndex, file: string, name: string): string | undefined {
  if (name === '*') return file;
  const reexport = index.files
    .get(file)
    ?.imports.find((i) => i.kind === 're-export' && i.names.some((n) => n.local === name && n.imported === '*'));
  const target = reexport ? index.resolveSpecifier(file, reexport.specifier) : undefined;
  return target?.kind === 'internal' ? target.file : undefined;
}

/**
 * Store of the table declared as `variable` in `file`. Instances over the
 * same schema module are one database (a replica, a second app's client), so
 * stores split only when instances are built on different schema modules;
 * each takes the name of its first instance (by file).
 */
export function storeResolver(index: ProjectIndex, instances: readonly DrizzleInstance[], defaultStore: string) {
  const bySchema = new Map<string, string>();
  for (const inst of [...instances].sort((a, b) => a.key.localeCompare(b.key))) {
    if (inst.schemaFile && !bySchema.has(inst.schemaFile)) bySchema.set(inst.schemaFile, inst.name);
  }
  return (file: string, variable: string): string => {
    if (bySchema.size < 2) return defaultStore;
    for (const [schemaFile, name] of bySchema) {
      if (exportsFrom(index, schemaFile, file, variable)) return name;
    }
    return defaultStore;
  };
}

/** Does `module` export `variable` declared in `file`, itself or through its re-exports (a schema barrel)? */
function exportsFrom(index: ProjectIndex, module: string, file: string, variable: string, depth = 0): boolean {
  if (module === file) return true;
  const facts = index.files.get(module);
  if (!facts || depth > 8) return false;
  return facts.imports.some((imp) => {
    if (imp.kind !== 're-export') return false;
    const target = index.resolveSpecifier(module, imp.specifier);
    if (target.kind !== 'internal') return false;
    return imp.names.some(
      (n) => (n.imported === '*' || n.imported === variable) && exportsFrom(index, target.file, file, variable, depth + 1),
    );
  });
}

/** The instance a receiver (`db`, `this.db`, `ctx.db`) names, through imports. */
export function instanceOf(
  index: ProjectIndex,
  instances: readonly DrizzleInstance[],
  file: string,
  recv: string,
): DrizzleInstance | undefined {
  const local = instances.find((i) => i.key === `${file}#${recv}`);
  if (local) return local;
  const r = index.resolveName(file, recv);
  return r?.kind === 'internal' ? instances.find((i) => i.key === `${r.file}#${r.name}`) : undefined;
}
