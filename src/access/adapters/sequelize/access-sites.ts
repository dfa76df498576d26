/**
 * Access sites: static model calls (`User.findAll` read, `User.create` write),
 * models pulled in by `include: [Order]` (read), and instance methods
 * (`user.save()`) on instances obtained in the same function.
 */
import type { ArgFact, CallFact, FileFacts } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';
import type { AccessMode, UnresolvedAccess } from '../../../model/result.js';
import type { AccessSite } from '../../adapter.js';
import { propOf, refOf, strOf } from './arg-facts.js';
import type { AssociationNames } from './associations.js';
import type { ModelRegistry, SequelizeModel } from './models.js';
import type { GenericSite } from '../../core/generic-base-sites.js';
import { resolveModelGenericSites } from './generic-repositories.js';
import { enclosingClass, splitCallee } from './receivers.js';
import { modelByName, resolveInstance, resolveStatic } from './resolve-model.js';

const STATIC_MODES: Record<string, AccessMode> = {
  findAll: 'read',
  findOne: 'read',
  findByPk: 'read',
  findById: 'read',
  findAndCountAll: 'read',
  findAndCount: 'read',
  count: 'read',
  max: 'read',
  min: 'read',
  sum: 'read',
  aggregate: 'read',
  create: 'write',
  bulkCreate: 'write',
  update: 'write',
  destroy: 'write',
  upsert: 'write',
  insertOrUpdate: 'write',
  findOrCreate: 'write',
  findCreateFind: 'write',
  increment: 'write',
  decrement: 'write',
  truncate: 'write',
  restore: 'write',
};

const INSTANCE_MODES: Record<string, AccessMode> = {
  save: 'write',
  update: 'write',
  destroy: 'write',
  restore: 'write',
  increment: 'write',
  decrement: 'write',
  reload: 'read',
};

/**
 * Project helpers inherited from a shared base model (`saveWithCtx`,
 * `createWithCtx`, `findByPkWithScope`): the base class cannot know the
 * table, so the call on a concrete model counts, by the verb it starts with.
 * Methods the model class declares itself are left to propagation.
 */
const HELPER_PREFIX: [RegExp, AccessMode][] = [
  [/^(find|count|sum|max|min|reload)[A-Z]/, 'read'],
  [/^(save|create|bulkCreate|update|upsert|destroy|delete|restore|increment|decrement|truncate)[A-Z]/, 'write'],
];

function helperMode(index: ProjectIndex, method: string, resolve: () => ReturnType<typeof resolveStatic>): AccessMode | undefined {
  const mode = HELPER_PREFIX.find(([re]) => re.test(method))?.[1];
  const ref = mode ? resolve() : undefined;
  if (!mode || !ref || !('model' in ref) || !ref.model.cls) return undefined;
  const { file, cls } = ref.model.cls;
  if (cls.members.some((m) => m.name === method)) return undefined;
  // Only helpers some project base class declares; unknown names stay unknown.
  for (let base = index.resolveClass(file, cls.extends?.replace(/<[\s\S]*$/, '').trim() ?? ''), depth = 0; base && depth < 8; depth++) {
    if (base.cls.members.some((m) => m.name === method)) return mode;
    base = index.resolveClass(base.file, base.cls.extends?.replace(/<[\s\S]*$/, '').trim() ?? '');
  }
  return undefined;
}

/** Methods no other library spells the same way: an unresolved receiver with them is still a Sequelize access. */
const DISTINCTIVE = new Set(['findAll', 'findByPk', 'findAndCountAll', 'bulkCreate', 'findOrCreate']);

export interface SiteResult {
  accesses: AccessSite[];
  unresolved: UnresolvedAccess[];
}

/** Models named in `include: [Order, { model: Item, include: [...] }]`. */
function included(
  index: ProjectIndex,
  registry: ModelRegistry,
  names: AssociationNames,
  file: string,
  from: SequelizeModel,
  options: ArgFact | undefined,
  depth = 0,
): SequelizeModel[] {
  const list = propOf(options, 'include');
  const items = list?.k === 'arr' ? list.items : list ? [list] : [];
  if (depth > 5) return [];
  return items.flatMap((item) => {
    const ref = refOf(item) ?? refOf(propOf(item, 'model'));
    // `include: ['author']` / `{ association: 'author' }`: the association's name on the including model.
    const alias = strOf(item) ?? strOf(propOf(item, 'association'));
    const model = ref ? modelByName(index, registry, file, ref) : alias ? names.get(from)?.get(alias) : undefined;
    return [...(model ? [model] : []), ...included(index, registry, names, file, model ?? from, item, depth + 1)];
  });
}

