/**
 * Barrel see-through: follow `export … from` chains to the file that declares
 * an exported name, so `import { OrderService } from './orders'` links to
 * `orders/order.service.ts`, not to `orders/index.ts`.
 */
import type { FileFacts } from '../extract/file-facts.js';
import type { ResolvedSpecifier } from './project-index.js';
import type { ReadTracker, Reads } from './read-tracker.js';

export interface Declared {
  file: string;
  name: string;
}

const MAX_DEPTH = 32;

interface ExportTable {
  /** Exported name → local binding. */
  local: Map<string, string>;
  /** Re-exported name → where from (`export { a as b } from './x'`, `export * as ns from './x'`). */
  named: Map<string, { specifier: string; imported: string }>;
  /** `export * from './x'` specifiers, in order. */
  stars: string[];
}

export class ExportResolver {
  /** `find` results, with what computing them read (replayed on a hit, for the link cache). */
  private readonly memo = new Map<string, { found: Declared | null; reads?: Reads }>();
  private readonly localDecls = new Map<string, Set<string>>();
  private readonly tables = new Map<string, ExportTable>();

  constructor(
    private readonly files: ReadonlyMap<string, FileFacts>,
    private readonly resolve: (from: string, specifier: string) => ResolvedSpecifier,
    private readonly reads?: ReadTracker,
  ) {}

  /** Names declared (not re-exported) at the top level of a file. */
  declaredIn(file: string): Set<string> {
    this.reads?.file(file);
    let names = this.localDecls.get(file);
    if (!names) {
      const f = this.files.get(file);
      names = new Set<string>();
      if (f) {
        for (const c of f.classes) names.add(c.name);
        for (const fn of f.functions) names.add(fn.name);
        for (const v of f.variables) if (v.scope === '<module>') names.add(v.name);
        for (const e of f.exports) if (e.kind !== 'value') names.add(e.local ?? e.name);
      }
      this.localDecls.set(file, names);
    }
    return names;
  }

  /** Where `name`, as exported by `file`, is declared. `undefined` when it cannot be found. */
  find(file: string, name: string, depth = 0): Declared | undefined {
    const key = `${file}\0${name}`;
    const hit = this.memo.get(key);
    if (hit !== undefined) {
      if (hit.reads) this.reads?.replay(hit.reads);
      return hit.found ?? undefined;
    }
    this.memo.set(key, { found: null }); // cycle guard
    this.reads?.open();
    const found = depth > MAX_DEPTH ? undefined : this.compute(file, name, depth);
    this.memo.set(key, { found: found ?? null, reads: this.reads?.close() });
    return found;
  }

  /** Per file, once: its local exports, named re-exports and `export *` specifiers, for O(1) lookups. */
  private table(file: string): ExportTable | undefined {
    this.reads?.file(file);
    let t = this.tables.get(file);
    if (t) return t;
    const facts = this.files.get(file);
    if (!facts) return undefined;
    t = { local: new Map(), named: new Map(), stars: [] };
    for (const e of facts.exports) if (!t.local.has(e.name)) t.local.set(e.name, e.local ?? e.name);
    for (const imp of facts.imports) {
      if (imp.kind !== 're-export') continue;
      for (const n of imp.names) {
        if (n.local === '*' && n.imported === '*') t.stars.push(imp.specifier);
        else if (!t.named.has(n.local)) t.named.set(n.local, { specifier: imp.specifier, imported: n.imported });
      }
    }
    this.tables.set(file, t);
    return t;
  }

  private compute(file: string, name: string, depth: number): Declared | undefined {
    const facts = this.files.get(file);
    const t = this.table(file);
    if (!facts || !t) return undefined;
    // A local export, possibly of an imported binding (`import { a } from './x'; export { a }`).
    const local = t.local.get(name);
    if (local !== undefined) return this.throughImport(facts, local, depth) ?? { file, name: local };
    if (name !== 'default' && t.local.size === 0 && t.named.size === 0 && t.stars.length === 0 && this.declaredIn(file).has(name)) {
      return { file, name }; // CommonJS-ish file without explicit exports
    }
    const named = t.named.get(name);
    if (named) {
      if (named.imported !== '*') return this.follow(file, named.specifier, named.imported, depth);
      const target = this.resolve(file, named.specifier);
      return target.kind === 'internal' ? { file: target.file, name: '*' } : undefined;
    }
    if (name === 'default') return undefined;
    for (const specifier of t.stars) {
      const found = this.follow(file, specifier, name, depth);
      if (found) return found;
    }
    return undefined;
  }

  private follow(from: string, specifier: string, name: string, depth: number): Declared | undefined {
    const target = this.resolve(from, specifier);
    if (target.kind !== 'internal') return undefined;
    return this.find(target.file, name, depth + 1);
  }

  /** If `local` is an imported binding of `facts`, where it is declared. */
  throughImport(facts: FileFacts, local: string, depth: number): Declared | undefined {
    this.reads?.file(facts.path);
    for (const imp of facts.imports) {
      if (imp.kind === 're-export') continue;
      const n = imp.names.find((x) => x.local === local);
      if (!n) continue;
      const target = this.resolve(facts.path, imp.specifier);
      if (target.kind !== 'internal') return undefined;
      if (n.imported === '*') return { file: target.file, name: '*' };
      return this.find(target.file, n.imported, depth + 1) ?? { file: target.file, name: n.imported };
    }
    return undefined;
  }

  /** A barrel: a file that only re-exports (nothing declared of its own). */
  isBarrel(file: string): boolean {
    this.reads?.file(file);
    const f = this.files.get(file);
    if (!f) return false;
    return f.imports.some((i) => i.kind === 're-export') && this.declaredIn(file).size === 0;
  }

  /** Files a barrel re-exports from, resolved through nested barrels. */
  barrelTargets(file: string, depth = 0, seen = new Set<string>()): string[] {
    if (seen.has(file) || depth > MAX_DEPTH) return [];
    seen.add(file);
    this.reads?.file(file);
    const f = this.files.get(file);
    if (!f) return [];
    const out = new Set<string>();
    for (const imp of f.imports) {
      if (imp.kind !== 're-export') continue;
      const t = this.resolve(file, imp.specifier);
      if (t.kind !== 'internal') continue;
      if (this.isBarrel(t.file)) for (const x of this.barrelTargets(t.file, depth + 1, seen)) out.add(x);
      else out.add(t.file);
    }
    return [...out].sort();
  }
}
