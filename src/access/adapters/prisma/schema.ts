/**
 * Read one `.prisma` file with @mrleebo/prisma-ast into what carve needs:
 * models (physical names after `@map`/`@@map`/`@@schema`), their scalar
 * columns and relation fields, the datasource and the generator outputs.
 * A file that does not parse is retried block by block, so one broken model
 * costs only itself; each failure becomes a problem with its line.
 */
import { createRequire } from 'node:module';
import type { Attribute, BlockAttribute, Field, Value, getSchema as GetSchema } from '@mrleebo/prisma-ast';

// Loaded on first use: prisma-ast (with chevrotain) costs a quarter second of start-up, and most projects have no schema.
const require = createRequire(import.meta.url);
let parser: typeof GetSchema | undefined;
const getSchema: typeof GetSchema = (text) =>
  (parser ??= (require('@mrleebo/prisma-ast') as { getSchema: typeof GetSchema }).getSchema)(text);
import type { Problem } from '../../../model/result.js';

export interface RelationField {
  name: string;
  target: string; // model name
  list: boolean;
  /** `@relation(fields: …)`: this side holds the foreign key. */
  holdsKey: boolean;
  relationName?: string;
  line: number;
}

export interface PrismaModel {
  name: string;
  /** Physical table name: `@@map` or the model name, qualified by a non-public `@@schema`. */
  table: string;
  line: number;
  columns: string[];
  fields: { name: string; type: string; list: boolean; attributes: Attribute[]; line: number }[];
}

export interface ParsedSchema {
  path: string;
  models: PrismaModel[];
  hasDatasource: boolean;
  /** Generator `output` values, as written (relative to the schema file). */
  outputs: string[];
  /** Number of `generator` blocks (a client generator without output writes to @prisma/client). */
  generators: number;
  problems: Problem[];
}

const unquote = (v: unknown): string | undefined => (typeof v === 'string' ? v.replace(/^"(.*)"$/, '$1') : undefined);

function firstArg(attr: Attribute | BlockAttribute): Value | undefined {
  const a = attr.args?.[0]?.value;
  if (a && typeof a === 'object' && !Array.isArray(a) && a.type === 'keyValue') return undefined;
  return a as Value | undefined;
}

/** Line of each `model`/`view` header and of each field inside it, by scanning the text. */
function lineMap(text: string): Map<string, { line: number; fields: Map<string, number> }> {
  const map = new Map<string, { line: number; fields: Map<string, number> }>();
  let current: Map<string, number> | undefined;
  text.split('\n').forEach((raw, i) => {
    const header = /^\s*(model|view)\s+(\w+)\s*\{/.exec(raw);
    if (header) {
      current = new Map();
      map.set(header[2], { line: i + 1, fields: current });
      return;
    }
    if (/^\s*\}/.test(raw)) current = undefined;
    const field = current && /^\s*(\w+)\s+\S/.exec(raw);
    if (current && field && !current.has(field[1])) current.set(field[1], i + 1);
  });
  return map;
}

type Block = ReturnType<typeof getSchema>['list'][number];

function errorLine(err: unknown): number | undefined {
  const token = (err as { token?: { startLine?: number } }).token;
  return typeof token?.startLine === 'number' && Number.isFinite(token.startLine) ? token.startLine : undefined;
}

