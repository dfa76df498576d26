/**
 * A cache entry is untrusted input: anyone who can write the cache folder can
 * put anything in it. `reviveFileFacts` checks an entry key by key against the
 * FileFacts types and rebuilds it from fresh objects, so a bad entry is
 * dropped (and counted) instead of crashing a later stage (`f.calls is not
 * iterable`) or smuggling in keys extraction never writes. Keys keep their
 * order (some facts are written to analysis.json as they are), and name-keyed
 * records (`obj.props`) get a null prototype, as extraction builds them, so a
 * property named `__proto__` or `constructor` reads the same cold, warm and
 * from a worker thread. When FileFacts (src/extract/file-facts.ts) changes
 * shape, change the shapes here and bump FORMAT_VERSION in facts-cache.ts.
 */
import type {
  ArgFact,
  CallFact,
  ClassFact,
  DecoratorFact,
  EntryPoint,
  ExportFact,
  FileFacts,
  FunctionFact,
  ImportFact,
  ImportedName,
  MemberFact,
  ParamFact,
  TypeFact,
  VariableFact,
} from '../extract/file-facts.js';

/** Thrown inside the reviver; caught at the top, where it turns the entry into a miss. */
class BadEntry extends Error {}

type Check<T = unknown> = (v: unknown, what: string) => T;

const fail = (what: string): never => {
  throw new BadEntry(what);
};
const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const str: Check<string> = (v, what) => (typeof v === 'string' ? v : fail(what));
const int: Check<number> = (v, what) => (Number.isInteger(v) && (v as number) >= 0 ? (v as number) : fail(what));
const number: Check<number> = (v, what) => (typeof v === 'number' ? v : fail(what));
const bool: Check<boolean> = (v, what) => (typeof v === 'boolean' ? v : fail(what));
const literal =
  <T extends string>(...values: T[]): Check<T> =>
  (v, what) =>
    values.includes(v as T) ? (v as T) : fail(what);
const list =
  <T>(item: Check<T>): Check<T[]> =>
  (v, what) =>
    Array.isArray(v) ? v.map((x) => item(x, what)) : fail(what);
const nullable =
  <T>(item: Check<T>): Check<T | null> =>
  (v, what) =>
    v === null ? null : item(v, what);

/**
 * An object type as the checks of its keys: required keys listed in `required`. Keys are copied in
 * the entry's order; a key the type does not have rejects the entry.
 */
function shape<T>(keys: { [K in keyof T]-?: Check<T[K]> }, optional: readonly (keyof T)[] = []): Check<T> {
  const checks = keys as Record<string, Check>;
  const required = Object.keys(checks).filter((k) => !optional.includes(k as keyof T));
  return (v, what) => {
    if (!isObj(v)) return fail(what);
    const out: Record<string, unknown> = {};
    // `what` names the key only (no path is built per key: this runs for every fact of every hit).
    for (const key in v) {
      const check = Object.hasOwn(checks, key) ? checks[key] : fail(`${what}: unknown key ${key}`);
      const value = v[key];
      if (value !== undefined) out[key] = check(value, key);
    }
    for (const key of required) if (out[key] === undefined) fail(`${what}: missing ${key}`);
    return out as T;
  };
}

const MAX_ARG_DEPTH = 64;
let argDepth = 0;

/** `{ k: 'obj', props }` keeps its props in a null-prototype record, as extraction does. */
const props: Check<Record<string, ArgFact>> = (v, what) => {
  if (!isObj(v)) return fail(what);
  const out = Object.create(null) as Record<string, ArgFact>;
  for (const key in v) out[key] = argFact(v[key], what);
  return out;
};

type ArgShapes = { [K in ArgFact['k']]: Check<Extract<ArgFact, { k: K }>> };
const argShapes: ArgShapes = {
  str: shape({ k: literal('str'), v: str }),
  num: shape({ k: literal('num'), v: number }),
  tpl: shape({ k: literal('tpl'), parts: list(str), exprs: list(str) }),
  id: shape({ k: literal('id'), v: str }),
  member: shape({ k: literal('member'), v: str }),
  fn: shape({ k: literal('fn'), params: list(str), types: list(nullable(str)), ret: (v, w) => argFact(v, w) }, ['types', 'ret']),
  obj: shape({ k: literal('obj'), props }),
  arr: shape({ k: literal('arr'), items: list((v, w) => argFact(v, w)) }),
  call: shape({ k: literal('call'), callee: str, args: list((v, w) => argFact(v, w)), recv: (v, w) => argFact(v, w) }, ['recv']),
  other: shape({ k: literal('other'), text: str }),
};

