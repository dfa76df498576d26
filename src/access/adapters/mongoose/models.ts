/**
 * Mongoose models → collections: `model('User', schema[, 'coll'])` on
 * mongoose or a connection, NestJS `MongooseModule.forFeature([{ name, schema }],
 * connectionName?)` with `@Schema({ collection })` classes, and Typegoose's
 * `getModelForClass(User)`. Store: the connection's name (variable of
 * `createConnection`/`useDb`, or NestJS `connectionName`) when the code uses
 * more than one, else the default store.
 */
import type { ArgFact, ClassFact, FileFacts } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';
import type { Table } from '../../../model/result.js';
import type { AdapterInput } from '../../adapter.js';
import { propOf, refOf, strOf } from './arg-facts.js';
import { toCollectionName } from './collection-name.js';
import { importsMongoose, splitCallee } from './receivers.js';

export interface MongooseModel {
  modelName: string;
  table: Table;
  /** Bindings holding the model, `file#name`. */
  keys: string[];
  names: string[];
  /** Types its documents are declared with (`model<IUserDocument>`, `UserDocument`, the @Schema class). */
  docTypes: string[];
  /** Field definitions: a schema object literal or the @Prop members of a class. */
  fields?: { file: string; obj?: ArgFact; cls?: ClassFact };
  connection?: string;
}

export interface ModelRegistry {
  models: MongooseModel[];
  byKey: Map<string, MongooseModel>;
  byName: Map<string, MongooseModel[]>;
  byDocType: Map<string, MongooseModel[]>;
}

interface Draft {
  modelName: string;
  collection?: string;
  connection?: string; // NestJS connection name or connection variable
  file: FileFacts;
  line: number;
  keys: string[];
  variable?: string;
  fields?: MongooseModel['fields'];
  typeArg?: string;
}

/**
 * A NestJS connection name: `'billing'`, or a constant holding it
 * (`BILLING_DB`, through imports). An enum member or an unreadable value
 * keeps its text, so the same reference always names the same store.
 */
export function connectionNameOf(index: ProjectIndex, file: FileFacts, arg: ArgFact | undefined): string | undefined {
  if (!arg) return undefined;
  if (arg.k === 'str') return arg.v;
  if (arg.k !== 'id' && arg.k !== 'member') return undefined;
  const r = arg.k === 'id' ? index.resolveName(file.path, arg.v) : undefined;
  const declaring = r?.kind === 'internal' ? index.files.get(r.file) : undefined;
  const constant = declaring?.variables.find((v) => v.name === (r?.kind === 'internal' ? r.name : '') && v.scope === '<module>');
  return constant?.init?.k === 'str' ? constant.init.v : arg.v;
}

/** The model name an argument gives: `'User'`, `User.name`, or a string constant. */
export function modelNameOf(file: FileFacts, arg: ArgFact | undefined): string | undefined {
  if (arg?.k === 'str') return arg.v;
  if (arg?.k === 'member' && arg.v.endsWith('.name')) return arg.v.slice(0, -5).split('.').pop();
  if (arg?.k === 'id') {
    const v = file.variables.find((x) => x.name === arg.v && x.scope === '<module>');
    if (v?.init?.k === 'str') return v.init.v;
  }
  return undefined;
}

interface SchemaInfo {
  collection?: string;
  fields?: MongooseModel['fields'];
}

/** What a schema reference (`UserSchema`) was built from: `new Schema(fields, opts)` or `SchemaFactory.createForClass(X)`. */
function schemaInfo(index: ProjectIndex, files: Map<string, FileFacts>, file: FileFacts, arg: ArgFact | undefined, depth = 0): SchemaInfo {
  if (!arg || depth > 3) return {};
  if (arg.k === 'call') {
    if (/(^|\.)Schema$/.test(arg.callee.replace(/^new /, ''))) {
      return { collection: strOf(propOf(arg.args[1], 'collection')), fields: { file: file.path, obj: arg.args[0] } };
    }
    if (arg.callee.endsWith('createForClass')) {
      const clsName = refOf(arg.args[0]);
      const ref = clsName ? index.resolveClass(file.path, clsName) : undefined;
      if (ref) return classSchema(ref.file, ref.cls);
    }
    return {};
  }
  const ref = refOf(arg);
  if (!ref) return {};
  const r = index.resolveName(file.path, ref);
  const target = r?.kind === 'internal' ? files.get(r.file) : undefined;
  const name = r?.kind === 'internal' ? r.name : ref;
  const facts = target ?? file;
  const v = facts.variables.find((x) => x.name === name && x.scope === '<module>') ?? file.variables.find((x) => x.name === ref);
  return v?.init ? schemaInfo(index, files, facts, v.init, depth + 1) : {};
}

