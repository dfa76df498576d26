/**
 * What a Knex instance looks like in facts: `knex(config)` / `Knex(config)` /
 * `require('knex')(config)` (the factory imported from `knex`), a value typed
 * `Knex` / `Knex.Transaction`, an injected `@InjectKnex()` / `@InjectConnection()`,
 * a `transaction` callback parameter or the awaited `knex.transaction()`.
 *
 * Store: the default store, unless the project creates several instances at
 * module or class-field level; then each instance's store is the variable or
 * field name it is assigned to (`analyticsDb = knex(…)` → `analyticsDb`).
 */
import type { ArgFact, FileFacts } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';
import type { ClientRules } from '../../core/trace-receiver.js';

export interface KnexClient {
  store?: string;
}

const FACTORY_PACKAGES = new Set(['knex']);
const CALLBACK_METHODS = new Set(['transaction', 'with', 'withRecursive', 'withMaterialized', 'withNotMaterialized']);

/** Local names in `file` bound to the knex factory (`import knex from 'knex'`, `import { knex } from 'knex'`). */
function factoryNames(facts: FileFacts | undefined): Set<string> {
  const names = new Set<string>();
  for (const imp of facts?.imports ?? []) {
    if (!FACTORY_PACKAGES.has(imp.specifier)) continue;
    for (const n of imp.names) if (!n.typeOnly && ['default', 'knex', 'Knex', '*'].includes(n.imported)) names.add(n.local);
    if (imp.kind === 'require') names.add('require()');
  }
  return names;
}

/** Is `init` a call creating a Knex instance in `file`? */
export function isKnexCreation(index: ProjectIndex, file: string, init: ArgFact): boolean {
  if (init.k !== 'call') return false;
  const names = factoryNames(index.files.get(file));
  const callee = init.callee.replace(/^new /, '');
  if (names.has(callee)) return true;
  // `knex.knex(config)` / `Knex.knex(config)` through a namespace or default import.
  const [head, tail] = callee.split('.');
  return tail === 'knex' && names.has(head);
}

/** Instance names when the project creates several Knex instances; empty when one or none. */
export function namedInstances(index: ProjectIndex): Set<string> {
  const names = new Set<string>();
  for (const facts of index.files.values()) {
    for (const v of facts.variables) if (v.scope === '<module>' && v.init && isKnexCreation(index, facts.path, v.init)) names.add(v.name);
    for (const c of facts.classes) {
      for (const m of c.members) if (m.kind === 'property' && m.init && isKnexCreation(index, facts.path, m.init)) names.add(m.name);
    }
  }
  return names.size > 1 ? names : new Set();
}

export function knexClientRules(index: ProjectIndex, instances: ReadonlySet<string>): ClientRules<KnexClient> {
  return {
    fromType: (_file, type) => (/(^|[^\w$.])(Knex)(\.Transaction)?\b/.test(type) || /\bknex\.Knex\b/.test(type) ? {} : undefined),
    fromCreation(file, init, boundTo) {
      if (!isKnexCreation(index, file, init)) return undefined;
      return boundTo && instances.has(boundTo) ? { store: boundTo } : {};
    },
    fromDecorators(_file, decorators, type) {
      // `@InjectConnection` is also TypeORM's and Mongoose's: it counts only on a Knex-typed (or untyped) member.
      const d = decorators.find(
        (x) =>
          x.name === 'InjectKnex' ||
          x.name === 'InjectKnexConnection' ||
          (x.name === 'InjectConnection' && (!type || /\bKnex\b/.test(type))),
      );
      if (!d) return undefined;
      const name = d.args[0]?.k === 'str' ? d.args[0].v : undefined;
      // A named NestJS connection (`@InjectConnection('analytics')`) is its own store.
      return name && name !== 'default' ? { store: name } : {};
    },
    // `transaction(trx => …)` gives a transaction; `with('cte', qb => …)` a builder on the same database.
    fromCallback: (method, paramIndex, client) => (CALLBACK_METHODS.has(method) && paramIndex === 0 ? client : undefined),
    memberKeepsClient: (name) => /^(knex|db|client|connection)$/.test(name),
    callKeepsClient: (method) => method === 'transaction' || method === 'transactionProvider',
    // Names only: `knex`, `this.knexConnection`, `trx` (project aliases like `type DbClient = Knex` are followed as types).
    nameHint: (name) => (/knex/i.test(name) || /^(trx|db|database)$/.test(name) ? {} : undefined),
  };
}
