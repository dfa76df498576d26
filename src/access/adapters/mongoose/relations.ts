/**
 * `ref` fields → relations of kind 'ref' (the referencing collection holds
 * it): `{ type: Schema.Types.ObjectId, ref: 'User' }` in a schema object,
 * `@Prop({ type: Types.ObjectId, ref: User.name })`, arrays of those, and
 * Typegoose's `@prop({ ref: () => User })`.
 */
import type { ArgFact } from '../../../extract/file-facts.js';
import type { Relation } from '../../../model/result.js';
import { refOf } from './arg-facts.js';
import type { ModelRegistry, MongooseModel } from './models.js';

/** Model names referenced anywhere inside a field definition. */
function refsIn(arg: ArgFact | undefined, depth = 0): string[] {
  if (!arg || depth > 6) return [];
  if (arg.k === 'arr') return arg.items.flatMap((i) => refsIn(i, depth + 1));
  if (arg.k !== 'obj') return [];
  const own: string[] = [];
  const ref = arg.props.ref;
  if (ref?.k === 'str') own.push(ref.v);
  else if (ref?.k === 'member' && ref.v.endsWith('.name')) own.push(ref.v.slice(0, -5));
  else {
    const viaFn = refOf(ref);
    if (viaFn) own.push(viaFn.replace(/\.name$/, ''));
  }
  return [...own, ...Object.entries(arg.props).flatMap(([k, v]) => (k === 'ref' ? [] : refsIn(v, depth + 1)))];
}

/** Field name → referenced model names, for one model. */
export function fieldRefs(model: MongooseModel): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const fields = model.fields;
  if (fields?.obj?.k === 'obj') {
    for (const [name, def] of Object.entries(fields.obj.props)) {
      const refs = refsIn(def);
      if (refs.length) out.set(name, refs);
    }
  }
  for (const member of fields?.cls?.members ?? []) {
    const refs = member.decorators.filter((d) => /^[pP]rop$/.test(d.name)).flatMap((d) => d.args.flatMap((a) => refsIn(a)));
    if (refs.length) out.set(member.name, refs);
  }
  return out;
}

/** The model a `ref` names: same name in the same store first. */
export function refTarget(registry: ModelRegistry, from: MongooseModel, name: string): MongooseModel | undefined {
  const hits = registry.byName.get(name) ?? [];
  return hits.find((m) => m.table.store === from.table.store) ?? hits[0];
}

export function findRelations(registry: ModelRegistry): Relation[] {
  const relations = new Map<string, Relation>();
  for (const model of registry.models) {
    for (const [field, refs] of fieldRefs(model)) {
      for (const name of refs) {
        const target = refTarget(registry, model, name);
        const key = target && `${model.table.id} -> ${target.table.id}`;
        if (!target || !key || relations.has(key)) continue;
        relations.set(key, {
          from: model.table.id,
          to: target.table.id,
          kind: 'ref',
          field,
          declaredIn: model.table.declaredIn,
          orm: 'mongoose',
        });
      }
    }
  }
  return [...relations.values()].sort((a, b) => `${a.from} ${a.to}`.localeCompare(`${b.from} ${b.to}`));
}