function argFact(v: unknown, what: string): ArgFact {
  if (!isObj(v) || typeof v.k !== 'string' || !Object.hasOwn(argShapes, v.k)) return fail(`${what}: argument`);
  if (++argDepth > MAX_ARG_DEPTH) fail(`${what}: argument nested too deep`);
  try {
    return argShapes[v.k as ArgFact['k']](v, what);
  } finally {
    argDepth--;
  }
}
const arg: Check<ArgFact> = argFact;

const importedName = shape<ImportedName>({ imported: str, local: str, typeOnly: bool, refs: int, members: list(str) }, ['refs', 'members']);
const importFact = shape<ImportFact>({
  specifier: str,
  kind: literal('import', 'type-only', 'dynamic', 'require', 're-export'),
  names: list(importedName),
  line: int,
  refs: int,
});
const exportFact = shape<ExportFact>(
  {
    name: str,
    local: str,
    kind: literal('class', 'function', 'variable', 'type', 'interface', 'enum', 'namespace', 'value'),
    line: int,
  },
  ['local'],
);
const decorator = shape<DecoratorFact>({ name: str, args: list(arg) });
const param = shape<ParamFact>({ name: str, type: str, decorators: list(decorator) }, ['type']);
const member = shape<MemberFact>(
  {
    name: str,
    kind: literal('property', 'method', 'ctor-param', 'getter', 'setter'),
    static: bool,
    type: str,
    decorators: list(decorator),
    init: arg,
    returns: arg,
    params: list(param),
    line: int,
    endLine: int,
  },
  ['type', 'init', 'returns', 'params'],
);
const classFact = shape<ClassFact>(
  {
    name: str,
    line: int,
    endLine: int,
    exported: bool,
    decorators: list(decorator),
    extends: str,
    implements: list(str),
    members: list(member),
  },
  ['extends'],
);
const functionFact = shape<FunctionFact>({ name: str, line: int, endLine: int, exported: bool, params: list(param) });
const variableFact = shape<VariableFact>({ name: str, line: int, exported: bool, type: str, init: arg, scope: str }, ['type', 'init']);
const typeMember = shape<{ name: string; type?: string }>({ name: str, type: str }, ['type']);
const typeFact = shape<TypeFact>(
  {
    name: str,
    kind: literal('interface', 'alias'),
    line: int,
    exported: bool,
    members: list(typeMember),
    aliasOf: str,
    extends: list(str),
  },
  ['members', 'aliasOf', 'extends'],
);
const callFact = shape<CallFact>(
  {
    id: int,
    callee: str,
    args: list(arg),
    typeArgs: list(str),
    line: int,
    symbol: str,
    within: list(int),
    receiver: int,
    outer: int,
    tagged: bool,
    assignedTo: str,
  },
  ['receiver', 'outer', 'tagged', 'assignedTo'],
);
const entryPoint = shape<EntryPoint>(
  {
    kind: literal('http', 'message', 'event', 'queue', 'cron'),
    framework: str,
    method: str,
    route: str,
    topic: str,
    transport: str,
    topicRef: str,
    symbol: str,
    line: int,
  },
  ['method', 'route', 'topic', 'transport', 'topicRef'],
);
const fileFacts = shape<FileFacts>({
  path: str,
  lines: int,
  parseErrors: int,
  imports: list(importFact),
  exports: list(exportFact),
  classes: list(classFact),
  functions: list(functionFact),
  variables: list(variableFact),
  types: list(typeFact),
  calls: list(callFact),
  entryPoints: list(entryPoint),
});

/** Call ids index FileFacts.calls: an id out of place or range would make later stages read `undefined`. */
function checkCallIds(calls: readonly CallFact[]): void {
  const inRange = (id: number | undefined): boolean => id === undefined || id < calls.length;
  calls.forEach((c, i) => {
    if (c.id !== i || !inRange(c.receiver) || !inRange(c.outer) || !c.within.every(inRange)) fail(`calls[${i}]: call id`);
  });
}

/** Rebuilds FileFacts of `path` from untrusted data, or says why it is not that. */
export function reviveFileFacts(raw: unknown, path: string): { facts: FileFacts } | { error: string } {
  try {
    argDepth = 0;
    const facts = fileFacts(raw, 'facts');
    if (facts.path !== path) fail('facts of another file');
    checkCallIds(facts.calls);
    return { facts };
  } catch (error) {
    if (error instanceof BadEntry) return { error: error.message };
    throw error;
  }
}
