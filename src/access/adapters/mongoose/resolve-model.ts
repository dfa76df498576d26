/**
 * Which model a receiver names: a model binding (through imports), an
 * injected `@InjectModel(User.name[, 'conn'])` member, `mongoose.model('User')`
 * or `conn.model('User')`, or a document from `new User()` / `User.findById()`
 * earlier in the same function.
 */
import type { ArgFact, CallFact, FileFacts } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';
import { refOf } from './arg-facts.js';
import { connectionNameOf, type ModelRegistry, type MongooseModel, modelNameOf } from './models.js';
import { enclosingClass, findMember } from './receivers.js';
import type { UnresolvedReason } from '../../../model/result.js';

export type ModelRef = { model: MongooseModel } | { unresolved: UnresolvedReason; detail: string } | undefined;

/** A model by name, preferring one on the given connection. */
function byName(registry: ModelRegistry, name: string, connection?: string): MongooseModel | undefined {
  const hits = registry.byName.get(name) ?? [];
  if (hits.length === 1) return hits[0];
  return connection ? hits.find((m) => m.connection === connection) : hits.find((m) => !m.connection);
}

export function modelByRef(index: ProjectIndex, registry: ModelRegistry, file: string, text: string): MongooseModel | undefined {
  const r = index.resolveName(file, text);
  if (r?.kind === 'internal') {
    const hit = registry.byKey.get(`${r.file}#${r.name}`);
    if (hit) return hit;
    // Declared in the project as something else (a class of the same name): not a model.
    if (declares(index, r.file, r.name)) return undefined;
  }
  const local = registry.byKey.get(`${file}#${text}`);
  if (local) return local;
  // `const User = require('./user.model')` (CommonJS) and `db.User`: fall back to a unique name.
  const segments = text.split('.');
  if (segments.length > 1 && !viaModelHolder(index, file, segments)) return undefined;
  // A bare lower-case local may name a model only in a file that works with Mongoose.
  if (
    segments.length === 1 &&
    !r &&
    !/^[A-Z]/.test(text) &&
    !index.files.get(file)?.imports.some((i) => /^(mongoose|@nestjs\/mongoose|@typegoose\/typegoose)$/.test(i.specifier))
  ) {
    return undefined;
  }
  return byName(registry, segments[segments.length - 1]);
}

/** `Model<CatDocument>` / `ReturnModelType<typeof Cat>` → `Cat`. */
function modelTypeTarget(type: string | undefined): string | undefined {
  const m =
    /^(?:mongoose\.)?(?:Model|ReturnModelType|PaginateModel|SoftDeleteModel|AggregatePaginateModel)\s*<\s*(?:typeof\s+)?([\w.]+)/.exec(
      type?.trim() ?? '',
    );
  return (
    m?.[1]
      .split('.')
      .pop()
      ?.replace(/(Document|Doc|Schema|Entity|Model)$/, '') || undefined
  );
}

export function resolveStatic(index: ProjectIndex, registry: ModelRegistry, file: FileFacts, call: CallFact, recv: string): ModelRef {
  if (/(^|\.)model\(\)$/.test(recv) && call.receiver !== undefined) {
    const lookup = file.calls[call.receiver];
    if (lookup.args.length !== 1) return undefined;
    const name = modelNameOf(file, lookup.args[0]);
    const model = name ? byName(registry, name) : undefined;
    return model ? { model } : { unresolved: name ? 'unknown-model' : 'dynamic-model', detail: recv };
  }
  if (recv.includes('(') || recv.includes('[')) return undefined;
  // The native collection behind a model (`User.collection.aggregate(…)`) is the same collection.
  if (recv.endsWith('.collection')) return resolveStatic(index, registry, file, call, recv.slice(0, -'.collection'.length));
  if (recv.startsWith('this.') && recv.split('.').length === 2) return resolveMember(index, registry, file, call, recv.slice(5));
  const model = modelByRef(index, registry, file.path, recv);
  return model ? { model } : undefined;
}

function resolveMember(index: ProjectIndex, registry: ModelRegistry, file: FileFacts, call: CallFact, name: string): ModelRef {
  const cls = enclosingClass(file, call);
  const found = cls && findMember(index, file.path, cls, name);
  if (!found) return undefined;
  const { member } = found;
  const inject = member.decorators.find((d) => d.name === 'InjectModel');
  const facts = index.files.get(found.file) ?? file;
  const injected = inject && (modelNameOf(facts, inject.args[0]) ?? refOf(inject.args[0]));
  const target = injected ?? modelTypeTarget(member.type);
  if (target) {
    const model =
      byName(registry, target, inject ? connectionNameOf(index, facts, inject.args[1]) : undefined) ??
      (injected ? undefined : modelByRef(index, registry, found.file, target));
    if (model) return { model };
  }
  if (inject || modelTypeTarget(member.type) !== undefined || /^(mongoose\.)?Model\b/.test(member.type ?? '')) {
    // A type parameter (`Model<T>`, `Model<T_DBModel>`) is declared nowhere: its subclasses bind the model.
    const typeArg = /<\s*(?:typeof\s+)?([\w$]+)/.exec(member.type ?? '')?.[1];
    const generic =
      !target ||
      /^[A-Z]$|^T[A-Z_]\w*$/.test(target) ||
      (!injected && typeArg !== undefined && /^[A-Z]/.test(typeArg) && !index.resolveName(found.file, typeArg));
    return { unresolved: generic ? 'generic-model' : 'unknown-model', detail: `this.${name}: ${member.type ?? '@InjectModel'}` };
  }
  return undefined;
}

