/**
 * Group Prisma schema files into stores (databases) and declare their tables
 * and relations.
 *
 * Store rule:
 * - A schema file with a `datasource` block starts a store. A file without
 *   one (part of a multi-file schema, `prisma/schema/*.prisma`) joins the store
 *   whose root file sits in the nearest enclosing folder (else the only store).
 * - One store → it is the default store.
 * - Several stores → a store whose client generator has no `output` (its client
 *   is `@prisma/client`) is the default store; every other store is named after
 *   its root file's folder (`prisma/billing/schema.prisma` → `billing`), or after
 *   the file itself (`prisma/billing.prisma` → `billing`) when several roots
 *   share a folder; a remaining clash falls back to the file path.
 * - Schema copies that `prisma generate` writes into a generator output folder are skipped.
 */
import type { Problem, Relation, Table } from '../../../model/result.js';
import { posixDirname, posixJoin } from '../../../util/posix-path.js';
import { compareStrings } from '../../../util/sort.js';
import { parsePrismaSchema, relationFields, type ParsedSchema, type PrismaModel, type RelationField } from './schema.js';

export interface PrismaStore {
  name: string;
  root: string;
  /** Generator outputs resolved to project-relative paths. */
  outputs: string[];
  /** Its client is imported from `@prisma/client`. */
  defaultClient: boolean;
  /** Model name → table id. */
  tables: Map<string, string>;
}

/** A relation field as a query sees it: `include: { author: true }` reads `table`. */
export interface FieldTarget {
  table: string;
  /** The implicit many-to-many join table, when there is one. */
  join?: string;
}

/** Table id → relation field name → what it reaches. */
export type RelationMap = Map<string, Map<string, FieldTarget>>;

export interface PrismaSchemaModel {
  stores: PrismaStore[];
  tables: Table[];
  relations: Relation[];
  fields: RelationMap;
  problems: Problem[];
}

const isDefaultOutput = (out: string): boolean => /node_modules\/(@prisma|\.prisma)\/client\/?$/.test(out);
const baseName = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

function isInside(path: string, folder: string): boolean {
  return folder !== '.' && (path === folder || path.startsWith(`${folder}/`));
}

function groupFiles(parsed: ParsedSchema[]): ParsedSchema[][] {
  const roots = parsed.filter((p) => p.hasDatasource);
  if (roots.length <= 1) return parsed.length ? [[...(roots.length ? roots : []), ...parsed.filter((p) => !roots.includes(p))]] : [];
  const groups = new Map<ParsedSchema, ParsedSchema[]>(roots.map((r) => [r, [r]]));
  for (const p of parsed) {
    if (p.hasDatasource) continue;
    const dir = posixDirname(p.path);
    const owner = roots
      .filter((r) => posixDirname(r.path) === '.' || isInside(dir, posixDirname(r.path)))
      .sort((a, b) => posixDirname(b.path).length - posixDirname(a.path).length)[0];
    if (owner) groups.get(owner)?.push(p);
  }
  return [...groups.values()];
}

function storeNames(groups: ParsedSchema[][], defaultStore: string): string[] {
  if (groups.length === 1) return [defaultStore];
  const roots = groups.map((g) => g[0]);
  const defaults = roots.filter((r) => r.generators > 0 && r.outputs.every(isDefaultOutput));
  const folders = roots.map((r) => baseName(posixDirname(r.path)));
  const files = roots.map((r) => baseName(r.path).replace(/\.prisma$/, ''));
  const names = roots.map((r, i) => {
    if (defaults.length === 1 && defaults[0] === r) return defaultStore;
    const folderShared = folders.filter((f) => f === folders[i]).length > 1;
    return folderShared || folders[i] === '.' ? files[i] : folders[i];
  });
  return names.map((n, i) => (names.filter((x) => x === n).length > 1 ? roots[i].path.replace(/\.prisma$/, '') : n));
}

/** Prisma's implicit many-to-many table: `_AToB` (model names sorted) or `_<relation name>`, in the model's schema. */
function joinTableName(model: PrismaModel, field: RelationField): string {
  const pair = [model.name, field.target].sort(compareStrings);
  const schema = model.table.includes('.') ? `${model.table.split('.')[0]}.` : '';
  return `${schema}_${field.relationName ?? `${pair[0]}To${pair[1]}`}`;
}

