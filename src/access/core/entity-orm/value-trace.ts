/**
 * What an expression holds, traced through facts only: `this.userRepo`,
 * `dataSource.getRepository(User)`, a callback's `manager`, an imported
 * `AppDataSource`. Shared by the TypeORM and MikroORM adapters: both speak of
 * repositories, entity managers and query builders, and differ only in the
 * names, which each adapter supplies as `OrmSemantics`.
 */
import type {
  ArgFact,
  CallFact,
  ClassFact,
  DecoratorFact,
  FileFacts,
  MemberFact,
  ParamFact,
  VariableFact,
} from '../../../extract/file-facts.js';
import type { ClassRef, ProjectIndex } from '../../../link/project-index.js';
import { paramsOf } from '../params-of.js';
import { entityKey, type EntityCatalog, type EntityInfo } from './entity-catalog.js';
import type { QbState } from './query-builder.js';

export type Value =
  /** A repository; without `entity` it is generic, and `param` says which parameter of the enclosing method names the entity. */
  | { k: 'repo'; entity?: EntityInfo; store?: string; param?: number }
  /** EntityManager, DataSource/Connection, MikroORM's `em`. */
  | { k: 'manager'; store?: string }
  /** MikroORM's `MikroORM` instance (its `em`), or a driver connection. */
  | { k: 'orm'; store?: string }
  | { k: 'connection'; store?: string }
  | { k: 'runner'; store?: string }
  | { k: 'qb'; qb: QbState }
  /** The entity class itself (ActiveRecord statics). */
  | { k: 'entity-class'; entity: EntityInfo }
  /** An entity instance (`new User()`, a typed parameter, a loaded row). */
  | { k: 'instance'; entity: EntityInfo }
  /** An instance of a project class that is not the ORM's (`TransactionalConnection`): its methods' return types still count. */
  | { k: 'object'; ref: ClassRef };

/** Where an expression is evaluated. */
export interface Scope {
  file: FileFacts;
  symbol: string;
  line: number;
  within: readonly number[];
}

/** The ORM-specific half: how its types, decorators and methods produce values. */
export interface OrmSemantics {
  isOrmPackage(pkg: string): boolean;
  /** A type exported by the ORM, e.g. `Repository` with args `['User']`. */
  fromOrmType(name: string, typeArgs: string[], file: string): Value | undefined;
  /** A decorator on a member or parameter, e.g. `@InjectRepository(User)`. */
  fromDecorator(d: DecoratorFact, file: string): Value | undefined;
  /** A function exported by the ORM called directly, e.g. `getRepository(User)`. */
  fromOrmFunction(name: string, args: readonly ArgFact[], scope: Scope): Value | undefined;
  /** `new X(…)` of a class exported by the ORM. */
  fromOrmNew(name: string, args: readonly ArgFact[], scope: Scope): Value | undefined;
  fromMethod(recv: Value, method: string, args: readonly ArgFact[], scope: Scope): Value | undefined;
  fromProperty(recv: Value, prop: string): Value | undefined;
  /** Parameter `paramIndex` of the callback passed as argument `argIndex` of `recv.method(…)`. */
  callbackParam(recv: Value, method: string, argIndex: number, paramIndex: number, args: readonly ArgFact[]): Value | undefined;
  /** A project class as a value: `this` inside a custom repository, or an instance typed by one. */
  fromClass(ref: ClassRef, isStatic: boolean): Value | undefined;
}

