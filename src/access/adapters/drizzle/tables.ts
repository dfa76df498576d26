/**
 * Drizzle tables: `pgTable/mysqlTable/sqliteTable/singlestoreTable('name', …)`,
 * `pgSchema('s').table('name', …)` (named `s.name`) and table creators
 * (`pgTableCreator((n) => \`app_${n}\`)`). Code refers to a table by the
 * variable holding it, so each table is keyed by `file#variable`.
 */
import type { ArgFact, CallFact, FileFacts } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';
import type { Table } from '../../../model/result.js';

export interface DrizzleTable {
  key: string; // `file#variable`
  variable: string;
  table: Table;
  file: string;
  callId: number;
}

const TABLE_FNS = new Set(['pgTable', 'mysqlTable', 'sqliteTable', 'singlestoreTable', 'gelTable', 'mssqlTable', 'cockroachTable']);
const SCHEMA_FNS = new Set(['pgSchema', 'mysqlSchema', 'singlestoreSchema', 'gelSchema', 'mssqlSchema', 'cockroachSchema']);
const CREATOR_FNS = new Set(['pgTableCreator', 'mysqlTableCreator', 'sqliteTableCreator', 'singlestoreTableCreator', 'gelTableCreator']);

/** How a callable turns a table name into the physical one. */
type Namer = (name: string) => string;

/** Is `callee` in `file` one of drizzle's functions in `names` (also under an import alias)? */
function drizzleFn(index: ProjectIndex, file: string, callee: string, names: Set<string>): boolean {
  if (names.has(callee)) return true;
  if (callee.includes('.') || callee.includes('(')) return false;
  // Only an import from drizzle-orm can alias one of its functions; skip the lookup otherwise.
  const facts = index.files.get(file);
  if (!facts?.imports.some((i) => i.specifier.startsWith('drizzle-orm') && i.names.some((n) => n.local === callee))) return false;
  const r = index.resolveName(file, callee);
  return r?.kind === 'external' && r.package.startsWith('drizzle-orm') && names.has(r.name);
}

/**
 * `(name) => \`prefix_${name}\`` → prefix + name + suffix. A prefix that
 * comes from configuration (`${env.DB_PREFIX}_${name}`) or a body we cannot
 * read leaves the name as the code writes it.
 */
function creatorNamer(fn: ArgFact | undefined): Namer {
  const ret = fn?.k === 'fn' ? fn.ret : undefined;
  if (fn?.k !== 'fn' || ret?.k !== 'tpl' || ret.exprs.length !== 1 || ret.exprs[0] !== fn.params[0]) return (name) => name;
  const [before, after] = ret.parts;
  return (name) => `${before}${name}${after}`;
}

const columnsOf = (arg: ArgFact | undefined): string[] => {
  const obj = arg?.k === 'fn' ? arg.ret : arg;
  return obj?.k === 'obj' ? Object.keys(obj.props).sort() : [];
};

export function findTables(
  index: ProjectIndex,
  files: readonly FileFacts[],
  storeOf: (file: string, variable: string) => string,
): DrizzleTable[] {
  // Namers bound to variables: schemas (`s.table`) and creators, keyed `file#variable`.
  const namers = new Map<string, Namer>();
  for (const file of files) {
    for (const call of file.calls) {
      if (!call.assignedTo || call.symbol !== '<module>') continue;
      const key = `${file.path}#${call.assignedTo}`;
      if (drizzleFn(index, file.path, call.callee, SCHEMA_FNS) && call.args[0]?.k === 'str') {
        const schema = call.args[0].v;
        namers.set(key, (name) => (schema === 'public' ? name : `${schema}.${name}`));
      } else if (drizzleFn(index, file.path, call.callee, CREATOR_FNS)) {
        namers.set(key, creatorNamer(call.args[0]));
      }
    }
  }
  const namerNames = new Set([...namers.keys()].map((k) => k.slice(k.indexOf('#') + 1)));
  const namerOf = (file: string, ref: string): Namer | undefined => {
    // Imports may rename, but a creator is almost always imported under its own name.
    if (!namerNames.has(ref)) return undefined;
    const local = namers.get(`${file}#${ref}`);
    if (local) return local;
    const r = index.resolveName(file, ref);
    return r?.kind === 'internal' ? namers.get(`${r.file}#${r.name}`) : undefined;
  };
  const tables: DrizzleTable[] = [];
  for (const file of files) {
    for (const call of file.calls) {
      const namer = tableNamer(index, file, call, namerOf);
      const name = namer && call.args[0]?.k === 'str' ? namer(call.args[0].v) : undefined;
      if (!name) continue;
      const variable = call.assignedTo ?? '';
      const store = storeOf(file.path, variable);
      const columns = columnsOf(call.args[1]);
      tables.push({
        key: `${file.path}#${variable}`,
        variable,
        file: file.path,
        callId: call.id,
        table: {
          id: `${store}:${name}`,
          store,
          name,
          orm: 'drizzle',
          ...(variable ? { entity: variable } : {}),
          declaredIn: `${file.path}:${call.line}`,
          ...(columns.length ? { columns } : {}),
        },
      });
    }
  }
  return tables;
}

function tableNamer(
  index: ProjectIndex,
  file: FileFacts,
  call: CallFact,
  namerOf: (file: string, ref: string) => Namer | undefined,
): Namer | undefined {
  // `export const pgTable = pgTableCreator(…)` shadows the builtin name.
  const shadow = /^[\w$]+$/.test(call.callee) ? namerOf(file.path, call.callee) : undefined;
  if (shadow) return shadow;
  if (drizzleFn(index, file.path, call.callee, TABLE_FNS)) return (n) => n;
  if (call.callee.endsWith('.table')) return namerOf(file.path, call.callee.slice(0, -'.table'.length));
  if (/^[\w$]+$/.test(call.callee)) return namerOf(file.path, call.callee);
  return undefined;
}