/** Tables and relations of one store's models. */
function declare(
  store: string,
  files: ParsedSchema[],
  tables: Table[],
  relations: Relation[],
  ids: Map<string, string>,
  fields: RelationMap,
): void {
  const models: { model: PrismaModel; file: string }[] = [];
  for (const f of files) for (const model of f.models) if (!ids.has(model.name)) models.push({ model, file: f.path });
  const byName = new Map(models.map((m) => [m.model.name, m]));
  for (const { model, file } of models) {
    const id = `${store}:${model.table}`;
    ids.set(model.name, id);
    if (tables.some((t) => t.id === id)) continue;
    tables.push({
      id,
      store,
      name: model.table,
      orm: 'prisma',
      entity: model.name,
      declaredIn: `${file}:${model.line}`,
      columns: model.columns,
    });
  }
  const names = new Set(byName.keys());
  for (const { model, file } of models) {
    const from = ids.get(model.name) as string;
    for (const field of relationFields(model, names)) {
      const target = byName.get(field.target);
      if (!target) continue;
      const opposite = relationFields(target.model, names).find(
        (o) => o.target === model.name && o.relationName === field.relationName && (target.model !== model || o.name !== field.name),
      );
      const declaredIn = `${file}:${field.line}`;
      const own = fields.get(from) ?? new Map<string, FieldTarget>();
      fields.set(from, own);
      own.set(field.name, { table: ids.get(field.target) as string });
      const implicitJoin = field.list && opposite?.list && !field.holdsKey && !opposite.holdsKey;
      if (implicitJoin) own.set(field.name, { table: ids.get(field.target) as string, join: `${store}:${joinTableName(model, field)}` });
      if (field.holdsKey) {
        relations.push({
          from,
          to: ids.get(field.target) as string,
          kind: opposite?.list ? 'many-to-one' : 'one-to-one',
          field: field.name,
          declaredIn,
          orm: 'prisma',
        });
      } else if (field.list && opposite?.list && !opposite.holdsKey && compareStrings(model.name, field.target) <= 0) {
        // Implicit many-to-many: Prisma's join table `_AToB` (model names sorted) or `_<relation name>`.
        if (target.model === model && compareStrings(field.name, opposite.name) > 0) continue;
        const pair = [model.name, field.target].sort(compareStrings);
        const name = joinTableName(model, field);
        const joinId = `${store}:${name}`;
        if (!tables.some((t) => t.id === joinId)) tables.push({ id: joinId, store, name, orm: 'prisma', declaredIn, columns: ['A', 'B'] });
        for (const side of pair)
          relations.push({ from: joinId, to: ids.get(side) as string, kind: 'many-to-many', field: field.name, declaredIn, orm: 'prisma' });
      }
    }
  }
}

export function readPrismaSchemas(files: readonly { path: string; text: string }[], defaultStore: string): PrismaSchemaModel {
  const parsed = [...files].sort((a, b) => compareStrings(a.path, b.path)).map((f) => parsePrismaSchema(f.path, f.text));
  const problems = parsed.flatMap((p) => p.problems);
  const outputsOf = (p: ParsedSchema): string[] => p.outputs.map((o) => posixJoin(posixDirname(p.path), o));
  const allOutputs = parsed.flatMap(outputsOf).filter((o) => !o.startsWith('..'));
  const kept = parsed.filter((p) => !allOutputs.some((o) => isInside(p.path, o)));
  const groups = groupFiles(kept);
  const names = storeNames(groups, defaultStore);
  const tables: Table[] = [];
  const relations: Relation[] = [];
  const fields: RelationMap = new Map();
  const stores = groups.map((group, i) => {
    const ids = new Map<string, string>();
    declare(names[i], group, tables, relations, ids, fields);
    const outputs = group.flatMap(outputsOf);
    const defaultClient = groups.length === 1 || (group[0].generators > 0 && group[0].outputs.every(isDefaultOutput));
    return { name: names[i], root: group[0].path, outputs, defaultClient, tables: ids };
  });
  return { stores, tables, relations, fields, problems };
}
