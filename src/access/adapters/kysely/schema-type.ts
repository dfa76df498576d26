/**
 * Tables from the database type a Kysely instance is created with:
 * `new Kysely<DB>(…)`, `db: Kysely<DB>`, `class Database extends Kysely<DB>`.
 * `DB` (an interface or `type DB = { … }`, followed through imports,
 * aliases, `extends` and intersections, as kysely-codegen and hand-written
 * schemas write it) lists the tables as its keys; a key's type, named or
 * inline, gives the columns. declaredIn is the line of the type declaring
 * the key (members carry no line of their own). The type often mirrors a
 * schema another tool owns (prisma-kysely, kysely-codegen), so these tables
 * are provisional: a migration or another adapter's schema declares them for real.
 */
import type { FileFacts } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';
import { typeDeclaration } from '../../core/type-alias.js';
import type { TableRegistry } from '../../core/table-registry.js';
import type { KyselyInstances } from './client-rules.js';

const MAX_ALIAS_HOPS = 4;

interface TableMember {
  name: string;
  type: string;
  /** Where the type declaring it lives, to resolve the member's type and to place the table. */
  file: string;
  line: number;
}

/**
 * The keys of the database type `name` refers to from `file`: its members,
 * those of the interfaces it extends, and of every part of an intersection
 * alias (`type Db = AuthDatabase & { tasks: TasksTable }`); aliases followed.
 */
function dbMembers(index: ProjectIndex, file: string, name: string, hops = 0): TableMember[] {
  if (hops > MAX_ALIAS_HOPS) return [];
  const ref = typeDeclaration(index, file, name);
  if (!ref) return [];
  const at = { file: ref.file, line: ref.type.line };
  const own = (ref.type.members ?? []).map((m) => ({ name: unquote(m.name), type: m.type?.trim() ?? '', ...at }));
  const inherited = (ref.type.extends ?? []).flatMap((base) => partMembers(index, ref.file, base, at, hops));
  const aliased = ref.type.aliasOf
    ? splitTopLevel(ref.type.aliasOf, '&').flatMap((part) => partMembers(index, ref.file, part, at, hops))
    : [];
  return [...own, ...inherited, ...aliased];
}

/** One part of an intersection or heritage list: a named type, or an inline `{ … }` literal. */
function partMembers(index: ProjectIndex, file: string, part: string, at: { file: string; line: number }, hops: number): TableMember[] {
  const text = part.trim();
  if (/^[\w$]+$/.test(text)) return dbMembers(index, file, text, hops + 1);
  return inlineMembers(text).map((m) => ({ ...m, ...at }));
}

/** `{ id: number; 'audit_log': X }` → its top-level keys with their type text. */
function inlineMembers(text: string): { name: string; type: string }[] {
  const body = /^\{([\s\S]*)\}$/.exec(text.trim())?.[1];
  if (body === undefined) return [];
  return splitTopLevel(body, ';,\n').flatMap((entry) => {
    const m = /^\s*(?:readonly\s+)?(['"`]?)([\w$.-]+)\1\??\s*:([\s\S]*)$/.exec(entry);
    return m ? [{ name: m[2], type: m[3].trim() }] : [];
  });
}

/** Split on any of `separators` outside braces, brackets, parentheses and angle brackets. */
function splitTopLevel(text: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if ('{[(<'.includes(ch)) depth++;
    else if ('}])>'.includes(ch)) depth--;
    if (depth === 0 && separators.includes(ch)) {
      if (current.trim()) parts.push(current);
      current = '';
    } else current += ch;
  }
  if (current.trim()) parts.push(current);
  return parts;
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

/** Columns of a table type: a named interface's members, or the keys of an inline `{ id: number; … }`. */
function columnsOf(index: ProjectIndex, file: string, type: string): string[] | undefined {
  const columns = /^[\w$]+$/.test(type) ? dbMembers(index, file, type).map((m) => m.name) : inlineMembers(type).map((m) => m.name);
  return columns.length ? columns : undefined;
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
      const members = dbMembers(index, facts.path, typeName);
      const key = members.map((m) => `${m.file}:${m.line}#${m.name}`).join('|');
      if (members.length === 0 || seen.has(key)) continue;
      seen.add(key);
      const store = instances.byType.get(typeName) ?? defaultStore;
      for (const m of members) registry.declareProvisional(store, m.name, `${m.file}:${m.line}`, columnsOf(index, m.file, m.type));
    }
  }
}