function classSchema(file: string, cls: ClassFact): SchemaInfo {
  const schema = cls.decorators.find((d) => d.name === 'Schema' || d.name === 'modelOptions');
  const options = schema?.name === 'modelOptions' ? propOf(schema.args[0], 'schemaOptions') : schema?.args[0];
  return { collection: strOf(propOf(options, 'collection')), fields: { file, cls } };
}

export function findModels(input: AdapterInput): ModelRegistry {
  const files = new Map(input.files.map((f) => [f.path, f]));
  const connections = findConnections(input.files);
  const pluralization = !input.files.some((f) =>
    f.calls.some(
      (c) =>
        /(^|\.)set$/.test(c.callee) && strOf(c.args[0]) === 'pluralize' && c.args[1]?.k === 'other' && /null|false/.test(c.args[1].text),
    ),
  );
  const drafts: Draft[] = [];
  for (const file of input.files) {
    const mongooseFile = importsMongoose(file);
    for (const cls of file.classes) {
      for (const d of cls.decorators) {
        for (const feature of d.args.flatMap((a) => decoratorFeatureCalls(a)))
          drafts.push(...featureDrafts(input.index, files, file, feature.args, cls.line));
      }
    }
    for (const call of file.calls) {
      const parts = splitCallee(call.callee);
      const method = parts?.method ?? call.callee;
      const recv = parts?.recv;
      const moduleKeys = (): string[] => {
        if (call.symbol !== '<module>') return [];
        if (call.assignedTo) return [`${file.path}#${call.assignedTo}`];
        return file.exports.some((e) => e.name === 'default' && !e.local) ? [`${file.path}#default`] : [];
      };
      if (method === 'model' && call.args.length >= 2) {
        const connection = recv && recv !== 'mongoose' ? connectionOf(input.index, connections, file.path, recv) : undefined;
        if (!mongooseFile && !connection) continue;
        const modelName = modelNameOf(file, call.args[0]);
        if (!modelName) continue;
        const info = schemaInfo(input.index, files, file, call.args[1]);
        drafts.push({
          modelName,
          collection: strOf(call.args[2]) ?? info.collection,
          connection,
          file,
          line: call.line,
          keys: moduleKeys(),
          variable: call.assignedTo,
          fields: info.fields,
          typeArg: call.typeArgs[0],
        });
      } else if (method === 'forFeature' || method === 'forFeatureAsync') {
        drafts.push(...featureDrafts(input.index, files, file, call.args, call.line));
      } else if (call.callee === 'getModelForClass' || call.callee.endsWith('.getModelForClass')) {
        const clsName = refOf(call.args[0]);
        const ref = clsName ? input.index.resolveClass(file.path, clsName) : undefined;
        if (!clsName) continue;
        const info = ref ? classSchema(ref.file, ref.cls) : {};
        const options = propOf(call.args[1], 'schemaOptions');
        drafts.push({
          modelName: clsName,
          collection: strOf(propOf(options, 'collection')) ?? info.collection,
          file,
          line: call.line,
          keys: moduleKeys(),
          variable: call.assignedTo,
          fields: info.fields,
        });
      }
    }
  }
  const stores = new Set(drafts.map((d) => d.connection ?? ''));
  const storeOf = (d: Draft): string => (stores.size > 1 && d.connection ? d.connection : input.storeOf(d.file.path));
  const models: MongooseModel[] = drafts.map((d) => {
    const name = d.collection ?? toCollectionName(d.modelName, pluralization);
    const store = storeOf(d);
    return {
      modelName: d.modelName,
      keys: d.keys,
      names: [...new Set([d.modelName, ...(d.variable && !d.variable.includes('.') ? [d.variable] : [])])],
      docTypes: [
        ...new Set([
          `${d.modelName}Document`,
          ...(d.typeArg ? [d.typeArg.replace(/<[\s\S]*$/, '').trim()] : []),
          ...(d.fields?.cls ? [d.fields.cls.name, `${d.fields.cls.name}Document`] : []),
        ]),
      ],
      fields: d.fields,
      connection: d.connection,
      table: {
        id: `${store}:${name}`,
        store,
        name,
        orm: 'mongoose',
        entity: d.modelName,
        declaredIn: `${d.file.path}:${d.line}`,
        ...columnsOf(d.fields),
      },
    };
  });
  return registryOf(models);
}

