/**
 * Which model a receiver names: a model class or variable (through imports and
 * barrels), `this` inside a model class, an injected `@InjectModel(User)`
 * member, `models.User` / `sequelize.models.User` / `sequelize.model('User')`,
 * or an instance obtained from a model call earlier in the same function.
 */
import type { ArgFact, CallFact, FileFacts } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';
import { refOf } from './arg-facts.js';
import type { ModelRegistry, SequelizeModel } from './models.js';
import { enclosingClass, findMember, typeTarget } from './receivers.js';
import type { UnresolvedReason } from '../../../model/result.js';

export type ModelRef = { model: SequelizeModel } | { unresolved: UnresolvedReason; detail: string } | undefined;

const byUniqueName = (registry: ModelRegistry, name: string): SequelizeModel | undefined => {
  const hits = registry.byName.get(name);
  return hits?.length === 1 ? hits[0] : undefined;
};

/**
 * A dotted or plain name as written in `file`. `lowerCaseLocals` lets bare
 * lower-case names fall back too (associations: `orchestra.hasMany(instrument)`
 * after `const { orchestra, instrument } = sequelize.models`).
 */
export function modelByName(
  index: ProjectIndex,
  registry: ModelRegistry,
  file: string,
  text: string,
  scope: { lowerCaseLocals?: boolean } = {},
): SequelizeModel | undefined {
  const r = index.resolveName(file, text);
  if (r?.kind === 'internal') {
    const hit = registry.byKey.get(`${r.file}#${r.name}`);
    if (hit) return hit;
    // Declared in the project as something else (a front-end class of the same name): not a model.
    if (declares(index, r.file, r.name)) return undefined;
  }
  const local = registry.byKey.get(`${file}#${text}`);
  if (local) return local;
  // `const { User } = require('./models')`, `db.User`, `models.User`: the index file
  // loads models dynamically, so fall back to a unique model name.
  const segments = text.split('.');
  if (segments.length > 1 && !viaModelHolder(index, file, segments)) return undefined;
  // A bare lower-case name bound to nothing we can see is a local: it may name a model
  // instance (`user.update()` with model `user`) only in a file that works with models,
  // never in, say, front-end code with an object of the same name.
  if (segments.length === 1 && !r && !/^[A-Z]/.test(text) && !scope.lowerCaseLocals && !usesModels(index, registry, file)) return undefined;
  return byUniqueName(registry, segments[segments.length - 1]);
}

/** The model a static receiver (`User`, `this.userModel`, `models.User`) names. */
export function resolveStatic(index: ProjectIndex, registry: ModelRegistry, file: FileFacts, call: CallFact, recv: string): ModelRef {
  if (recv === 'this') {
    const cls = enclosingClass(file, call);
    const model = cls && registry.models.find((m) => m.cls?.cls === cls);
    return model ? { model } : undefined;
  }
  if (recv.endsWith('.model()') && call.receiver !== undefined) {
    const name = file.calls[call.receiver].args[0];
    if (name?.k === 'str') {
      const model = byUniqueName(registry, name.v);
      return model ? { model } : { unresolved: 'unknown-model', detail: name.v };
    }
    return { unresolved: 'dynamic-model', detail: recv };
  }
  // Scopes keep the model: `User.scope('active').findAll()`, `User.unscoped().count()`.
  const scoped = /^(.*)\.(scope|unscoped|schema|withScope)\(\)$/.exec(recv);
  if (scoped && call.receiver !== undefined) return resolveStatic(index, registry, file, file.calls[call.receiver], scoped[1]);
  if (recv.includes('(') || recv.includes('[')) return undefined;
  if (recv.startsWith('this.') && recv.split('.').length === 2) return resolveMember(index, registry, file, call, recv.slice(5));
  const model = modelByName(index, registry, file.path, recv);
  return model ? { model } : undefined;
}

function resolveMember(index: ProjectIndex, registry: ModelRegistry, file: FileFacts, call: CallFact, name: string): ModelRef {
  const cls = enclosingClass(file, call);
  const found = cls && findMember(index, file.path, cls, name);
  if (!found) return undefined;
  const { member } = found;
  const inject = member.decorators.find((d) => d.name === 'InjectModel');
  const target = (inject && refOf(inject.args[0])) ?? typeTarget(member.type) ?? refOf(member.init);
  if (target) {
    const model = modelByName(index, registry, found.file, target);
    if (model) return { model };
  }
  if (inject || /\b(ModelStatic|ModelCtor|ModelDefined|typeof Model)\b/.test(member.type ?? '')) {
    const generic = !target || /^[A-Z]$|^T[A-Z]\w*$/.test(target);
    return { unresolved: generic ? 'generic-model' : 'unknown-model', detail: `this.${name}: ${member.type ?? '@InjectModel'}` };
  }
  return undefined;
}

const assignmentIndex = new WeakMap<FileFacts, Map<string, CallFact[]>>();

