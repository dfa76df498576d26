/**
 * FileFacts: everything carve learns from one file, in one syntactic walk.
 * Serialisable (the cache stores it) and free of AST nodes, so every later
 * stage — linking, ORM adapters, propagation — works on facts only.
 */
import type { EntryPoint } from '../model/entry-point.js';

/** A compact, serialisable summary of an expression used as an argument or initializer. */
export type ArgFact =
  | { k: 'str'; v: string }
  | { k: 'num'; v: number }
  | { k: 'tpl'; parts: string[]; exprs: string[] } // template literal: parts.length === exprs.length + 1
  | { k: 'id'; v: string } // identifier
  | { k: 'member'; v: string } // property access text, e.g. `this.tableName`, `Order.name`
  | { k: 'fn'; params: string[]; types?: (string | null)[]; ret?: ArgFact } // arrow/function; types = param annotations; ret = an expression body or a lone `return`
  | { k: 'obj'; props: Record<string, ArgFact> }
  | { k: 'arr'; items: ArgFact[] }
  | { k: 'call'; callee: string; args: ArgFact[]; recv?: ArgFact } // a call or `new X()`; recv = the call it chains on (`a().b()`)
  | { k: 'other'; text: string }; // anything else, text truncated

export type ImportKind = 'import' | 'type-only' | 'dynamic' | 'require' | 're-export';

export interface ImportedName {
  /** Name in the target module: an export name, `default`, or `*` (namespace / export-all). */
  imported: string;
  /** Name bound in this file (for re-exports: the name this file exports it under; `*` for `export *`). */
  local: string;
  typeOnly: boolean;
  /** References to `local` elsewhere in the file (not set for re-exports). */
  refs?: number;
  /** For a namespace import: the members read through it (`ns.a`, `ns.b`), sorted. */
  members?: string[];
}

export interface ImportFact {
  specifier: string;
  kind: ImportKind;
  names: ImportedName[];
  line: number;
  /** References to the imported local bindings elsewhere in this file. */
  refs: number;
}

export interface ExportFact {
  name: string; // `default` for default exports
  /** Local binding the export refers to, when it differs (`export default Foo`, `export { a as b }`). */
  local?: string;
  kind: 'class' | 'function' | 'variable' | 'type' | 'interface' | 'enum' | 'namespace' | 'value';
  line: number;
}

export interface DecoratorFact {
  name: string; // `Controller`, `Get`, `InjectRepository`, `Column` …
  args: ArgFact[];
}

export interface ParamFact {
  name: string;
  type?: string; // annotation text, e.g. `Repository<User>`, `PrismaService`
  decorators: DecoratorFact[];
}

export interface MemberFact {
  name: string;
  kind: 'property' | 'method' | 'ctor-param' | 'getter' | 'setter';
  static: boolean;
  type?: string;
  decorators: DecoratorFact[];
  init?: ArgFact; // property initializer, or a constructor parameter's default
  /** What a getter or method returns when its body is a single `return <expr>`. */
  returns?: ArgFact;
  params?: ParamFact[]; // methods
  line: number;
  endLine: number;
}

export interface ClassFact {
  name: string; // `default` for an anonymous default export
  line: number;
  endLine: number;
  exported: boolean;
  decorators: DecoratorFact[];
  extends?: string; // heritage text incl. type args, e.g. `Repository<User>`
  implements: string[];
  members: MemberFact[];
}

export interface FunctionFact {
  name: string; // top-level function, or a top-level const bound to an arrow/function expression
  line: number;
  endLine: number;
  exported: boolean;
  params: ParamFact[];
}

export interface VariableFact {
  name: string;
  line: number;
  exported: boolean;
  type?: string;
  init?: ArgFact;
  /** Enclosing symbol (`Class.method`, `fn`), `<module>` for top level, `<callback>` inside a module-level callback. */
  scope: string;
}

export interface CallFact {
  id: number; // index in FileFacts.calls
  /**
   * Callee text with inner call arguments elided: `this.prisma.user.findMany`,
   * `db.select().from`, `knex().where().update`, `new Schema`. Tagged templates keep the tag.
   */
  callee: string;
  args: ArgFact[];
  typeArgs: string[];
  line: number;
  /** Enclosing symbol: `Class.method`, `functionName`, or `<module>`. */
  symbol: string;
  /** Ids of calls whose arguments (callbacks, arrays, …) contain this call, outermost first. */
  within: number[];
  /** Id of the call this call's callee is a member of: for `a().b()`, `b`'s receiver is `a`. */
  receiver?: number;
  /** Id of the call that uses this call as its receiver (inverse of `receiver`). */
  outer?: number;
  tagged?: boolean;
  /** Variable this call's (outermost chain) value is assigned to: `const x = …`. */
  assignedTo?: string;
}

// declared in model/: entry points are part of the result as well as a fact
export type { EntryPoint, EntryPointKind } from '../model/entry-point.js';
/** A message sent from a file: a publish, a queue job, an emitted event (consumers are entry points). */
export interface MessageSend {
  transport: string;
  topic?: string;
  topicRef?: string;
  /** An imported queue instance the job is added to, for the link stage to find its name. */
  queueOf?: string;
  symbol: string;
  line: number;
}

/** An interface or type alias: members of an object-shaped type, or the aliased type's text. */
export interface TypeFact {
  name: string;
  kind: 'interface' | 'alias';
  line: number;
  exported: boolean;
  /** Property names with their annotation text (interfaces and `type X = { … }`). */
  members?: { name: string; type?: string }[];
  /** `type DbClient = Knex` → `Knex`. */
  aliasOf?: string;
  extends?: string[];
}

export interface FileFacts {
  path: string; // POSIX, relative to the analysed root
  lines: number;
  parseErrors: number;
  imports: ImportFact[];
  exports: ExportFact[];
  classes: ClassFact[];
  functions: FunctionFact[];
  /** Module-level and local variables; enum members appear as `Enum.Member`; `export default <expr>` as `default`. */
  variables: VariableFact[];
  types: TypeFact[];
  calls: CallFact[];
  entryPoints: EntryPoint[];
}
