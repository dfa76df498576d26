/**
 * Which project symbol a call lands on, from facts only: `this.method()`,
 * `this.field.method()` (field typed, `@Inject(Token)`-ed or `new`-ed as a
 * class), `super.method()`, `param.method()` / `local.method()` (typed or
 * `new`-ed), `ImportedClass.staticMethod()`, `fn()`, `ns.fn()`, and exported
 * instances (`export const orders = new OrderRepository()`). Inherited
 * methods walk `extends` to the declaring base class, unless the subclass has
 * sites of its own under that name (a generic base repository whose table
 * comes from the subclass). A field typed by an interface resolves to its one
 * implementing class; an abstract method to its one override. A NestJS CQRS
 * `bus.execute(new Command())` lands on the command's handler. No type checker: names that do not resolve to a
 * class or function of the project give no target. Functions of an object
 * literal bound to a const (`export const ordersRepo = { findAll() {…} }`) are
 * symbols `ordersRepo.findAll`: `ordersRepo.findAll()` (local or imported) and
 * `this.save()` inside the object land there.
 */
import type { CallFact, ClassFact, MemberFact, ParamFact } from '../extract/file-facts.js';
import type { ClassRef, ProjectIndex } from '../link/project-index.js';
import { createClassHierarchy } from './core/class-hierarchy.js';
import { factLookup } from './core/fact-lookup.js';
import { paramsOf } from './core/params-of.js';
import { typeName } from './core/type-name.js';

export interface SymbolRef {
  file: string;
  symbol: string;
}

export const symbolKey = (file: string, symbol: string): string => `${file}#${symbol}`;

export type CallResolver = (file: string, call: CallFact) => SymbolRef | undefined;

const MAX_DEPTH = 8;

const HANDLER_DECORATORS = new Set(['CommandHandler', 'QueryHandler', 'EventsHandler']);
/** Bus method → the handler method it runs. */
const BUS_METHODS: Readonly<Record<string, string>> = { execute: 'execute', publish: 'handle', publishAll: 'handle' };

/** The class named in `new X(...)` / `new ns.X(...)`. */
export function newedClass(init: { k: string; callee?: string } | undefined): string | undefined {
  if (init?.k !== 'call' || !init.callee?.startsWith('new ')) return undefined;
  return init.callee.slice(4).trim();
}