/** Calls of a file by `symbol\0assignedTo`, built once per file. */
function assignments(file: FileFacts): Map<string, CallFact[]> {
  let byHolder = assignmentIndex.get(file);
  if (!byHolder) {
    byHolder = new Map();
    for (const c of file.calls) {
      if (!c.assignedTo) continue;
      const key = `${c.symbol}\0${c.assignedTo}`;
      byHolder.set(key, [...(byHolder.get(key) ?? []), c]);
    }
    assignmentIndex.set(file, byHolder);
  }
  return byHolder;
}

/** Methods that return model instances (or a list of them) whose later save/update/destroy write its table. */
const INSTANCE_SOURCES = new Set(['findOne', 'findByPk', 'findById', 'create', 'build', 'findOrBuild', 'findAll']);

/**
 * Instance variables in `call.symbol`: `const u = await User.findByPk(id)`,
 * `const u = User.build()`, `const u = new User()`, or a parameter typed as a model.
 */
export function resolveInstance(
  index: ProjectIndex,
  registry: ModelRegistry,
  file: FileFacts,
  call: CallFact,
  recv: string,
): SequelizeModel | undefined {
  if (recv === 'this') {
    // An instance method of the model itself (`this.save()`).
    const cls = enclosingClass(file, call);
    return cls ? registry.models.find((m) => m.cls?.cls === cls) : undefined;
  }
  if (!/^[\w$]+$/.test(recv)) return undefined;
  // `rows.map(async (row) => row.save())` over a list from `Model.findAll()`.
  for (const id of call.within) {
    const outer = file.calls[id];
    const list = /^([\w$]+)\.(map|forEach|filter|flatMap|some|every|find)$/.exec(outer.callee);
    if (list && outer.args[0]?.k === 'fn' && outer.args[0].params[0] === recv) {
      const model = resolveInstance(index, registry, file, outer, list[1]);
      if (model) return model;
    }
  }
  for (const other of assignments(file).get(`${call.symbol}\0${recv}`) ?? []) {
    if (other.id >= call.id) continue;
    // Down the chain (`User.findByPk(id).then(…)`): the first call that yields an instance.
    for (let inner: CallFact | undefined = other; inner; inner = inner.receiver !== undefined ? file.calls[inner.receiver] : undefined) {
      const model = instanceSource(index, registry, file, inner);
      if (model) return model;
    }
  }
  const cls = enclosingClass(file, call);
  const method = cls?.members.find((m) => `${cls.name}.${m.name}` === call.symbol);
  const fn = file.functions.find((f) => f.name === call.symbol);
  const param = (method?.params ?? fn?.params ?? []).find((p) => p.name === recv);
  const type = param?.type?.replace(/<[\s\S]*$/, '').trim();
  return type && /^[\w.]+$/.test(type) ? modelByName(index, registry, file.path, type) : undefined;
}

function instanceSource(index: ProjectIndex, registry: ModelRegistry, file: FileFacts, call: CallFact): SequelizeModel | undefined {
  if (call.callee.startsWith('new ')) return modelByName(index, registry, file.path, call.callee.slice(4));
  const dot = call.callee.lastIndexOf('.');
  if (dot <= 0 || !INSTANCE_SOURCES.has(call.callee.slice(dot + 1))) return undefined;
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

/**
 * `db.User`, `models.User`, `sequelize.models.User`, `this.models.User`, or a
 * member of an imported object: places that hold models. Anything else
 * (`state.schema.marks.comment`) is not looked up by name.
 */
function viaModelHolder(index: ProjectIndex, file: string, segments: string[]): boolean {
  const holders = segments.slice(0, -1);
  if (holders.length > 3) return false;
  if (holders.some((s) => /^(db|models?|sequelize|orm|database)$/i.test(s))) return true;
  const root = holders[0] === 'this' ? undefined : holders[0];
  return !!root && !!index.files.get(file)?.imports.some((i) => i.names.some((n) => n.local === root));
}

const modelFiles = new WeakMap<ModelRegistry, Set<string>>();

/** Does `file` import Sequelize or a module that declares a model? */
function usesModels(index: ProjectIndex, registry: ModelRegistry, file: string): boolean {
  let declaring = modelFiles.get(registry);
  if (!declaring) {
    declaring = new Set(registry.models.flatMap((m) => m.keys.map((k) => k.slice(0, k.indexOf('#')))));
    modelFiles.set(registry, declaring);
  }
  const files = declaring;
  return !!index.files.get(file)?.imports.some((i) => {
    if (/^(sequelize|sequelize-typescript|@sequelize\/core)$/.test(i.specifier)) return true;
    const target = index.resolveSpecifier(file, i.specifier);
    if (target.kind !== 'internal') return false;
    if (files.has(target.file)) return true;
    // One barrel deep: `import { User } from '@server/models'`.
    return !!index.files.get(target.file)?.imports.some((r) => {
      const inner = r.kind === 're-export' ? index.resolveSpecifier(target.file, r.specifier) : undefined;
      return inner?.kind === 'internal' && files.has(inner.file);
    });
  });
}
