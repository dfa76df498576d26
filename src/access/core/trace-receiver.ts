/**
 * Receiver tracing on facts: does the expression in front of a call
 * (`this.prisma`, `tx`, `db`, `this.repo.knex`) hold an ORM client, and which?
 *
 * Generic over the client description `C`; each adapter supplies the rules
 * that recognise its clients (types, creations, injections, callbacks). The
 * Knex and Kysely adapters reuse it. (It is adapter-neutral and could move up
 * to `src/access/` once another owner wants it.)
 */
import type { ArgFact, CallFact, DecoratorFact, FileFacts, VariableFact } from '../../extract/file-facts.js';
import type { ClassRef, ProjectIndex } from '../../link/project-index.js';
import { paramsOf } from './params-of.js';
import { typeAlias } from './type-alias.js';

export type Traced<C> = { kind: 'client'; client: C } | { kind: 'class'; ref: ClassRef };

/** Where an expression is evaluated: the enclosing symbol and the calls whose arguments contain it. */
export interface TraceContext {
  symbol: string;
  within: readonly number[];
}

export interface ClientRules<C> {
  /** A declared type names a client: `PrismaClient`, `Knex`, `Kysely<DB>`. */
  fromType(file: string, type: string): C | undefined;
  /** A value creates a client: `new PrismaClient()`, `knex(config)`; `boundTo` = the variable or field it is assigned to. */
  fromCreation(file: string, init: ArgFact, boundTo?: string): C | undefined;
  /** A class is a client when it extends this heritage text (`PrismaClient`). */
  fromHeritage?(file: string, extendsText: string): C | undefined;
  /** Decorators that inject a client: `@InjectKnex()`. */
  fromDecorators?(file: string, decorators: DecoratorFact[], type: string | undefined): C | undefined;
  /** A callback parameter of a method called on a client: `$transaction(async (tx) => …)`. */
  fromCallback?(method: string, paramIndex: number, client: C, enclosing: CallFact): C | undefined;
  /** Does a member of a client still hold it (`prismaService.client`)? Default yes. */
  memberKeepsClient?(name: string): boolean;
  /** A method on a client whose result is again a client: `$extends`, `withSchema`. */
  callKeepsClient?(method: string): boolean;
  /** Last resort on a name nothing else could decide: `prisma`, `PrismaService` from a package. */
  nameHint?(name: string): C | undefined;
}

const MAX_DEPTH = 12;