export function createCallResolver(index: ProjectIndex, extraSymbols: ReadonlySet<string>): CallResolver {
  const symbolsByFile = new Map<string, Set<string>>();
  const knownSymbols = (file: string): Set<string> => {
    let set = symbolsByFile.get(file);
    if (!set) {
      set = new Set();
      const facts = index.files.get(file);
      if (facts) {
        for (const fn of facts.functions) set.add(fn.name);
        for (const cls of facts.classes) for (const m of cls.members) if (m.kind !== 'ctor-param') set.add(`${cls.name}.${m.name}`);
        for (const call of facts.calls) set.add(call.symbol);
      }
      symbolsByFile.set(file, set);
    }
    return set;
  };
  const callSymbolsByFile = new Map<string, Set<string>>();
  const hasCalls = (file: string, symbol: string): boolean => {
    let set = callSymbolsByFile.get(file);
    if (!set) callSymbolsByFile.set(file, (set = new Set(index.files.get(file)?.calls.map((c) => c.symbol))));
    return set.has(symbol);
  };
  const hierarchy = createClassHierarchy(index, [...index.files.values()]);
  const hasSymbol = (file: string, symbol: string): boolean => knownSymbols(file).has(symbol) || extraSymbols.has(symbolKey(file, symbol));

  const classIn = (file: string, name: string): ClassFact | undefined => {
    const facts = index.files.get(file);
    return facts ? factLookup(facts).cls(name) : undefined;
  };

  const baseOf = (ref: ClassRef): ClassRef | undefined => {
    const base = typeName(ref.cls.extends);
    return base ? index.resolveClass(ref.file, base) : undefined;
  };

  /** `Class.method` for a method called on an instance of `ref`, walking up the class chain. */
  const methodOf = (ref: ClassRef, name: string, depth = 0): SymbolRef | undefined => {
    if (depth > MAX_DEPTH) return undefined;
    const own = ref.cls.members.find((m) => m.name === name && m.kind !== 'ctor-param');
    const symbol = `${ref.cls.name}.${name}`;
    if (extraSymbols.has(symbolKey(ref.file, symbol))) return { file: ref.file, symbol };
    if (own) {
      // an abstract (or empty) method with a single implementation: calls land there
      if (hasCalls(ref.file, symbol)) return { file: ref.file, symbol };
      const overrides = hierarchy
        .subclasses(ref.file, ref.cls.name)
        .filter((sub) => sub.cls.members.some((m) => m.name === name && m.kind === 'method'));
      return overrides.length === 1 ? { file: overrides[0].file, symbol: `${overrides[0].cls.name}.${name}` } : { file: ref.file, symbol };
    }
    const base = baseOf(ref);
    return base ? methodOf(base, name, depth + 1) : undefined;
  };

  /** The class a member holds: its type, `@Inject(Token)` class token, or `new X()` initializer. */
  const memberClass = (ref: ClassRef, field: string, depth = 0): ClassRef | undefined => {
    if (depth > MAX_DEPTH) return undefined;
    const member = findField(ref.cls, field);
    if (member) return classOfDeclaration(ref.file, member);
    const base = baseOf(ref);
    return base ? memberClass(base, field, depth + 1) : undefined;
  };

  const classOfDeclaration = (
    file: string,
    decl: MemberFact | ParamFact | { type?: string; init?: MemberFact['init']; decorators?: MemberFact['decorators'] },
  ): ClassRef | undefined => {
    const injected = decl.decorators?.find((d) => d.name === 'Inject')?.args[0];
    const candidates = [
      typeName(decl.type),
      injected?.k === 'id' ? injected.v : undefined,
      'init' in decl ? newedClass(decl.init) : undefined,
    ];
    for (const name of candidates) {
      const cls = name ? index.resolveClass(file, name) : undefined;
      if (cls) return cls;
    }
    // typed by an interface (`@Inject(ORDERS) repo: IOrderRepository`): its one implementation
    const declared = typeName(decl.type);
    const implementors = declared ? hierarchy.implementors(declared.slice(declared.lastIndexOf('.') + 1)) : [];
    return implementors.length === 1 ? implementors[0] : undefined;
  };

  /** What an identifier used in `file` inside `symbol` holds: a class instance, a class itself, or a module value. */
  const identifierTarget = (
    file: string,
    symbol: string,
    name: string,
  ): { instanceOf?: ClassRef; classItself?: ClassRef; moduleValue?: SymbolRef } | undefined => {
    const facts = index.files.get(file);
    if (!facts) return undefined;
    const param = paramsOf(facts, symbol).find((p) => p.name === name);
    if (param) {
      const cls = classOfDeclaration(file, param);
      return cls ? { instanceOf: cls } : undefined;
    }
    const variable = factLookup(facts)
      .variables(name)
      .find((v) => v.scope === symbol || v.scope === '<module>');
    if (variable) {
      const cls = classOfDeclaration(file, variable);
      if (cls) return { instanceOf: cls };
      if (variable.scope === '<module>') return { moduleValue: { file, symbol: name } };
      return undefined;
    }
    const local = classIn(file, name);
    if (local) return { classItself: { file, cls: local } };
    const resolved = index.resolveName(file, name);
    if (resolved?.kind !== 'internal' || resolved.file === file) return undefined;
    const target = index.files.get(resolved.file);
    const exportedName =
      resolved.name === 'default' ? (target?.exports.find((e) => e.name === 'default')?.local ?? 'default') : resolved.name;
    return identifierTarget(resolved.file, '<module>', exportedName);
  };

  const resolveFunction = (file: string, name: string): SymbolRef | undefined => {
    const facts = index.files.get(file);
    if (facts && factLookup(facts).fn(name)) return { file, symbol: name };
    const resolved = index.resolveName(file, name);
    if (resolved?.kind !== 'internal') return undefined;
    const target = index.files.get(resolved.file);
    const local = resolved.name === 'default' ? (target?.exports.find((e) => e.name === 'default')?.local ?? 'default') : resolved.name;
    return hasSymbol(resolved.file, local) ? { file: resolved.file, symbol: local } : undefined;
  };

  /** NestJS CQRS: message class name → the `@CommandHandler(X)` / `@QueryHandler(X)` / `@EventsHandler(X)` classes. */
  let handlers: Map<string, ClassRef[]> | undefined;
  const handlersOf = (message: string): ClassRef[] => {
    if (!handlers) {
      handlers = new Map();
      for (const facts of index.files.values()) {
        for (const cls of facts.classes) {
          for (const d of cls.decorators) {
            if (!HANDLER_DECORATORS.has(d.name)) continue;
            for (const a of d.args) {
              if (a.k !== 'id' && a.k !== 'member') continue;
              const name = a.v.slice(a.v.lastIndexOf('.') + 1);
              let list = handlers.get(name);
              if (!list) handlers.set(name, (list = []));
              list.push({ file: facts.path, cls });
            }
          }
        }
      }
    }
    return handlers.get(message) ?? [];
  };

  /** `commandBus.execute(new PlaceOrder(…))` → the one handler's `execute`; `eventBus.publish(new X())` → its `handle`. */
  const busTarget = (callee: string, call: CallFact): SymbolRef | undefined => {
    const method = callee.slice(callee.lastIndexOf('.') + 1);
    const handlerMethod = BUS_METHODS[method];
    const message = newedClass(call.args[0] as { k: string; callee?: string } | undefined);
    if (!handlerMethod || !message) return undefined;
    const found = handlersOf(message.slice(message.lastIndexOf('.') + 1));
    return found.length === 1 ? methodOf(found[0], handlerMethod) : undefined;
  };

  const cache = new Map<string, SymbolRef | null>();

  return (file, call) => {
    const key = `${file}\0${call.id}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit ?? undefined;
    const target = resolveUncached(file, call);
    cache.set(key, target ?? null);
    return target;
  };

  function resolveUncached(file: string, call: CallFact): SymbolRef | undefined {
    const callee = call.callee.replace(/\?\./g, '.').replace(/!/g, '');
    if (callee.startsWith('new ') || callee.includes('(') || call.tagged) return undefined;
    const bus = busTarget(callee, call);
    if (bus) return bus;
    const parts = callee.split('.');
    if (parts[0] === 'this' || parts[0] === 'super') {
      const dot = call.symbol.indexOf('.');
      const cls = dot > 0 ? classIn(file, call.symbol.slice(0, dot)) : undefined;
      const self = cls ? { file, cls } : undefined;
      if (!self) {
        const sibling = objectLiteralSibling(call.symbol, parts);
        return sibling && hasSymbol(file, sibling) ? { file, symbol: sibling } : undefined;
      }
      const start = parts[0] === 'super' ? baseOf(self) : self;
      if (!start) return undefined;
      if (parts.length === 2) return methodOf(start, parts[1]);
      if (parts.length === 3) {
        const held = memberClass(start, parts[1]);
        if (held) return methodOf(held, parts[2]);
      }
      return undefined;
    }
    if (parts.length === 1) return resolveFunction(file, parts[0]);
    if (parts.length === 2) {
      const [head, method] = parts;
      const target = identifierTarget(file, call.symbol, head);
      if (target?.instanceOf) return methodOf(target.instanceOf, method);
      if (target?.classItself) return methodOf(target.classItself, method);
      if (target?.moduleValue) {
        const symbol = `${target.moduleValue.symbol}.${method}`;
        return hasSymbol(target.moduleValue.file, symbol) ? { file: target.moduleValue.file, symbol } : undefined;
      }
    }
    // namespace import: ns.fn() / ns.Class.method()
    const resolved = index.resolveName(file, parts.slice(0, 2).join('.'));
    if (resolved?.kind !== 'internal') return undefined;
    if (parts.length === 2) return hasSymbol(resolved.file, resolved.name) ? { file: resolved.file, symbol: resolved.name } : undefined;
    const cls = classIn(resolved.file, resolved.name);
    return cls && parts.length === 3 ? methodOf({ file: resolved.file, cls }, parts[2]) : undefined;
  }
}

/** `this.load()` inside `const jobs = { run() { return this.load(); } }` names `jobs.load`, a function of the same object. */
function objectLiteralSibling(symbol: string, parts: readonly string[]): string | undefined {
  const dot = symbol.lastIndexOf('.');
  return parts[0] === 'this' && parts.length === 2 && dot > 0 ? `${symbol.slice(0, dot)}.${parts[1]}` : undefined;
}

function findField(cls: ClassFact, name: string): MemberFact | undefined {
  return cls.members.find((m) => m.name === name && (m.kind === 'property' || m.kind === 'ctor-param' || m.kind === 'getter'));
}