export function findAccessSites(
  index: ProjectIndex,
  registry: ModelRegistry,
  names: AssociationNames,
  files: readonly FileFacts[],
): SiteResult {
  const accesses: AccessSite[] = [];
  const unresolved: UnresolvedAccess[] = [];
  const generic: (GenericSite & { call: Omit<UnresolvedAccess, 'orm' | 'reason'> })[] = [];
  for (const file of files) {
    for (const call of file.calls) {
      const parts = splitCallee(call.callee);
      if (!parts) continue;
      const site = (model: SequelizeModel, mode: AccessMode, via: string): void => {
        accesses.push({ unit: file.path, symbol: call.symbol, table: model.table.id, mode, line: call.line, callId: call.id, via });
      };
      const staticMode =
        STATIC_MODES[parts.method] ?? helperMode(index, parts.method, () => resolveStatic(index, registry, file, call, parts.recv));
      if (staticMode) {
        const ref = resolveStatic(index, registry, file, call, parts.recv);
        if (ref && 'model' in ref) {
          site(ref.model, staticMode, `${ref.model.modelName}.${parts.method}`);
          for (const inc of call.args.flatMap((a) => included(index, registry, names, file.path, ref.model, a)))
            site(inc, 'read', `${ref.model.modelName}.${parts.method} include ${inc.modelName}`);
          continue;
        }
        const cls = ref?.unresolved === 'generic-model' && /^this\.[\w$]+$/.test(parts.recv) ? enclosingClass(file, call) : undefined;
        if (ref && cls) {
          const method = call.symbol.slice(cls.name.length + 1);
          const via = `${call.symbol} → ${parts.recv}.${parts.method}`;
          generic.push({
            file: file.path,
            cls,
            member: parts.recv.slice(5),
            method,
            mode: staticMode,
            via,
            call: { unit: file.path, symbol: call.symbol, line: call.line, detail: ref.detail },
          });
          continue;
        }
        if (ref) {
          unresolved.push({
            unit: file.path,
            symbol: call.symbol,
            line: call.line,
            orm: 'sequelize',
            reason: ref.unresolved,
            detail: ref.detail,
          });
          continue;
        }
      }
      const instance = (): SequelizeModel | undefined => resolveInstance(index, registry, file, call, parts.recv);
      const instanceMode =
        INSTANCE_MODES[parts.method] ??
        helperMode(index, parts.method, () => {
          const model = instance();
          return model && { model };
        });
      if (instanceMode) {
        const model = instance();
        if (model) {
          site(model, instanceMode, `${model.modelName}#${parts.method}`);
          continue;
        }
      }
      if (staticMode && DISTINCTIVE.has(parts.method) && looksLikeModel(parts.recv, call) && !isProjectName(index, file.path, parts.recv)) {
        unresolved.push({
          unit: file.path,
          symbol: call.symbol,
          line: call.line,
          orm: 'sequelize',
          reason: 'unknown-model',
          detail: call.callee,
        });
      }
    }
  }
  // Generic base repositories: accesses go to the subclasses that bind the model; unbound ones stay unresolved.
  const resolved = resolveModelGenericSites(index, registry, files, generic);
  accesses.push(...resolved.accesses);
  for (const g of resolved.leftOver) unresolved.push({ ...g.call, orm: 'sequelize', reason: 'generic-model' });
  return { accesses, unresolved };
}

/** A plain name declared in the project that is not a model (a service class, a local object) is no model access. */
function isProjectName(index: ProjectIndex, file: string, recv: string): boolean {
  return !recv.includes('.') && index.resolveName(file, recv)?.kind === 'internal';
}

/** `User`, `models.Order`, `this.orderModel`: a PascalCase or `*Model` receiver. */
function looksLikeModel(recv: string, call: CallFact): boolean {
  if (recv.includes('(') || call.receiver !== undefined) return false;
  const last = recv.slice(recv.lastIndexOf('.') + 1);
  return /^[A-Z][A-Za-z0-9]*$/.test(last) || /Model$/.test(last);
}
