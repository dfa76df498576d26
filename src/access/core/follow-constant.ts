/**
 * Follow an expression to the string it holds, on facts: a literal, a local
 * or module constant, an imported constant, an object constant's property
 * (`Tables.orders`), a static field, or `this.field` — a field initializer,
 * a getter's single `return`, or the argument a subclass passes to `super(…)`
 * for a constructor parameter (else its default) — looked up on the concrete
 * class when the caller knows it; an enum member (`ETables.Users`).
 * Used for table names wherever code spells them through constants: `${TABLE}`
 * SQL, `knex(this.tableName)`, Kysely `selectFrom(Tables.Users)`.
 */
import type { ArgFact, FileFacts } from '../../extract/file-facts.js';
import type { ClassRef, ProjectIndex } from '../../link/project-index.js';
import { typeName } from './type-name.js';
import { factLookup } from './fact-lookup.js';

const MAX_DEPTH = 8;

export interface ConstantScope {
  file: string;
  symbol: string;
  /** The class `this` is, when known to be a subclass of the symbol's class. */
  concrete?: ClassRef;
}

export function createConstantFollower(index: ProjectIndex): {
  follow(scope: ConstantScope, expr: string, depth?: number): string | undefined;
  valueOf(scope: ConstantScope, arg: ArgFact | undefined, depth?: number): string | undefined;
  variable(file: string, symbol: string, name: string): { file: string; scope: string; init?: ArgFact; isParam: boolean } | undefined;
} {
  const baseOf = (ref: ClassRef): ClassRef | undefined => {
    const base = typeName(ref.cls.extends);
    return base ? index.resolveClass(ref.file, base) : undefined;
  };

  /** `this.field` seen from `concrete`: the nearest initializer, or the value a subclass passes to `super`. */
  const fieldValue = (concrete: ClassRef, field: string, depth: number): string | undefined => {
    let child: ClassRef | undefined;
    let current: ClassRef | undefined = concrete;
    for (let i = 0; current && i < MAX_DEPTH; i++) {
      const members = current.cls.members;
      const prop = members.find((m) => m.name === field && (m.kind === 'property' || m.kind === 'getter') && !m.static);
      // a field initializer, or what a getter returns (`get tableName() { return 'users' }`)
      const held = prop?.init ?? prop?.returns;
      if (held) return valueOf({ file: current.file, symbol: `${current.cls.name}.${field}` }, held, depth + 1);
      const ctorParams = members.filter((m) => m.kind === 'ctor-param');
      const position = ctorParams.findIndex((m) => m.name === field);
      if (position >= 0 && child) {
        const superCall = index.files
          .get(child.file)
          ?.calls.find((c) => c.callee === 'super' && c.symbol === `${child?.cls.name}.constructor`);
        const passed = superCall?.args[position];
        if (passed) return valueOf({ file: child.file, symbol: `${child.cls.name}.constructor` }, passed, depth + 1);
      }
      // `constructor(private table = 'users')`: the default, when no subclass passes one
      const defaulted = position >= 0 ? ctorParams[position].init : undefined;
      if (defaulted) return valueOf({ file: current.file, symbol: `${current.cls.name}.constructor` }, defaulted, depth + 1);
      child = current;
      current = baseOf(current);
    }
    return undefined;
  };

  function variable(
    file: string,
    symbol: string,
    name: string,
  ): { file: string; scope: string; init?: ArgFact; isParam: boolean } | undefined {
    const facts: FileFacts | undefined = index.files.get(file);
    if (!facts) return undefined;
    const named = factLookup(facts).variables(name);
    const local = named.find((v) => v.scope === symbol) ?? named.find((v) => v.scope === '<module>');
    if (local) return { file, scope: local.scope, init: local.init, isParam: false };
    const resolved = index.resolveName(file, name);
    if (resolved?.kind !== 'internal' || resolved.file === file) return undefined;
    const target = index.files.get(resolved.file);
    const exported = resolved.name === 'default' ? target?.exports.find((e) => e.name === 'default')?.local : resolved.name;
    const v =
      target && exported
        ? factLookup(target)
            .variables(exported)
            .find((x) => x.scope === '<module>')
        : undefined;
    return v ? { file: resolved.file, scope: '<module>', init: v.init, isParam: false } : undefined;
  }

  function follow(scope: ConstantScope, expr: string, depth = 0): string | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const parts = expr.trim().split('.');
    if (parts[0] === 'this' && parts.length === 2) {
      const facts = index.files.get(scope.file);
      const own = facts ? factLookup(facts).cls(scope.symbol.split('.')[0]) : undefined;
      const ref = scope.concrete ?? (own ? { file: scope.file, cls: own } : undefined);
      return ref ? fieldValue(ref, parts[1], depth) : undefined;
    }
    if (parts.length === 1) {
      const v = variable(scope.file, scope.symbol, parts[0]);
      return v?.init ? valueOf({ file: v.file, symbol: v.scope }, v.init, depth + 1) : undefined;
    }
    if (parts.length === 2) {
      // an enum member, `ETables.Users` (local or imported), recorded as a variable of that name
      const member = variable(scope.file, scope.symbol, expr.trim());
      if (member?.init) return valueOf({ file: member.file, symbol: member.scope }, member.init, depth + 1);
      // a static field, `Class.TABLE`
      const cls = index.resolveClass(scope.file, parts[0]);
      const stat = cls?.cls.members.find((m) => m.name === parts[1] && m.static && m.init);
      if (cls && stat) return valueOf({ file: cls.file, symbol: `${cls.cls.name}.${parts[1]}` }, stat.init, depth + 1);
      // an object constant, `Tables.orders`
      const v = variable(scope.file, scope.symbol, parts[0]);
      if (v?.init?.k === 'obj') return valueOf({ file: v.file, symbol: v.scope }, v.init.props[parts[1]], depth + 1);
      // a namespace import, `tables.ORDERS`
      const resolved = index.resolveName(scope.file, expr);
      if (resolved?.kind === 'internal' && resolved.file !== scope.file)
        return follow({ file: resolved.file, symbol: '<module>' }, resolved.name, depth + 1);
    }
    return undefined;
  }

  function valueOf(scope: ConstantScope, arg: ArgFact | undefined, depth = 0): string | undefined {
    if (!arg || depth > MAX_DEPTH) return undefined;
    switch (arg.k) {
      case 'str':
        return arg.v;
      case 'num':
        return String(arg.v);
      case 'tpl': {
        let out = arg.parts[0];
        for (let i = 0; i < arg.exprs.length; i++) {
          const v = follow(scope, arg.exprs[i], depth + 1);
          if (v === undefined) return undefined;
          out += v + arg.parts[i + 1];
        }
        return out;
      }
      case 'id':
      case 'member':
        return follow(scope, arg.v, depth + 1);
      default:
        return undefined;
    }
  }

  return { follow, valueOf, variable };
}

export type ConstantFollower = ReturnType<typeof createConstantFollower>;

const followers = new WeakMap<ProjectIndex, ConstantFollower>();

/** The string `expr` holds in `file` inside `scope` (`Class.method`); `concrete` = the class `this` really is. */
export function followConstant(index: ProjectIndex, file: string, expr: string, scope: string, concrete?: ClassRef): string | undefined {
  let follower = followers.get(index);
  if (!follower) followers.set(index, (follower = createConstantFollower(index)));
  return follower.follow({ file, symbol: scope, concrete }, expr);
}