const DOCUMENT_SOURCES = new Set(['findOne', 'findById', 'create', 'findOneAndUpdate', 'findByIdAndUpdate', 'hydrate']);
/** Statics a project declares on its schema that hand back a document: `User.build(attrs)` (a typed `new User`), `Ticket.findByEvent(e)`. */
export const CUSTOM_DOCUMENT_SOURCE = /^(build|make)$|^find[A-Z]\w*$/;

/** A document variable: `const doc = new User(data)` or `const doc = await User.findById(id)` in the same function. */
export function resolveDocument(
  index: ProjectIndex,
  registry: ModelRegistry,
  file: FileFacts,
  call: CallFact,
  recv: string,
): MongooseModel | undefined {
  if (recv.startsWith('new ') && call.receiver !== undefined) return constructed(index, registry, file, file.calls[call.receiver]);
  const typed = documentType(index, file, call, recv);
  if (typed) {
    const hits = registry.byDocType.get(typed);
    if (hits?.length === 1) return hits[0];
  }
  if (!/^[\w$]+$/.test(recv)) return undefined;
  for (const other of file.calls) {
    if (other.symbol !== call.symbol || other.assignedTo !== recv || other.id >= call.id) continue;
    // Down the chain (`Model.findById(id).lean()`): the first call that yields documents.
    for (let inner: CallFact | undefined = other; inner; inner = inner.receiver !== undefined ? file.calls[inner.receiver] : undefined) {
      const model = inner.callee.startsWith('new ')
        ? constructed(index, registry, file, inner)
        : documentSource(index, registry, file, inner);
      if (model) return model;
    }
  }
  return undefined;
}

/** The model of `new User(data)` or `new this.userModel(data)`. */
function constructed(index: ProjectIndex, registry: ModelRegistry, file: FileFacts, call: CallFact): MongooseModel | undefined {
  const ref = resolveStatic(index, registry, file, call, call.callee.slice(4));
  return ref && 'model' in ref ? ref.model : undefined;
}

function documentSource(index: ProjectIndex, registry: ModelRegistry, file: FileFacts, call: CallFact): MongooseModel | undefined {
  const dot = call.callee.lastIndexOf('.');
  const method = call.callee.slice(dot + 1);
  if (dot <= 0 || !(DOCUMENT_SOURCES.has(method) || CUSTOM_DOCUMENT_SOURCE.test(method))) return undefined;
  const ref = resolveStatic(index, registry, file, call, call.callee.slice(0, dot));
  return ref && 'model' in ref ? ref.model : undefined;
}

/** `require('./x')` (possibly `.default` / `.User`): a binding to another module, not a declaration. */
const isRequire = (init: ArgFact | undefined): boolean =>
  (init?.k === 'call' && init.callee === 'require') || (init?.k === 'member' && init.v.startsWith('require().'));

/** Does `file` itself declare `name` (class, function or module-level variable other than a require)? */
function declares(index: ProjectIndex, file: string, name: string): boolean {
  const facts = index.files.get(file);
  return (
    !!facts &&
    (facts.classes.some((c) => c.name === name) ||
      facts.functions.some((f) => f.name === name) ||
      facts.variables.some((v) => v.name === name && v.scope === '<module>' && !isRequire(v.init)))
  );
}

/** `db.User`, `models.User`, `conn.models.User`, or a member of an imported object: places that hold models. */
function viaModelHolder(index: ProjectIndex, file: string, segments: string[]): boolean {
  const holders = segments.slice(0, -1);
  if (holders.length > 3) return false;
  if (holders.some((s) => /^(db|models?|mongoose|connection|conn)$/i.test(s))) return true;
  const root = holders[0] === 'this' ? undefined : holders[0];
  return !!root && !!index.files.get(file)?.imports.some((i) => i.names.some((n) => n.local === root));
}

/** The declared type of a document holder: a class member (`this._data: IUserDocument`) or a parameter. */
function documentType(index: ProjectIndex, file: FileFacts, call: CallFact, recv: string): string | undefined {
  let type: string | undefined;
  if (recv.startsWith('this.') && recv.split('.').length === 2) {
    const cls = enclosingClass(file, call);
    type = cls && findMember(index, file.path, cls, recv.slice(5))?.member.type;
  } else if (/^[\w$]+$/.test(recv)) {
    const cls = enclosingClass(file, call);
    const method = cls?.members.find((m) => `${cls.name}.${m.name}` === call.symbol);
    const fn = file.functions.find((f) => f.name === call.symbol);
    type = (method?.params ?? fn?.params ?? []).find((p) => p.name === recv)?.type;
  }
  const name = type
    ?.replace(/\s*\|\s*(null|undefined)\b/g, '')
    .replace(/<[\s\S]*$/, '')
    .trim();
  return name && /^[\w$]+$/.test(name) ? name : undefined;
}
