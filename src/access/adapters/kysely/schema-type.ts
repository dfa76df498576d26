/**
 * Tables from the database type a Kysely instance is created with:
 * `new Kysely<DB>(…)`, `db: Kysely<DB>`, `class Database extends Kysely<DB>`.
 * `DB` (an interface or `type DB = { … }`, followed through imports and
 * aliases, as kysely-codegen writes it) lists the tables as its keys; a key's
 * type, when it names an interface too, gives the columns. declaredIn is the
 * line of the `DB` declaration (members carry no line of their own).
 */
import type { FileFacts } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';
import { typeDeclaration, type TypeRef } from '../../type-alias.js';
import type { TableRegistry } from '../knex/table-registry.js';
import type { KyselyInstances } from './client-rules.js';

const MAX_ALIAS_HOPS = 4;

/** The interface or alias a type name refers to from `file`, aliases followed. */
function resolveType(index: ProjectIndex, file: string, name: string, hops = 0): TypeRef | undefined {
  if (hops > MAX_ALIAS_HOPS) return undefined;
  const ref = typeDeclaration(index, file, name);
  if (ref?.type.aliasOf && !ref.type.members?.length) {
    const target = /^[\w$]+$/.exec(ref.type.aliasOf.trim())?.[0];
    return target ? resolveType(index, ref.file, target, hops + 1) : undefined;
  }
  return ref;
}

/** The type arguments of Kysely instances in a file: `Kysely<DB>`, `Transaction<DB>`, `new Kysely<DB>()`. */
function dbTypeNames(facts: FileFacts, kyselyNames: ReadonlySet<string>): Set<string> {
  const names = new Set<string>();
  const heads = [...kyselyNames].map((n) => n.replace(/[$.]/g, '\\$&')).join('|');
  const typed = new RegExp(`(?:^|[^\\w$.])(?:${heads})\\s*<\\s*([\\w$]+)\\s*>`, 'g');
  const read = (text: string | undefined): void => {
    for (const m of (text ?? '').matchAll(typed)) names.add(m[1]);
  };
  for (const v of facts.variables) read(v.type);
  for (const fn of facts.functions) for (const p of fn.params) read(p.type);
  for (const cls of facts.classes) {
    read(cls.extends);
    for (const m of cls.members) {
      read(m.type);
      for (const p of m.params ?? []) read(p.type);
    }
  }
  for (const c of facts.calls) {
    if (c.typeArgs.length && kyselyNames.has(c.callee.replace(/^new\s+/, ''))) names.add(c.typeArgs[0].trim());
  }
  return names;
}

/** Columns of a table type: a named interface's members, or the keys of a flat inline `{ id: number; … }`. */
function columnsOf(index: ProjectIndex, file: string, type: string): string[] | undefined {
  if (/^[\w$]+$/.test(type)) return resolveType(index, file, type)?.type.members?.map((m) => unquote(m.name));
  const inline = /^\{([^{}]*)\}$/.exec(type)?.[1];
  return inline ? [...inline.matchAll(/(?:^|[;,])\s*(?:readonly\s+)?(['"]?)([\w$]+)\1\??\s*:/g)].map((m) => m[2]) : undefined;
}

const unquote = (name: string): string => name.replace(/^['"`]|['"`]$/g, '');

/** Declare the keys of every Kysely database type in the project. */
export function declareSchemaTypes(
  index: ProjectIndex,
  files: readonly FileFacts[],
  kyselyNamesOf: (facts: FileFacts) => ReadonlySet<string>,
  instances: KyselyInstances,
  registry: TableRegistry,
  defaultStore: string,
): void {
  const seen = new Set<string>();
  for (const facts of files) {
    const names = kyselyNamesOf(facts);
    if (names.size === 0) continue;
    for (const typeName of [...dbTypeNames(facts, names)].sort()) {
      const db = resolveType(index, facts.path, typeName);
      if (!db?.type.members) continue;
      const key = `${db.file}#${db.type.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const store = instances.byType.get(typeName) ?? defaultStore;
      for (const member of db.type.members) {
        const columns = columnsOf(index, db.file, member.type?.trim() ?? '');
        registry.declare(store, unquote(member.name), `${db.file}:${db.type.line}`, columns);
      }
    }
  }
}
