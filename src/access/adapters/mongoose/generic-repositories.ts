/**
 * Generic base repositories: `BaseRepository<T>` calls `this.model.find()` on
 * a `Model<T>` it was handed, so its own code names no collection. Each
 * subclass that binds the model — an `@InjectModel(User.name)` constructor
 * parameter passed to `super(…)`, its own injected member of that name, or
 * `extends BaseRepository<UserDocument>` — gets those accesses under its own
 * symbol (`UserRepository.find`), unless it overrides the method.
 */
import type { ClassFact, FileFacts } from '../../../extract/file-facts.js';
import type { ClassRef, ProjectIndex } from '../../../link/project-index.js';
import type { AccessSite } from '../../adapter.js';
import { type GenericSite, resolveGenericSites, typeArgs } from '../../core/generic-base-sites.js';
import { refOf } from './arg-facts.js';
import { connectionNameOf, type ModelRegistry, type MongooseModel, modelNameOf } from './models.js';
import { modelByRef } from './resolve-model.js';

function byName(registry: ModelRegistry, name: string, connection?: string): MongooseModel | undefined {
  const hits = registry.byName.get(name) ?? [];
  return hits.length === 1 ? hits[0] : hits.find((m) => m.connection === connection);
}

/** The model a subclass binds to the base's `member`. */
function boundModel(
  index: ProjectIndex,
  registry: ModelRegistry,
  sub: ClassRef,
  base: ClassRef,
  member: string,
): MongooseModel | undefined {
  const facts = index.files.get(sub.file);
  if (!facts) return undefined;
  const injected = (decorators: ClassFact['members'][number]['decorators']): MongooseModel | undefined => {
    const inject = decorators.find((d) => d.name === 'InjectModel');
    const name = inject && (modelNameOf(facts, inject.args[0]) ?? refOf(inject.args[0]));
    return name ? byName(registry, name, connectionNameOf(index, facts, inject.args[1])) : undefined;
  };
  const own = sub.cls.members.find((m) => m.name === member && m.kind !== 'method');
  if (own) return injected(own.decorators);
  // `constructor(@InjectModel(User.name) model: Model<UserDocument>) { super(model) }`
  const position = base.cls.members.filter((m) => m.kind === 'ctor-param').findIndex((m) => m.name === member);
  const superCall = facts.calls.find((c) => c.callee === 'super' && c.symbol === `${sub.cls.name}.constructor`);
  const passed = position >= 0 ? superCall?.args[position] : undefined;
  const param = passed?.k === 'id' ? sub.cls.members.find((m) => m.kind === 'ctor-param' && m.name === passed.v) : undefined;
  const viaSuper = param && injected(param.decorators);
  if (viaSuper) return viaSuper;
  // `constructor() { super(Job, JobEntity) }`: the model itself handed to the base class.
  if (passed && !param && (passed.k === 'id' || passed.k === 'member')) {
    const model = modelByRef(index, registry, sub.file, passed.v);
    if (model) return model;
  }
  for (const t of typeArgs(sub.cls.extends)) {
    const hits = registry.byDocType.get(t.replace(/<[\s\S]*$/, ''));
    if (hits?.length === 1) return hits[0];
  }
  return undefined;
}

/** Sites under subclass symbols; the generic sites no subclass binds are returned as left over. */
export function resolveModelGenericSites<S extends GenericSite>(
  index: ProjectIndex,
  registry: ModelRegistry,
  files: readonly FileFacts[],
  generic: readonly S[],
): { accesses: AccessSite[]; leftOver: S[] } {
  return resolveGenericSites(index, files, generic, (sub, base, member) => boundModel(index, registry, sub, base, member));
}
