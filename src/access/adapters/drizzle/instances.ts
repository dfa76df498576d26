/**
 * Drizzle database instances: `drizzle(client, { schema })` (any
 * `drizzle-orm/*` driver). With several, each is its own store named after
 * the variable holding it, and a table belongs to the instance whose
 * `schema` module exports it; with one or none, everything is the default store.
 */
import type { FileFacts } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';

export interface DrizzleInstance {
  key: string; // `file#variable`
  name: string;
  /** Module passed as `schema` (a namespace import), if any. */
  schemaFile?: string;
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
      found.push({
        key: `${file.path}#${call.assignedTo}`,
        name: call.assignedTo.replace(/^this\./, ''),
        schemaFile: ref?.kind === 'internal' ? ref.file : undefined,
      });
    }
  }
  return found;
}

/** Store of the table declared as `variable` in `file`. */
export function storeResolver(index: ProjectIndex, instances: readonly DrizzleInstance[], defaultStore: string) {
  const names = new Set(instances.map((i) => i.name));
  return (file: string, variable: string): string => {
    if (names.size < 2) return defaultStore;
    for (const inst of instances) {
      if (inst.schemaFile && exportsFrom(index, inst.schemaFile, file, variable)) return inst.name;
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
    return imp.names.some((n) => (n.imported === '*' || n.imported === variable) && exportsFrom(index, target.file, file, variable, depth + 1));
  });
}

/** The instance a receiver (`db`, `this.db`, `ctx.db`) names, through imports. */
export function instanceOf(index: ProjectIndex, instances: readonly DrizzleInstance[], file: string, recv: string): DrizzleInstance | undefined {
  const local = instances.find((i) => i.key === `${file}#${recv}`);
  if (local) return local;
  const r = index.resolveName(file, recv);
  return r?.kind === 'internal' ? instances.find((i) => i.key === `${r.file}#${r.name}`) : undefined;
}