/** `MongooseModule.forFeature([{ name, schema, collection? }], connectionName?)` entries. */
function featureDrafts(index: ProjectIndex, files: Map<string, FileFacts>, file: FileFacts, args: ArgFact[], line: number): Draft[] {
  const list = args[0];
  if (list?.k !== 'arr') return [];
  const connection = connectionNameOf(index, file, args[1]);
  const drafts: Draft[] = [];
  for (const item of list.items) {
    const modelName = modelNameOf(file, propOf(item, 'name'));
    if (!modelName) continue;
    let info = schemaInfo(index, files, file, propOf(item, 'schema'));
    if (!info.fields) {
      // forFeatureAsync builds the schema in a factory: fall back to the @Schema class of that name.
      const cls = index.classesByName(modelName).find((c) => c.cls.decorators.some((d) => d.name === 'Schema'));
      if (cls) info = classSchema(cls.file, cls.cls);
    }
    const at = info.fields?.cls ? files.get(info.fields.file) : undefined;
    drafts.push({
      modelName,
      collection: strOf(propOf(item, 'collection')) ?? info.collection,
      connection,
      file: at ?? file,
      line: at && info.fields?.cls ? info.fields.cls.line : line,
      keys: [],
      fields: info.fields,
    });
  }
  return drafts;
}

/** forFeature calls inside decorator arguments (`@Module({ imports: [MongooseModule.forFeature([…])] })`). */
function decoratorFeatureCalls(arg: ArgFact, out: { args: ArgFact[] }[] = []): { args: ArgFact[] }[] {
  if (arg.k === 'call' && /(^|\.)forFeature(Async)?$/.test(arg.callee)) out.push({ args: arg.args });
  else if (arg.k === 'call') arg.args.forEach((a) => decoratorFeatureCalls(a, out));
  else if (arg.k === 'arr') arg.items.forEach((a) => decoratorFeatureCalls(a, out));
  else if (arg.k === 'obj') Object.values(arg.props).forEach((a) => decoratorFeatureCalls(a, out));
  return out;
}

function columnsOf(fields: MongooseModel['fields']): { columns?: string[] } {
  const names =
    fields?.obj?.k === 'obj'
      ? Object.keys(fields.obj.props)
      : (fields?.cls?.members.filter((m) => m.decorators.some((d) => /^[pP]rop$/.test(d.name))).map((m) => m.name) ?? []);
  return names.length ? { columns: [...names].sort() } : {};
}

/** Connection variables: `const conn = mongoose.createConnection(uri)` / `mongoose.connection.useDb('x')`. */
function findConnections(files: readonly FileFacts[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of files) {
    for (const call of file.calls) {
      if (!/(^|\.)(createConnection|useDb)$/.test(call.callee)) continue;
      const holder = (call.outer !== undefined ? outermostAssigned(file, call.id) : call.assignedTo)?.replace(/^this\./, '');
      if (holder) found.set(`${file.path}#${call.assignedTo ?? holder}`, holder);
    }
  }
  return found;
}

function outermostAssigned(file: FileFacts, id: number): string | undefined {
  let c = file.calls[id];
  while (c.outer !== undefined) c = file.calls[c.outer];
  return c.assignedTo;
}

/** The connection a receiver (`conn`, `db.conn`) names, through imports. */
export function connectionOf(index: ProjectIndex, connections: Map<string, string>, file: string, recv: string): string | undefined {
  const local = connections.get(`${file}#${recv}`);
  if (local) return local;
  const r = index.resolveName(file, recv);
  return r?.kind === 'internal' ? connections.get(`${r.file}#${r.name}`) : undefined;
}

function registryOf(all: MongooseModel[]): ModelRegistry {
  // One model registered in several modules (forFeature per module) is one collection.
  const byId = new Map<string, MongooseModel>();
  for (const m of all) {
    const seen = byId.get(m.table.id);
    if (!seen) byId.set(m.table.id, m);
    else {
      seen.keys = [...new Set([...seen.keys, ...m.keys])];
      seen.names = [...new Set([...seen.names, ...m.names])];
      seen.fields ??= m.fields;
      seen.docTypes = [...new Set([...seen.docTypes, ...m.docTypes])];
    }
  }
  const models = [...byId.values()].sort((a, b) => a.table.id.localeCompare(b.table.id));
  const byKey = new Map<string, MongooseModel>();
  const byName = new Map<string, MongooseModel[]>();
  const byDocType = new Map<string, MongooseModel[]>();
  for (const m of models) {
    for (const k of m.keys) byKey.set(k, m);
    for (const n of m.names) byName.set(n, [...(byName.get(n) ?? []), m]);
    for (const t of m.docTypes) byDocType.set(t, [...(byDocType.get(t) ?? []), m]);
  }
  return { models, byKey, byName, byDocType };
}