const baseTypeName = (type: string): string =>
  type
    .replace(/^readonly\s+/, '')
    .split(/[<|&[]/)[0]
    .trim();

/** Split `this.a.b` / `x.y` into head and member names; undefined for shapes we do not follow. */
function splitPath(expr: string): string[] | undefined {
  const parts = expr.split('.');
  return parts.every((p) => /^[\w$#]+$/.test(p)) ? parts : undefined;
}

export class ReceiverTracer<C> {
  private readonly memo = new Map<string, Traced<C> | undefined>();
  private readonly active = new Set<string>();

  constructor(
    private readonly index: ProjectIndex,
    private readonly rules: ClientRules<C>,
  ) {}

  /** The client an expression holds, if any. */
  client(file: string, expr: string, ctx: TraceContext, depth = 0): C | undefined {
    const t = this.trace(file, expr, ctx, depth);
    return t?.kind === 'client' ? t.client : undefined;
  }

  /** What an expression holds: a client, an instance of a project class, or unknown. */
  trace(file: string, expr: string, ctx: TraceContext, depth = 0): Traced<C> | undefined {
    // Where the call sits (`within`) matters only when the head name is a callback parameter there.
    const key = this.shadowed(file, expr, ctx)
      ? `${file}\0${ctx.symbol}\0${ctx.within.join(',')}\0${expr}`
      : `${file}\0${ctx.symbol}\0\0${expr}`;
    if (this.memo.has(key)) return this.memo.get(key);
    if (this.active.has(key) || depth > MAX_DEPTH) return undefined;
    this.active.add(key);
    const result = this.traceUncached(file, expr.replace(/[!?]/g, ''), ctx, depth + 1);
    this.active.delete(key);
    this.memo.set(key, result);
    return result;
  }

  private shadowed(file: string, expr: string, ctx: TraceContext): boolean {
    if (ctx.within.length === 0) return false;
    const head = /^[\w$]+/.exec(expr)?.[0];
    const calls = this.index.files.get(file)?.calls;
    if (!head || !calls) return false;
    return ctx.within.some((id) => calls[id]?.args.some((a) => a.k === 'fn' && a.params.includes(head)));
  }

  private traceUncached(file: string, expr: string, ctx: TraceContext, depth: number): Traced<C> | undefined {
    const facts = this.index.files.get(file);
    if (!facts) return undefined;
    if (expr.endsWith('()')) return this.traceCallResult(file, expr.slice(0, -2), ctx, depth);
    const parts = splitPath(expr);
    if (!parts) return undefined;
    let value: Traced<C> | undefined;
    if (parts[0] === 'this') {
      const cls = facts.classes.find((c) => c.name === ctx.symbol.split('.')[0]);
      value = cls ? this.classValue({ file, cls }) : undefined;
    } else {
      value = this.local(file, facts, parts[0], ctx, depth);
    }
    for (const member of parts.slice(1)) {
      if (!value) return undefined;
      // A member of a client (`prismaService.client`, `db.prisma`) still reaches the same database.
      if (value.kind === 'client') {
        if (this.rules.memberKeepsClient?.(member) === false) return undefined;
        continue;
      }
      value = this.member(value.ref, member, depth);
    }
    return value;
  }

  /** `new X()`, `factory()`, `client.$extends()`: what the call returns. */
  private traceCallResult(file: string, callee: string, ctx: TraceContext, depth: number): Traced<C> | undefined {
    return this.value(file, { k: 'call', callee, args: [] }, ctx, depth);
  }

  private local(file: string, facts: FileFacts, name: string, ctx: TraceContext, depth: number): Traced<C> | undefined {
    // Callback parameters shadow everything else: `(tx) => tx.user.create()`.
    for (const id of [...ctx.within].reverse()) {
      const enclosing = facts.calls[id];
      if (!enclosing) continue;
      for (const arg of enclosing.args) {
        if (arg.k !== 'fn') continue;
        const index = arg.params.indexOf(name);
        if (index === -1) continue;
        const dot = enclosing.callee.lastIndexOf('.');
        const client =
          dot === -1 || !this.rules.fromCallback
            ? undefined
            : this.client(file, enclosing.callee.slice(0, dot), { symbol: enclosing.symbol, within: enclosing.within }, depth);
        const inner =
          client === undefined ? undefined : this.rules.fromCallback?.(enclosing.callee.slice(dot + 1), index, client, enclosing);
        if (inner !== undefined) return { kind: 'client', client: inner };
        // `withDb((trx: Knex.Transaction) => …)` on a project helper: the annotation says what it is
        const annotation = arg.types?.[index];
        const typed = annotation ? this.typeValue(file, annotation) : undefined;
        return typed?.kind === 'client' ? typed : this.hint(name);
      }
    }
    const scoped = facts.variables.find((v) => v.name === name && v.scope === ctx.symbol);
    if (scoped) return this.variable(file, scoped, depth) ?? this.unknownVariable(file, scoped);
    const param = paramsOf(facts, ctx.symbol).find((p) => p.name === name);
    if (param) {
      const value = this.declared(file, param.type, param.decorators, undefined, depth);
      // An untyped (or `any`) parameter says nothing but its name: `up(knex)`, `(db: any) => …`.
      return value ?? (!param.type || /^(any|unknown)$/.test(param.type) ? this.hint(name) : undefined);
    }
    const top = facts.variables.find((v) => v.name === name && v.scope === '<module>');
    if (top) return this.variable(file, top, depth) ?? this.unknownVariable(file, top);
    const resolved = this.index.resolveName(file, name);
    // A function or class of this file is no client; only unknown names get the hint.
    if (resolved?.kind === 'internal' && resolved.file === file && resolved.name === name) return undefined;
    if (resolved?.kind === 'internal') {
      const target = this.index.files.get(resolved.file);
      const v = target?.variables.find((x) => x.name === resolved.name && x.scope === '<module>');
      if (v) return this.variable(resolved.file, v, depth) ?? this.unknownVariable(resolved.file, v);
      const exp = target?.exports.find((e) => e.name === resolved.name && e.local);
      const alias = exp?.local && target?.variables.find((x) => x.name === exp.local && x.scope === '<module>');
      if (alias) return this.variable(resolved.file, alias, depth);
      // `export default knex(config)`: the exported expression is a module-level call on the export's line.
      const direct = exp ? undefined : target?.exports.find((e) => e.name === resolved.name && !e.local && e.kind === 'value');
      const call = direct && target?.calls.find((c) => c.symbol === '<module>' && c.line === direct.line && c.outer === undefined);
      if (call)
        return this.value(resolved.file, { k: 'call', callee: call.callee, args: call.args }, { symbol: '<module>', within: [] }, depth);
      return undefined;
    }
    return this.hint(name);
  }

  /**
   * A variable whose value could not be followed gets the name hint, unless another
   * package made it (`const db = drizzle(pool)`): then it is that package's object.
   */
  private unknownVariable(file: string, v: VariableFact): Traced<C> | undefined {
    const init = v.init;
    if (init?.k === 'call') {
      const head = init.callee.replace(/^new /, '').split(/[.(]/)[0];
      if (this.index.resolveName(file, head)?.kind === 'external') return undefined;
    }
    return this.hint(v.name);
  }

  private variable(file: string, v: VariableFact, depth: number): Traced<C> | undefined {
    if (v.type) {
      const typed = this.typeValue(file, v.type);
      if (typed) return typed;
    }
    const value = v.init ? this.value(file, v.init, { symbol: v.scope, within: [] }, depth, v.name) : undefined;
    return value ?? (v.init?.k === 'call' ? this.createdInside(file, v) : undefined);
  }

  /** `remember('db', () => { const c = new PrismaClient(); …; return c })`: a client created in the initializer's callback. */
  private createdInside(file: string, v: VariableFact): Traced<C> | undefined {
    const calls = this.index.files.get(file)?.calls ?? [];
    const init = calls.find((c) => c.assignedTo === v.name && c.symbol === v.scope);
    if (!init) return undefined;
    for (const c of calls) {
      if (!c.within.includes(init.id)) continue;
      const created = this.rules.fromCreation(file, { k: 'call', callee: c.callee, args: c.args }, v.name);
      if (created !== undefined) return { kind: 'client', client: created };
    }
    return undefined;
  }

  /** A ctor param, property or parameter: its decorators, declared type, or initializer. */
  private declared(
    file: string,
    type: string | undefined,
    decorators: DecoratorFact[],
    init: ArgFact | undefined,
    depth: number,
    ctx: TraceContext = { symbol: '<module>', within: [] },
    boundTo?: string,
  ): Traced<C> | undefined {
    const injected = this.rules.fromDecorators?.(file, decorators, type);
    if (injected !== undefined) return { kind: 'client', client: injected };
    if (type) {
      const typed = this.typeValue(file, type);
      if (typed) return typed;
    }
    return init ? this.value(file, init, ctx, depth, boundTo) : undefined;
  }

  private value(file: string, init: ArgFact, ctx: TraceContext, depth: number, boundTo?: string): Traced<C> | undefined {
    const created = this.rules.fromCreation(file, init, boundTo);
    if (created !== undefined) return { kind: 'client', client: created };
    if (init.k === 'id' || init.k === 'member') return this.trace(file, init.v, ctx, depth);
    // `tx ?? prisma`, `client || db`: either side that is a client.
    const either = init.k === 'other' ? /^([\w$.]+)\s*(?:\?\?|\|\|)\s*([\w$.]+)$/.exec(init.text) : null;
    if (either) {
      for (const side of [either[1], either[2]]) {
        const t = this.trace(file, side, ctx, depth);
        if (t?.kind === 'client') return t;
      }
      return undefined;
    }
    if (init.k !== 'call') return undefined;
    if (init.callee.startsWith('new ')) return this.typeValue(file, init.callee.slice(4));
    // Singleton wrappers: `remember('db', () => new PrismaClient())`, `globalThis.x ??= …` helpers.
    for (const arg of init.args) {
      const inner = arg.k === 'fn' && arg.ret ? this.value(file, arg.ret, ctx, depth, boundTo) : undefined;
      if (inner?.kind === 'client') return inner;
    }
    const dot = init.callee.lastIndexOf('.');
    if (dot !== -1 && /^this\.[\w$]+$/.test(init.callee))
      return this.methodResult(file, ctx.symbol.split('.')[0], init.callee.slice(5), depth);
    if (dot !== -1) {
      const method = init.callee.slice(dot + 1);
      if (!this.rules.callKeepsClient?.(method)) return undefined;
      const recv = this.trace(file, init.callee.slice(0, dot), ctx, depth);
      return recv?.kind === 'client' ? recv : undefined;
    }
    return this.functionResult(file, init.callee, depth);
  }

  /** A factory function (`createPrisma()`, `getDb()`) returns a client when its body creates one. */
  private functionResult(file: string, name: string, depth: number): Traced<C> | undefined {
    const resolved = this.index.resolveName(file, name);
    if (resolved?.kind !== 'internal') return undefined;
    return this.bodyResult(resolved.file, resolved.name, depth);
  }

  /** `this.getClient()`: a method returns a client when its declared type or body says so. */
  private methodResult(file: string, className: string, method: string, depth: number): Traced<C> | undefined {
    const cls = this.index.files.get(file)?.classes.find((c) => c.name === className);
    const m = cls?.members.find((x) => x.name === method && x.kind === 'method');
    if (!cls || !m) return undefined;
    if (m.type) {
      const typed = this.typeValue(file, m.type.replace(/^Promise<(.*)>$/, '$1'));
      if (typed) return typed;
    }
    return this.bodyResult(file, `${className}.${method}`, depth);
  }

  /** Any call in a function body that yields a client: `return new PrismaClient()`, `return this.prisma.$extends(…)`. */
  private bodyResult(file: string, symbol: string, depth: number): Traced<C> | undefined {
    // a recursive function (or two calling each other) would otherwise never end
    if (depth > MAX_DEPTH) return undefined;
    depth++;
    for (const call of this.index.files.get(file)?.calls ?? []) {
      if (call.symbol !== symbol) continue;
      const value = this.value(file, { k: 'call', callee: call.callee, args: call.args }, { symbol, within: call.within }, depth);
      if (value?.kind === 'client') return value;
    }
    return undefined;
  }

  private typeValue(file: string, type: string, hops = 0): Traced<C> | undefined {
    const client = this.rules.fromType(file, type);
    if (client !== undefined) return { kind: 'client', client };
    const name = baseTypeName(type);
    if (!/^[\w$.]+$/.test(name)) return undefined;
    const ref = this.index.resolveClass(file, name);
    if (ref) return this.classValue(ref);
    // `type DbClient = Knex` in the project: the aliased type
    const alias = hops < MAX_DEPTH ? typeAlias(this.index, file, name) : undefined;
    if (alias) return this.typeValue(alias.file, alias.aliasOf, hops + 1);
    return this.hint(name.split('.').pop() ?? name);
  }

  /** An instance of a project class; a client when its heritage chain ends in one. */
  private classValue(ref: ClassRef): Traced<C> | undefined {
    let current: ClassRef | undefined = ref;
    for (let i = 0; current && i < MAX_DEPTH; i++) {
      const ext = current.cls.extends;
      if (!ext) break;
      const client = this.rules.fromHeritage?.(current.file, ext);
      if (client !== undefined) return { kind: 'client', client };
      current = this.index.resolveClass(current.file, baseTypeName(ext));
    }
    return { kind: 'class', ref };
  }

  /** A field of a class instance, looked up in the class and then its bases. */
  private member(ref: ClassRef, name: string, depth: number): Traced<C> | undefined {
    let current: ClassRef | undefined = ref;
    for (let i = 0; current && i < MAX_DEPTH; i++) {
      const { file, cls } = current;
      const m =
        cls.members.find((x) => x.name === name && (x.kind === 'property' || x.kind === 'getter')) ??
        cls.members.find((x) => x.name === name && x.kind === 'ctor-param');
      if (m) {
        if (m.kind === 'getter') {
          const typed = m.type ? this.typeValue(file, m.type) : undefined;
          // `get db() { return this.knex; }`: what its single return holds
          const returned = m.returns ? this.value(file, m.returns, { symbol: `${cls.name}.${name}`, within: [] }, depth) : undefined;
          return typed ?? returned ?? (m.type ? undefined : this.hint(name));
        }
        const value = this.declared(file, m.type, m.decorators, m.init, depth, { symbol: `${cls.name}.${name}`, within: [] }, name);
        // `@Inject(KNEX) private readonly knex` with no type: the name is all there is.
        return value ?? (m.type || m.init ? undefined : this.hint(name));
      }
      if (!cls.extends) break;
      const base = this.index.resolveClass(file, baseTypeName(cls.extends));
      if (!base) return this.hint(name);
      current = base;
    }
    return undefined;
  }

  private hint(name: string): Traced<C> | undefined {
    const client = this.rules.nameHint?.(name);
    return client === undefined ? undefined : { kind: 'client', client };
  }
}
