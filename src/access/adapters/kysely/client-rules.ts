/**
 * What a Kysely instance looks like in facts: `new Kysely<DB>(…)` (imported
 * from `kysely`), a value typed `Kysely<DB>` / `Transaction<DB>`, the callback
 * parameter of `db.transaction().execute(async (trx) => …)` /
 * `db.connection().execute(…)` / `with('cte', (db) => …)`.
 *
 * Store: the default store, unless the project creates several instances at
 * module or class-field level; then the store is the variable or field name,
 * and a `Kysely<X>` type elsewhere maps to the instance created with `X`.
 */
import type { ArgFact, FileFacts } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';
import type { ClientRules } from '../../core/trace-receiver.js';

export interface KyselyClient {
  store?: string;
}

export interface KyselyInstances {
  /** Instance name → its DB type argument; empty when the project has one instance or none. */
  names: Set<string>;
  byType: Map<string, string>;
}

/** Local names of `Kysely` / `Transaction` imported from kysely (`k.Kysely` for a namespace import). */
export function kyselyNames(facts: FileFacts | undefined): Set<string> {
  const names = new Set<string>();
  for (const imp of facts?.imports ?? []) {
    if (imp.specifier !== 'kysely') continue;
    for (const n of imp.names) if (n.imported === 'Kysely' || n.imported === 'Transaction') names.add(n.local);
    for (const n of imp.names) if (n.imported === '*') names.add(`${n.local}.Kysely`);
  }
  return names;
}

export function isKyselyCreation(index: ProjectIndex, file: string, init: ArgFact): boolean {
  if (init.k !== 'call' || !init.callee.startsWith('new ')) return false;
  const name = init.callee.slice(4);
  return kyselyNames(index.files.get(file)).has(name) || name === 'Kysely';
}

const typeArgOf = (type: string | undefined): string | undefined => /<\s*([\w$.]+)\s*>/.exec(type ?? '')?.[1];

export function kyselyInstances(index: ProjectIndex): KyselyInstances {
  const found: { name: string; type?: string }[] = [];
  for (const facts of index.files.values()) {
    for (const v of facts.variables) {
      if (v.scope !== '<module>' || !v.init || !isKyselyCreation(index, facts.path, v.init)) continue;
      const created = facts.calls.find((c) => c.assignedTo === v.name && c.callee.startsWith('new '));
      found.push({ name: v.name, type: typeArgOf(v.type) ?? created?.typeArgs[0] });
    }
    for (const c of facts.classes) {
      for (const m of c.members) {
        if (m.kind !== 'property' || !m.init || !isKyselyCreation(index, facts.path, m.init)) continue;
        const created = facts.calls.find((x) => x.assignedTo === `this.${m.name}` && x.callee.startsWith('new '));
        found.push({ name: m.name, type: typeArgOf(m.type) ?? created?.typeArgs[0] });
      }
    }
  }
  const names = new Set(found.map((f) => f.name));
  if (names.size < 2) return { names: new Set(), byType: new Map() };
  const byType = new Map<string, string>();
  for (const f of found) {
    if (!f.type) continue;
    const sameType = found.filter((x) => x.type === f.type);
    if (sameType.length === 1) byType.set(f.type, f.name);
  }
  return { names, byType };
}

/** Methods on a Kysely instance that return an instance again (or a transaction builder). */
const KEEPS = new Set([
  'transaction',
  'connection',
  'withSchema',
  'withPlugin',
  'withoutPlugins',
  'withTables',
  'setIsolationLevel',
  'setAccessMode',
]);
const CALLBACKS = new Set(['execute', 'with', 'withRecursive', 'withMaterialized', 'withNotMaterialized']);

export function kyselyClientRules(index: ProjectIndex, instances: KyselyInstances): ClientRules<KyselyClient> {
  const fromType = (file: string, type: string): KyselyClient | undefined => {
    const names = kyselyNames(index.files.get(file));
    const head = /^\s*(?:readonly\s+)?([\w$.]+)/.exec(type)?.[1];
    if (!head || !(names.has(head) || head === 'Kysely' || /\bKysely$/.test(head))) return undefined;
    const arg = typeArgOf(type);
    return { store: arg ? instances.byType.get(arg) : undefined };
  };
  return {
    fromType,
    // `class Database extends Kysely<Tables> {}`, injected by NestJS.
    fromHeritage: fromType,
    fromCreation(file, init, boundTo) {
      if (!isKyselyCreation(index, file, init)) return undefined;
      return boundTo && instances.names.has(boundTo) ? { store: boundTo } : {};
    },
    fromDecorators: (_file, decorators) => (decorators.some((d) => d.name === 'InjectKysely') ? {} : undefined),
    fromCallback: (method, paramIndex, client) => (CALLBACKS.has(method) && paramIndex === 0 ? client : undefined),
    // `kyselyService.db` (nest-kysely) holds the instance; other members do not.
    memberKeepsClient: (name) => /^(db|kysely|\$kysely|client|connection)$/.test(name),
    callKeepsClient: (method) => KEEPS.has(method),
    // Kysely's method names are distinctive, so a receiver named like a database handle is enough.
    nameHint: (name) => (/db|database|kysely|^(eb|qb|trx|tx|conn|executor|expressionBuilder|transaction)$/i.test(name) ? {} : undefined),
  };
}
