/**
 * Generic base repositories: `BaseRepository<T extends Model>` calls
 * `this.model.findAll()` on a `ModelStatic<T>` it was handed, so its own code
 * names no table. Each subclass that binds the model — `super(User)`, an
 * `@InjectModel(User)` constructor parameter passed to `super(…)`, its own
 * injected member of that name, or `extends BaseRepository<User>` — gets
 * those accesses under its own symbol (`UserRepository.findAll`), unless it
 * overrides the method.
 */
import type { ClassFact, FileFacts } from '../../../extract/file-facts.js';
import type { ClassRef, ProjectIndex } from '../../../link/project-index.js';
import type { AccessSite } from '../../adapter.js';
import { type GenericSite, resolveGenericSites, typeArgs } from '../../core/generic-base-sites.js';
import { refOf } from './arg-facts.js';
import type { ModelRegistry, SequelizeModel } from './models.js';
import { typeTarget } from './receivers.js';
import { modelByName } from './resolve-model.js';

/** The model a subclass binds to the base's `member`. */
function boundModel(
  index: ProjectIndex,
  registry: ModelRegistry,
  sub: ClassRef,
  base: ClassRef,
  member: string,
): SequelizeModel | undefined {
  const facts = index.files.get(sub.file);
  if (!facts) return undefined;
  const fromMember = (m: ClassFact['members'][number] | undefined): SequelizeModel | undefined => {
    const inject = m?.decorators.find((d) => d.name === 'InjectModel');
    const target = (inject && refOf(inject.args[0])) ?? typeTarget(m?.type);
    return target ? modelByName(index, registry, sub.file, target) : undefined;
  };
  const own = sub.cls.members.find((m) => m.name === member && m.kind !== 'method');
  if (own) return fromMember(own);
  // `super(User)` or `constructor(@InjectModel(User) model: typeof User) { super(model) }`
  const position = base.cls.members.filter((m) => m.kind === 'ctor-param').findIndex((m) => m.name === member);
  const superCall = facts.calls.find((c) => c.callee === 'super' && c.symbol === `${sub.cls.name}.constructor`);
  const passed = position >= 0 ? superCall?.args[position] : undefined;
  if (passed?.k === 'id') {
    const param = sub.cls.members.find((m) => m.kind === 'ctor-param' && m.name === passed.v);
    const model = param ? fromMember(param) : modelByName(index, registry, sub.file, passed.v);
    if (model) return model;
  }
  for (const t of typeArgs(sub.cls.extends)) {
    const model = /^[\w.]+$/.test(t) ? modelByName(index, registry, sub.file, t) : undefined;
    if (model) return model;
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
