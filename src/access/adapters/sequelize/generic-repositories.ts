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
import type { AccessMode } from '../../../model/result.js';
import type { AccessSite } from '../../adapter.js';
import { refOf } from './arg-facts.js';
import type { ModelRegistry, SequelizeModel } from './models.js';
import { baseName, typeTarget } from './receivers.js';
import { modelByName } from './resolve-model.js';

/** An access in a base class method through a model member it does not bind. */
export interface GenericSite {
  file: string;
  cls: ClassFact;
  member: string;
  method: string; // the base class method (`findAll` of `BaseRepository.findAll`)
  mode: AccessMode;
  via: string;
}

const typeArgs = (ext: string | undefined): string[] =>
  /<([\s\S]*)>/
    .exec(ext ?? '')?.[1]
    .split(',')
    .map((t) => t.trim()) ?? [];

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
export function resolveGenericSites(
  index: ProjectIndex,
  registry: ModelRegistry,
  files: readonly FileFacts[],
  generic: readonly GenericSite[],
): { accesses: AccessSite[]; leftOver: GenericSite[] } {
  const accesses: AccessSite[] = [];
  const bound = new Set<GenericSite>();
  if (generic.length === 0) return { accesses, leftOver: [] };
  for (const file of files) {
    for (const cls of file.classes) {
      if (!cls.extends) continue;
      const sub: ClassRef = { file: file.path, cls };
      const overridden = new Set(cls.members.filter((m) => m.kind === 'method').map((m) => m.name));
      for (let base = index.resolveClass(file.path, baseName(cls.extends) ?? ''), depth = 0; base && depth < 5; depth++) {
        const current: ClassRef = base;
        for (const g of generic) {
          if (g.cls !== current.cls || g.file !== current.file || overridden.has(g.method)) continue;
          const model = boundModel(index, registry, sub, current, g.member);
          if (!model) continue;
          bound.add(g);
          accesses.push({
            unit: file.path,
            symbol: `${cls.name}.${g.method}`,
            table: model.table.id,
            mode: g.mode,
            line: cls.line,
            callId: -1,
            via: g.via,
          });
        }
        for (const m of current.cls.members) if (m.kind === 'method') overridden.add(m.name);
        base = index.resolveClass(current.file, baseName(current.cls.extends) ?? '');
      }
    }
  }
  return { accesses, leftOver: generic.filter((g) => !bound.has(g)) };
}