/** Top-level blocks as text with their first line, for the block-by-block retry. */
function splitBlocks(text: string): { text: string; line: number }[] {
  const blocks: { text: string; line: number }[] = [];
  const lines = text.split('\n');
  let start = -1;
  let depth = 0;
  lines.forEach((raw, i) => {
    const code = raw.replace(/\/\/.*$/, '');
    if (start === -1 && /^\s*\w+\s+\w+\s*\{/.test(code)) start = i;
    if (start === -1) return;
    depth += (code.match(/\{/g) ?? []).length - (code.match(/\}/g) ?? []).length;
    if (depth <= 0) {
      blocks.push({ text: lines.slice(start, i + 1).join('\n'), line: start + 1 });
      start = -1;
      depth = 0;
    }
  });
  if (start !== -1) blocks.push({ text: lines.slice(start).join('\n'), line: start + 1 });
  return blocks;
}

function parseBlocks(path: string, text: string, problems: Problem[]): Block[] {
  try {
    return getSchema(text).list;
  } catch (err) {
    const list: Block[] = [];
    for (const block of splitBlocks(text)) {
      try {
        list.push(...getSchema(block.text).list);
      } catch (inner) {
        const line = errorLine(inner);
        problems.push({
          path,
          line: line === undefined ? block.line : block.line + line - 1,
          source: 'prisma-schema',
          message: (inner as Error).message,
        });
      }
    }
    if (problems.length === 0) problems.push({ path, line: errorLine(err), source: 'prisma-schema', message: (err as Error).message });
    return list;
  }
}

export function parsePrismaSchema(path: string, raw: string): ParsedSchema {
  // prisma-ast rejects trailing blanks after `{` that Prisma itself accepts; line numbers stay.
  const text = raw.replace(/[ \t\r]+$/gm, '');
  const problems: Problem[] = [];
  const blocks = parseBlocks(path, text, problems);
  const lines = lineMap(text);
  const models: PrismaModel[] = [];
  let hasDatasource = false;
  let generators = 0;
  const outputs: string[] = [];
  for (const block of blocks) {
    if (block.type === 'datasource') hasDatasource = true;
    if (block.type === 'generator') {
      generators++;
      for (const a of block.assignments) {
        const out = a.type === 'assignment' && a.key === 'output' ? unquote(a.value) : undefined;
        if (out) outputs.push(out);
      }
    }
    if (block.type !== 'model' && block.type !== 'view') continue;
    const where = lines.get(block.name);
    let mapped = block.name;
    let schema: string | undefined;
    const fields: PrismaModel['fields'] = [];
    for (const p of block.properties) {
      if (p.type === 'attribute' && p.kind === 'object') {
        if (p.name === 'map') mapped = unquote(firstArg(p)) ?? mapped;
        if (p.name === 'schema') schema = unquote(firstArg(p));
      }
      if (p.type === 'field') {
        const f = p as Field;
        const type = typeof f.fieldType === 'string' ? f.fieldType : f.fieldType.name;
        fields.push({
          name: f.name,
          type,
          list: f.array === true,
          attributes: f.attributes ?? [],
          line: where?.fields.get(f.name) ?? where?.line ?? 1,
        });
      }
    }
    models.push({
      name: block.name,
      table: schema && schema !== 'public' ? `${schema}.${mapped}` : mapped,
      line: where?.line ?? 1,
      columns: [],
      fields,
    });
  }
  // Columns need the model names: a field whose type is another model is a relation, not a column.
  const names = new Set(models.map((m) => m.name));
  for (const m of models) {
    m.columns = m.fields
      .filter((f) => !names.has(f.type))
      .map(
        (f) => unquote(firstArg(f.attributes.find((a) => a.name === 'map') ?? { type: 'attribute', kind: 'field', name: 'map' })) ?? f.name,
      )
      .sort();
  }
  return { path, models, hasDatasource, outputs, generators, problems };
}

/** Relation fields of a model, given every model name of its store. */
export function relationFields(model: PrismaModel, modelNames: ReadonlySet<string>): RelationField[] {
  const out: RelationField[] = [];
  for (const f of model.fields) {
    if (!modelNames.has(f.type)) continue;
    const rel = f.attributes.find((a) => a.name === 'relation');
    let relationName: string | undefined;
    let holdsKey = false;
    for (const arg of rel?.args ?? []) {
      const v = arg.value;
      if (typeof v === 'string') relationName = unquote(v);
      else if (v && typeof v === 'object' && !Array.isArray(v) && v.type === 'keyValue') {
        if (v.key === 'name') relationName = unquote(v.value);
        if (v.key === 'fields') holdsKey = true;
      }
    }
    out.push({ name: f.name, target: f.type, list: f.list, holdsKey, relationName, line: f.line });
  }
  return out;
}
