/**
 * Follow an identifier or `this.field` to the string it holds, on facts:
 * a local or module constant, an imported constant, a class field initializer
 * (also one a subclass overrides, given the concrete class), a constructor
 * parameter a subclass fills through `super('users')` (or its default), a
 * getter's single `return`, an enum member, a static field.
 * Used for table names in `${TABLE}` SQL and `knex(this.tableName)`.
 */
import type { ArgFact, ClassFact } from '../../../extract/file-facts.js';
import type { ClassRef, ProjectIndex } from '../../../link/project-index.js';

const MAX_DEPTH = 8;

function literal(arg: ArgFact | undefined): string | undefined {
  if (!arg) return undefined;
  if (arg.k === 'str') return arg.v;
  if (arg.k === 'tpl' && arg.exprs.length === 0) return arg.parts[0];
  return undefined;
}

/** What a subclass passes to `super(…)` at `position`, read from its constructor's calls. */
function superArg(index: ProjectIndex, sub: ClassRef, position: number, depth: number): string | undefined {
  const call = index.files.get(sub.file)?.calls.find((c) => c.callee === 'super' && c.symbol === `${sub.cls.name}.constructor`);
  const arg = call?.args[position];
  return arg ? constantValue(index, sub.file, arg, `${sub.cls.name}.constructor`, depth + 1) : undefined;
}

/**
 * `this.name` seen from `ref`: the nearest field initializer up the class chain, or,
 * for a constructor parameter property, the value the subclass below passes to `super`.
 */
function fieldOf(index: ProjectIndex, ref: ClassRef, name: string, depth: number): string | undefined {
  let current: ClassRef | undefined = ref;
  let below: ClassRef | undefined;
  for (let i = 0; current && i < MAX_DEPTH; i++) {
    const m = current.cls.members.find((x) => x.name === name && (x.kind === 'property' || x.kind === 'getter') && !x.static);
    // a field initializer, or what a getter returns (`get tableName() { return 'users' }`)
    const held = m?.init ?? m?.returns;
    if (held) return constantValue(index, current.file, held, `${current.cls.name}.${name}`, depth + 1);
    const params = current.cls.members.filter((x) => x.kind === 'ctor-param');
    const position = params.findIndex((x) => x.name === name);
    const passed = position !== -1 && below ? superArg(index, below, position, depth) : undefined;
    if (passed !== undefined) return passed;
    // `constructor(private table = 'users')`: the default, when no subclass passes one
    const defaulted = position !== -1 ? params[position].init : undefined;
    if (defaulted) return constantValue(index, current.file, defaulted, `${current.cls.name}.constructor`, depth + 1);
    if (position !== -1) return undefined;
    if (!current.cls.extends) return undefined;
    below = current;
    current = index.resolveClass(current.file, current.cls.extends.split('<')[0].trim());
  }
  return undefined;
}

function constantValue(index: ProjectIndex, file: string, arg: ArgFact, scope: string, depth: number): string | undefined {
  const lit = literal(arg);
  if (lit !== undefined) return lit;
  if (arg.k === 'id' || arg.k === 'member') return followConstant(index, file, arg.v, scope, undefined, depth + 1);
  if (arg.k === 'tpl') {
    // `${ETables.Users}` or `${SCHEMA}.users`: every interpolation must be a constant
    let out = arg.parts[0];
    for (let i = 0; i < arg.exprs.length; i++) {
      const value = followConstant(index, file, arg.exprs[i], scope, undefined, depth + 1);
      if (value === undefined) return undefined;
      out += value + arg.parts[i + 1];
    }
    return out;
  }
  return undefined;
}

/**
 * The string `expr` holds where it is used: `file`, inside `scope` (`Class.method`).
 * `concrete` is the class `this` really is, when the caller knows a subclass.
 */
export function followConstant(
  index: ProjectIndex,
  file: string,
  expr: string,
  scope: string,
  concrete?: ClassRef,
  depth = 0,
): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const facts = index.files.get(file);
  if (!facts) return undefined;
  const parts = expr.split('.');
  if (parts[0] === 'this' && parts.length === 2) {
    const cls: ClassFact | undefined = facts.classes.find((c) => c.name === scope.split('.')[0]);
    const ref = concrete ?? (cls ? { file, cls } : undefined);
    return ref ? fieldOf(index, ref, parts[1], depth) : undefined;
  }
  if (parts.length === 2) {
    // `Tables.Users`: an enum member (local or imported), recorded as a variable of that name
    const member = findVariable(index, file, expr, scope);
    if (member) return constantValue(index, member.file, member.init, member.scope, depth + 1);
    // `Orders.TABLE` (a static field) or `tables.orders` (an object constant).
    const ref = index.resolveClass(file, parts[0]);
    const m = ref?.cls.members.find((x) => x.name === parts[1] && x.static && x.kind === 'property');
    if (ref && m?.init) return constantValue(index, ref.file, m.init, `${ref.cls.name}.${parts[1]}`, depth + 1);
    const obj = findVariable(index, file, parts[0], scope);
    if (obj?.init.k === 'obj')
      return constantValue(index, obj.file, obj.init.props[parts[1]] ?? { k: 'other', text: '' }, '<module>', depth + 1);
    return undefined;
  }
  if (parts.length !== 1) return undefined;
  const v = findVariable(index, file, expr, scope);
  return v ? constantValue(index, v.file, v.init, v.scope, depth + 1) : undefined;
}

function findVariable(
  index: ProjectIndex,
  file: string,
  name: string,
  scope: string,
): { file: string; init: ArgFact; scope: string } | undefined {
  const facts = index.files.get(file);
  const local = facts?.variables.find((v) => v.name === name && (v.scope === scope || v.scope === '<module>') && v.init);
  if (local?.init) return { file, init: local.init, scope: local.scope };
  const resolved = index.resolveName(file, name);
  if (resolved?.kind !== 'internal' || (resolved.file === file && resolved.name === name)) return undefined;
  const target = index.files.get(resolved.file)?.variables.find((v) => v.name === resolved.name && v.scope === '<module>' && v.init);
  return target?.init ? { file: resolved.file, init: target.init, scope: '<module>' } : undefined;
}