interface FileIndex {
  assigned: Map<string, CallFact[]>;
  variables: Map<string, VariableFact[]>;
  classes: Map<string, ClassFact>;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;
/** Parameter types and names that carry an entity class (`Type<T>`, `EntityTarget<T>`, `entityType`). */
const ENTITY_TARGET_TYPE =
  /\b(Type|ObjectType|EntityTarget|EntityClass|EntityName|EntitySchema|Constructor|ClassType)\s*<|\bnew\s*\(|^typeof\s/;
const ENTITY_TARGET_NAME = /^(entity|target|model|schema|entityType|entityClass|entityName|entityTarget|targetEntity|repositoryTarget)$/i;

export class ValueTracer {
  private readonly callMemo = new Map<string, Value | undefined>();
  private readonly receiverMemo = new Map<string, Value | undefined>();
  /** `this.x` is the same in every method of a class: memoised per class and member. */
  private readonly memberMemo = new Map<string, Value | undefined>();
  private readonly active = new Set<string>();
  private readonly fileIndexes = new Map<string, FileIndex>();

  private readonly sem: OrmSemantics;

  /** `semantics` receives the tracer, so the ORM's rules can trace arguments too (`withRepository(repo)`). */
  constructor(
    readonly index: ProjectIndex,
    readonly catalog: EntityCatalog,
    semantics: (tracer: ValueTracer) => OrmSemantics,
  ) {
    this.sem = semantics(this);
  }

  scopeOf(file: FileFacts, call: CallFact): Scope {
    return { file, symbol: call.symbol, line: call.line, within: call.within };
  }

  /** Method name of a call, without splitting off the receiver text. */
  static method(callee: string): string {
    return callee.slice(callee.lastIndexOf('.') + 1);
  }

  /** Method name of a call (`find` for `this.repo.find`), and the receiver's text when it is not a call. */
  static split(callee: string): { recvText?: string; method: string } {
    const dot = callee.lastIndexOf('.');
    if (dot < 0) return { method: callee };
    return { recvText: callee.slice(0, dot), method: callee.slice(dot + 1) };
  }

  /** The value a call returns. */
  callValue(file: FileFacts, call: CallFact): Value | undefined {
    const key = `${file.path}#${call.id}`;
    if (this.callMemo.has(key)) return this.callMemo.get(key);
    if (this.active.has(key)) return undefined;
    this.active.add(key);
    const value = this.evalCall(this.scopeOf(file, call), call.callee, call.args, () => this.receiverValue(file, call));
    this.active.delete(key);
    this.callMemo.set(key, value);
    return value;
  }

  /** The value a call's receiver holds (`this.repo` in `this.repo.find()`). */
  receiverValue(file: FileFacts, call: CallFact): Value | undefined {
    const key = `${file.path}#${call.id}`;
    if (this.receiverMemo.has(key)) return this.receiverMemo.get(key);
    const value = this.receiverUncached(file, call);
    this.receiverMemo.set(key, value);
    return value;
  }

  private receiverUncached(file: FileFacts, call: CallFact): Value | undefined {
    if (call.receiver !== undefined) {
      const inner = file.calls[call.receiver];
      return inner ? this.callValue(file, inner) : undefined;
    }
    const { recvText } = ValueTracer.split(call.callee);
    if (!recvText || recvText.includes('(') || recvText.includes('[')) return undefined;
    return this.pathValue(this.scopeOf(file, call), recvText);
  }

  private evalCall(scope: Scope, callee: string, args: readonly ArgFact[], recv: () => Value | undefined): Value | undefined {
    if (callee.startsWith('new ')) return this.newValue(scope, callee.slice(4), args);
    const { recvText, method } = ValueTracer.split(callee);
    if (recvText === undefined) {
      const resolved = this.index.resolveName(scope.file.path, method);
      if (resolved?.kind === 'external' && this.sem.isOrmPackage(resolved.package))
        return this.sem.fromOrmFunction(resolved.name, args, scope);
      return undefined;
    }
    const r = recv();
    if (r?.k === 'object') return this.objectMethodValue(r.ref, method, args, scope);
    if (r) return this.sem.fromMethod(r, method, args, scope);
    // `typeorm.getRepository(User)` through a namespace import; `MikroORM.init(…)` on an ORM class.
    if (IDENT.test(recvText)) {
      const resolved = this.index.resolveName(scope.file.path, recvText);
      if (resolved?.kind === 'external' && this.sem.isOrmPackage(resolved.package)) {
        return this.sem.fromOrmFunction(resolved.name === '*' ? method : `${resolved.name}.${method}`, args, scope);
      }
    }
    return undefined;
  }

  private newValue(scope: Scope, name: string, args: readonly ArgFact[]): Value | undefined {
    const resolved = this.index.resolveName(scope.file.path, name);
    if (resolved?.kind === 'external')
      return this.sem.isOrmPackage(resolved.package) ? this.sem.fromOrmNew(resolved.name, args, scope) : undefined;
    const entity = this.catalog.fromName(scope.file.path, name);
    if (entity) return { k: 'instance', entity };
    const ref = this.index.resolveClass(scope.file.path, name);
    return ref ? this.classInstance(ref) : undefined;
  }

  private classInstance(ref: ClassRef): Value {
    return this.sem.fromClass(ref, false) ?? { k: 'object', ref };
  }

  /**
   * A project method called on a project object: its declared return type
   * (`getRepository<T>(ctx, target): Repository<T>`), with a generic entity
   * taken from the entity class among the arguments.
   */
  private objectMethodValue(ref: ClassRef, method: string, args: readonly ArgFact[], scope: Scope): Value | undefined {
    const found = this.findMember(ref, method, (m) => m.kind === 'method');
    if (!found?.member.type) return undefined;
    const returned = found.member.type.replace(/^Promise<(.*)>$/s, '$1');
    const v = this.typeValue(found.ref.file, returned) ?? this.boundTypeParam(ref, found.ref, returned);
    const entity = (): EntityInfo | undefined => {
      for (const a of args) {
        const e = this.catalog.fromArg(scope.file.path, a);
        if (e) return e;
      }
      return undefined;
    };
    if (v?.k === 'repo' && !v.entity) {
      const e = entity();
      return e ? { ...v, entity: e } : { ...v, param: this.paramIndex(scope, args) };
    }
    if (v?.k === 'qb' && !v.qb.main) return { k: 'qb', qb: { ...v.qb, main: entity(), created: true } };
    return v?.k === 'object' ? undefined : v;
  }

  /**
   * Index of the enclosing method's parameter that carries an entity class
   * among `args` (`getRepository(ctx, entityType)` inside `find(ctx, entityType: Type<T>)`):
   * the one typed or named as an entity target, or the only parameter passed.
   */
  paramIndex(scope: Scope, args: readonly ArgFact[]): number | undefined {
    const params = this.paramsOf(scope.file, scope.symbol);
    const passed = args.flatMap((a) => (a.k === 'id' ? params.findIndex((p) => p.name === a.v) : -1)).filter((i) => i >= 0);
    const byType = passed.filter((i) => ENTITY_TARGET_TYPE.test(params[i]!.type ?? ''));
    if (byType.length > 0) return byType[0];
    const byName = passed.filter((i) => ENTITY_TARGET_NAME.test(params[i]!.name));
    if (byName.length > 0) return byName[0];
    return passed.length === 1 && params[passed[0]!]!.type === undefined ? passed[0] : undefined;
  }

  /** Is `arg` a parameter typed by a type parameter (`save(entity: T)`), whose entity only a subclass binds? */
  typedByTypeParam(scope: Scope, arg: ArgFact | undefined): boolean {
    const items = arg?.k === 'arr' ? arg.items : arg ? [arg] : [];
    if (items.length === 0) return false;
    return items.every((a) => {
      if (a.k !== 'id') return false;
      const type = this.paramsOf(scope.file, scope.symbol).find((p) => p.name === a.v)?.type;
      const parts = type?.split('|').map((t) => t.trim().replace(/\[\]$/, '')) ?? [];
      return parts.length > 0 && parts.every((t) => /^[A-Z]\w*$/.test(t) && this.index.resolveName(scope.file.path, t) === undefined);
    });
  }

  /**
   * A method of a generic base returning its type parameter (`findById(id): Promise<T>`),
   * called on a subclass that binds it (`LessonRepo extends BaseRepo<LessonEntity>`).
   */
  private boundTypeParam(from: ClassRef, declaring: ClassRef, returned: string): Value | undefined {
    const m = /^([A-Z]\w*)(\[\])?(\s*\|\s*(null|undefined))*$/.exec(returned.trim());
    if (!m || this.index.resolveName(declaring.file, m[1]!) !== undefined) return undefined;
    const seen = new Set<string>();
    let current: ClassRef | undefined = from;
    while (current?.cls.extends && !seen.has(`${current.file}#${current.cls.name}`) && current.cls !== declaring.cls) {
      seen.add(`${current.file}#${current.cls.name}`);
      for (const t of heritageTypeArgs(current.cls.extends)) {
        const entity = this.catalog.fromType(current.file, t);
        if (entity) return { k: 'instance', entity };
      }
      current = this.index.resolveClass(current.file, heritageName(current.cls.extends));
    }
    return undefined;
  }

  /** A callback parameter typed by the project method receiving it: `inTx(work: (m: EntityManager) => …)`. */
  private declaredCallbackParam(ref: ClassRef, method: string, argIndex: number, paramIndex: number): Value | undefined {
    const found = this.findMember(ref, method, (m) => m.kind === 'method');
    const fnType = /^\s*\((.*)\)\s*=>/s.exec(found?.member.params?.[argIndex]?.type ?? '');
    const param = fnType ? splitTopLevel(fnType[1]!)[paramIndex] : undefined;
    const type = param?.slice(param.indexOf(':') + 1).trim();
    return found && type && param!.includes(':') ? this.typeValue(found.ref.file, type) : undefined;
  }

  /** A member of a class or its bases, with the class declaring it. */
  findMember(ref: ClassRef, name: string, accept: (m: MemberFact) => boolean): { ref: ClassRef; member: MemberFact } | undefined {
    const seen = new Set<string>();
    let current: ClassRef | undefined = ref;
    while (current && !seen.has(`${current.file}#${current.cls.name}`)) {
      seen.add(`${current.file}#${current.cls.name}`);
      const member = current.cls.members.find((m) => m.name === name && accept(m));
      if (member) return { ref: current, member };
      current = current.cls.extends ? this.index.resolveClass(current.file, heritageName(current.cls.extends)) : undefined;
    }
    return undefined;
  }

  /** The value of a summarised expression. */
  argValue(scope: Scope, arg: ArgFact | undefined): Value | undefined {
    if (!arg) return undefined;
    switch (arg.k) {
      case 'id':
        return this.pathValue(scope, arg.v);
      case 'member':
        return this.pathValue(scope, arg.v);
      case 'call': {
        const recv = arg.recv;
        return this.evalCall(scope, arg.callee, arg.args, () => {
          if (recv) return this.argValue(scope, recv);
          const { recvText } = ValueTracer.split(arg.callee);
          return recvText && !recvText.includes('(') ? this.pathValue(scope, recvText) : undefined;
        });
      }
      default:
        return undefined;
    }
  }

  /** `this.repo`, `this.dataSource.manager`, `manager`, `AppDataSource`, `queryRunner.manager`. */
  private pathValue(scope: Scope, text: string): Value | undefined {
    const segs = text.split('.');
    let value: Value | undefined;
    let i = 1;
    // `super.findById(id)` resolves like `this.findById`: members are looked up through the bases.
    if (segs[0] === 'this' || segs[0] === 'super') {
      if (segs.length === 1) return this.thisValue(scope);
      value = this.thisMember(scope.file, className(scope.symbol), segs[1]!);
      if (!value) {
        const self = this.thisValue(scope);
        value = self && self.k !== 'object' ? this.sem.fromProperty(self, segs[1]!) : undefined;
      }
      i = 2;
    } else {
      value = this.identValue(scope, segs[0]!);
    }
    for (; i < segs.length && value; i++) value = this.propertyValue(value, segs[i]!);
    return value;
  }

  private propertyValue(value: Value, prop: string): Value | undefined {
    if (value.k !== 'object') return this.sem.fromProperty(value, prop);
    const file = this.index.files.get(value.ref.file);
    return file ? this.memberValue(file, value.ref.cls.name, prop, new Set()) : undefined;
  }

  private thisMember(file: FileFacts, cls: string, name: string): Value | undefined {
    const key = `${file.path}#${cls}#${name}`;
    if (this.memberMemo.has(key)) return this.memberMemo.get(key);
    if (this.active.has(key)) return undefined;
    this.active.add(key);
    const value = this.memberValue(file, cls, name, new Set());
    this.active.delete(key);
    this.memberMemo.set(key, value);
    return value;
  }

  private thisValue(scope: Scope): Value | undefined {
    // `repo.extend({ findByName(n) { return this.findOneBy({ n }); } })`: `this` is the extended repository.
    for (let w = scope.within.length - 1; w >= 0; w--) {
      const outer = scope.file.calls[scope.within[w]!];
      if (outer && ValueTracer.method(outer.callee) === 'extend') {
        const recv = this.receiverValue(scope.file, outer);
        if (recv?.k === 'repo') return recv;
      }
    }
    const cls = this.fileIndex(scope.file).classes.get(className(scope.symbol));
    if (!cls) return undefined;
    const member = cls.members.find((m) => m.name === memberName(scope.symbol));
    const isStatic = member?.static ?? false;
    const entity = this.catalog.get(entityKey(scope.file.path, cls.name));
    if (entity) return isStatic ? { k: 'entity-class', entity } : { k: 'instance', entity };
    const ref = { file: scope.file.path, cls };
    return this.sem.fromClass(ref, isStatic) ?? (isStatic ? undefined : { k: 'object', ref });
  }

  /** A class member (own or inherited): decorators, type, initialiser, or `this.x = …` assignments. */
  private memberValue(file: FileFacts, cls: string, name: string, seen: Set<string>): Value | undefined {
    const key = `${file.path}#${cls}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    const fact = this.fileIndex(file).classes.get(cls);
    if (!fact) return undefined;
    const scope: Scope = { file, symbol: `${cls}.${name}`, line: Number.MAX_SAFE_INTEGER, within: [] };
    for (const m of fact.members) {
      if (m.name !== name || m.kind === 'method') continue;
      const v = this.declaredValue(file.path, m.decorators, m.type);
      if (v) return v;
    }
    const assigned = (this.fileIndex(file).assigned.get(`this.${name}`) ?? []).filter((c) => className(c.symbol) === cls);
    for (const c of assigned) {
      const v = this.callValue(file, c);
      if (v) return v;
    }
    const init = fact.members.find((m) => m.name === name && m.init)?.init;
    const v = init ? this.argValue(scope, init) : undefined;
    if (v) return v;
    // Inherited: `protected readonly repo: Repository<User>` in a base class.
    const base = fact.extends ? heritageName(fact.extends) : undefined;
    const ref = base ? this.index.resolveClass(file.path, base) : undefined;
    const baseFile = ref ? this.index.files.get(ref.file) : undefined;
    return ref && baseFile ? this.memberValue(baseFile, ref.cls.name, name, seen) : undefined;
  }

  private declaredValue(file: string, decorators: readonly DecoratorFact[], type: string | undefined): Value | undefined {
    for (const d of decorators) {
      const v = this.sem.fromDecorator(d, file);
      if (v) return v;
    }
    return this.typeValue(file, type);
  }

  /** `Repository<User>`, `EntityManager`, `UserRepository`, `User`. */
  typeValue(file: string, type: string | undefined): Value | undefined {
    if (!type) return undefined;
    // `typeof NoteRepository` (awilix-injected fields): the value the named constant holds.
    const typeOf = /^\s*typeof\s+([A-Za-z_$][\w$]*)\s*$/.exec(type);
    if (typeOf) {
      const facts = this.index.files.get(file);
      return facts
        ? this.identValue({ file: facts, symbol: '<module>', line: Number.MAX_SAFE_INTEGER, within: [] }, typeOf[1]!)
        : undefined;
    }
    const m = /^\s*(?:readonly\s+)?([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*(?:<(.*)>)?/s.exec(type);
    if (!m) return undefined;
    const name = m[1]!;
    const typeArgs = m[2] ? splitTopLevel(m[2]) : [];
    const head = name.split('.')[0]!;
    const resolved = this.index.resolveName(file, head);
    if (resolved?.kind === 'external') {
      if (!this.sem.isOrmPackage(resolved.package)) return undefined;
      const exported = head === name ? resolved.name : name.slice(head.length + 1);
      return this.sem.fromOrmType(exported, typeArgs, file);
    }
    const entity = this.catalog.fromName(file, name);
    if (entity) return { k: 'instance', entity };
    const ref = this.index.resolveClass(file, name);
    return ref ? this.classInstance(ref) : undefined;
  }

  /** A bare identifier: callback parameter, local, parameter, module variable, import, class. */
  private identValue(scope: Scope, name: string): Value | undefined {
    const { file } = scope;
    for (let w = scope.within.length - 1; w >= 0; w--) {
      const outer = file.calls[scope.within[w]!];
      if (!outer) continue;
      for (let i = 0; i < outer.args.length; i++) {
        const a = outer.args[i]!;
        if (a.k !== 'fn') continue;
        const j = a.params.indexOf(name);
        if (j < 0) continue;
        const recv = this.receiverValue(file, outer);
        const { method } = ValueTracer.split(outer.callee);
        if (recv?.k === 'object') return this.declaredCallbackParam(recv.ref, method, i, j);
        return recv ? this.sem.callbackParam(recv, method, i, j, outer.args) : undefined;
      }
    }
    const idx = this.fileIndex(file);
    const local = this.localValue(file, idx, scope.symbol, name, scope.line);
    if (local.found) return local.value;
    const param = this.paramOf(file, scope.symbol, name);
    if (param) return this.declaredValue(file.path, param.decorators, param.type);
    if (scope.symbol !== '<module>') {
      const top = this.localValue(file, idx, '<module>', name, Number.MAX_SAFE_INTEGER);
      if (top.found) return top.value;
    }
    const cls = idx.classes.get(name);
    if (cls) return this.classValue({ file: file.path, cls });
    const resolved = this.index.resolveName(file.path, name);
    if (resolved?.kind !== 'internal' || resolved.file === file.path) return undefined;
    const target = this.index.files.get(resolved.file);
    if (!target) return undefined;
    const targetClass = this.fileIndex(target).classes.get(resolved.name);
    if (targetClass) return this.classValue({ file: target.path, cls: targetClass });
    const guard = `${target.path}|${resolved.name}`;
    if (this.active.has(guard)) return undefined;
    this.active.add(guard);
    const v = this.localValue(target, this.fileIndex(target), '<module>', resolved.name, Number.MAX_SAFE_INTEGER);
    this.active.delete(guard);
    return v.value;
  }

  /** A class named as a value: an entity class, or a project class whose static methods' return types count. */
  private classValue(ref: ClassRef): Value | undefined {
    const entity = this.catalog.get(entityKey(ref.file, ref.cls.name));
    return entity ? { k: 'entity-class', entity } : { k: 'object', ref };
  }

  /** A `const x = …` in `symbol`: the last assignment before `line` wins. */
  private localValue(file: FileFacts, idx: FileIndex, symbol: string, name: string, line: number): { found: boolean; value?: Value } {
    const calls = (idx.assigned.get(name) ?? []).filter((c) => c.symbol === symbol && c.line <= line);
    const vars = (idx.variables.get(name) ?? []).filter((v) => v.scope === symbol && v.line <= line);
    if (calls.length === 0 && vars.length === 0) return { found: false };
    const last = calls.at(-1);
    if (last) {
      const v = this.callValue(file, last);
      if (v) return { found: true, value: v.k === 'qb' ? { k: 'qb', qb: { ...v.qb, created: false, holder: name } } : v };
    }
    const scope: Scope = { file, symbol, line, within: [] };
    for (const decl of [...vars].reverse()) {
      const v = this.typeValue(file.path, decl.type) ?? (decl.init && decl.init.k !== 'call' ? this.argValue(scope, decl.init) : undefined);
      if (v) return { found: true, value: v };
    }
    return { found: true };
  }

  paramsOf(file: FileFacts, symbol: string): ParamFact[] {
    return paramsOf(file, symbol);
  }

  private paramOf(file: FileFacts, symbol: string, name: string): ParamFact | undefined {
    return paramsOf(file, symbol).find((p) => p.name === name);
  }

  private fileIndex(file: FileFacts): FileIndex {
    let idx = this.fileIndexes.get(file.path);
    if (idx) return idx;
    idx = { assigned: new Map(), variables: new Map(), classes: new Map() };
    for (const c of file.calls) if (c.assignedTo) push(idx.assigned, c.assignedTo, c);
    for (const v of file.variables) push(idx.variables, v.name, v);
    for (const c of file.classes) if (!idx.classes.has(c.name)) idx.classes.set(c.name, c);
    this.fileIndexes.set(file.path, idx);
    return idx;
  }
}

export const className = (symbol: string): string => symbol.split('.')[0]!;
const memberName = (symbol: string): string => symbol.split('.')[1] ?? '';

/** `Repository<User>` → `Repository`; `mixins.Base` → `mixins.Base`. */
export function heritageName(text: string): string {
  return text.replace(/<.*$/s, '').trim();
}

/** Type arguments of a heritage clause: `Repository<User>` → `['User']`. */
export function heritageTypeArgs(text: string): string[] {
  const m = /<(.*)>\s*$/s.exec(text);
  return m ? splitTopLevel(m[1]!) : [];
}

/** Split `A, B<C, D>` at top-level commas. */
export function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '<' || ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === '>' || ch === ')' || ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last) out.push(last);
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
