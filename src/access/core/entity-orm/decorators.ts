/** Small readers for decorator and option facts, shared by the TypeORM and MikroORM adapters. */
import type { ArgFact, DecoratorFact } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';

/** Does `local` in `file` name an export of one of `packages` (through imports and barrels)? */
export function importedFrom(index: ProjectIndex, file: string, local: string, packages: (pkg: string) => boolean): boolean {
  const resolved = index.resolveName(file, local);
  return resolved?.kind === 'external' && packages(resolved.package);
}

/** The decorator named `name` whose identifier comes from the ORM. */
export function ormDecorator(
  index: ProjectIndex,
  file: string,
  decorators: readonly DecoratorFact[],
  names: readonly string[],
  packages: (pkg: string) => boolean,
): DecoratorFact | undefined {
  return decorators.find(
    (d) =>
      (names.includes(d.name) && importedFrom(index, file, d.name, packages)) || wrapsOrmDecorator(index, file, d.name, names, packages),
  );
}

/**
 * A project's own decorator that applies the ORM's (`@MultiORMEntity('tag')`
 * whose body calls TypeORM's `Entity(…)`): it declares what the ORM one does.
 */
function wrapsOrmDecorator(
  index: ProjectIndex,
  file: string,
  local: string,
  names: readonly string[],
  packages: (pkg: string) => boolean,
): boolean {
  const declared = index.resolveName(file, local);
  if (declared?.kind !== 'internal') return false;
  const facts = index.files.get(declared.file);
  if (!facts || !facts.functions.some((f) => f.name === declared.name)) return false;
  return facts.calls.some((c) => {
    if (c.symbol !== declared.name) return false;
    const head = c.callee.split(/[.(]/, 1)[0];
    const target = index.resolveName(declared.file, head);
    return target?.kind === 'external' && packages(target.package) && names.includes(target.name);
  });
}

export const prop = (arg: ArgFact | undefined, key: string): ArgFact | undefined => (arg?.k === 'obj' ? arg.props[key] : undefined);

export const str = (arg: ArgFact | undefined): string | undefined => (arg?.k === 'str' ? arg.v : undefined);

export const idName = (arg: ArgFact | undefined): string | undefined => (arg?.k === 'id' ? arg.v : undefined);

/** The first string argument, or `{ [key]: 'x' }` in the first object argument. */
export function nameOption(args: readonly ArgFact[], keys: readonly string[]): string | undefined {
  for (const a of args) {
    if (a.k === 'str') return a.v;
    if (a.k === 'obj') {
      for (const k of keys) {
        const v = str(a.props[k]);
        if (v !== undefined) return v;
      }
    }
  }
  return undefined;
}

/** The object argument among `args`, if any (`@ManyToOne(() => User, { eager: true })`). */
export const optionsArg = (args: readonly ArgFact[]): Extract<ArgFact, { k: 'obj' }> | undefined =>
  args.find((a): a is Extract<ArgFact, { k: 'obj' }> => a.k === 'obj');

/** A string argument, or an identifier bound to a string constant (`'billing'`, `BILLING_DB`). */
export function constString(index: ProjectIndex, file: string, arg: ArgFact | undefined): string | undefined {
  if (!arg) return undefined;
  if (arg.k === 'str') return arg.v;
  if (arg.k !== 'id' && arg.k !== 'member') return undefined;
  const [head, ...rest] = arg.v.split('.');
  const resolved = index.resolveName(file, head!);
  const where = resolved?.kind === 'internal' ? resolved : { file, name: head! };
  const facts = index.files.get(where.file);
  const init = facts?.variables.find((v) => v.name === where.name && v.scope === '<module>')?.init;
  if (rest.length === 0) return str(init);
  // `DB.billing` on an object constant; enum members are not in the facts.
  let value: ArgFact | undefined = init;
  for (const key of rest) value = prop(value, key);
  return str(value);
}
