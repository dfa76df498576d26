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
import type { AccessMode } from '../../../model/result.js';
import type { AccessSite } from '../../adapter.js';
import { refOf } from './arg-facts.js';
import { connectionNameOf, type ModelRegistry, type MongooseModel, modelNameOf } from './models.js';
import { modelByRef } from './resolve-model.js';

/** An access in a base class method through a model member it does not bind. */
export interface GenericSite {
  file: string;
  cls: ClassFact;
  member: string;
  method: string; // the base class method (`find` of `BaseRepository.find`)
  mode: AccessMode;
  via: string;
}

const heritage = (ext: string | undefined): string => ext?.replace(/<[\s\S]*$/, '').trim() ?? '';
const typeArgs = (ext: string | undefined): string[] =>
  /<([\s\S]*)>/
    .exec(ext ?? '')?.[1]
    .split(',')
    .map((t) => t.trim()) ?? [];

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
      for (let base = index.resolveClass(file.path, heritage(cls.extends)), depth = 0; base && depth < 5; depth++) {
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
        base = index.resolveClass(current.file, heritage(current.cls.extends));
      }
    }
  }
  return { accesses, leftOver: generic.filter((g) => !bound.has(g)) };
}
