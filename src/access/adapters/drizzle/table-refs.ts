/** Which table an argument names: a table variable (through imports, barrels, `schema.orders`), or an `alias(t, 'x')` of one. */
import type { ArgFact, FileFacts } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';
import type { DrizzleTable } from './tables.js';

export class TableRefs {
  private readonly byKey: Map<string, DrizzleTable>;
  private readonly byVariable = new Map<string, DrizzleTable[]>();

  constructor(
    private readonly index: ProjectIndex,
    readonly tables: readonly DrizzleTable[],
  ) {
    this.byKey = new Map(tables.map((t) => [t.key, t]));
    for (const t of tables) this.byVariable.set(t.variable, [...(this.byVariable.get(t.variable) ?? []), t]);
  }

  /** A table by its exported name (`db.query.<name>`), unique across the project. */
  byName(name: string): DrizzleTable | undefined {
    const hits = this.byVariable.get(name);
    return hits?.length === 1 ? hits[0] : undefined;
  }

  byRef(file: FileFacts, symbol: string, text: string, depth = 0): DrizzleTable | undefined {
    const local = this.byKey.get(`${file.path}#${text}`);
    if (local) return local;
    const r = this.index.resolveName(file.path, text);
    if (r?.kind === 'internal') {
      const hit = this.byKey.get(`${r.file}#${r.name}`);
      if (hit) return hit;
    }
    // A local of the same name declared in a module-level callback can shadow the
    // import in name resolution (`const environments = await db.select().from(environments)`).
    const imported = !text.includes('.') ? this.throughImport(file, text) : undefined;
    if (imported) return imported;
    // `const parent = alias(categories, 'parent')`
    const v = file.variables.find((x) => x.name === text && (x.scope === symbol || x.scope === '<module>'));
    if (depth < 3 && v?.init?.k === 'call' && /(^|\.)alias$/.test(v.init.callee)) {
      const inner = v.init.args[0];
      if (inner?.k === 'id' || inner?.k === 'member') return this.byRef(file, symbol, inner.v, depth + 1);
    }
    return undefined;
  }

  private throughImport(file: FileFacts, name: string): DrizzleTable | undefined {
    for (const imp of file.imports) {
      const binding = imp.kind !== 're-export' ? imp.names.find((n) => n.local === name && n.imported !== '*') : undefined;
      const target = binding ? this.index.resolveSpecifier(file.path, imp.specifier) : undefined;
      if (binding && target?.kind === 'internal') return this.exported(target.file, binding.imported, 0);
    }
    return undefined;
  }

  /** The table `module` exports as `name`, following its re-exports. */
  private exported(module: string, name: string, depth: number): DrizzleTable | undefined {
    const own = this.byKey.get(`${module}#${name}`);
    if (own || depth > 8) return own;
    for (const imp of this.index.files.get(module)?.imports ?? []) {
      if (imp.kind !== 're-export') continue;
      const binding = imp.names.find((n) => n.local === name || (n.imported === '*' && n.local === '*'));
      const target = binding ? this.index.resolveSpecifier(module, imp.specifier) : undefined;
      const found =
        target?.kind === 'internal'
          ? this.exported(target.file, binding!.imported === '*' ? name : binding!.imported, depth + 1)
          : undefined;
      if (found) return found;
    }
    return undefined;
  }

  byArg(file: FileFacts, symbol: string, arg: ArgFact | undefined): DrizzleTable | undefined {
    return arg?.k === 'id' || arg?.k === 'member' ? this.byRef(file, symbol, arg.v) : undefined;
  }
}
