/**
 * Collects an adapter's access sites, unresolved accesses and problems, and
 * reads raw SQL handed to the ORM's escape hatches (`manager.query(sql)`,
 * `em.execute(sql)`) through the shared `parseSql`.
 */
import type { AccessSite, AdapterInput, TransactionSite } from '../../adapter.js';
import type { ArgFact, CallFact, FileFacts } from '../../../extract/file-facts.js';
import type { AccessMode, Problem, UnresolvedAccess, UnresolvedReason } from '../../../model/result.js';
import type { EntityCatalog } from './entity-catalog.js';

export interface GenericAccess {
  mode: AccessMode;
  /** The method parameter naming the entity, when known. */
  param?: number;
}

export class SiteCollector {
  readonly accesses: AccessSite[] = [];
  readonly unresolved: UnresolvedAccess[] = [];
  readonly transactions: TransactionSite[] = [];
  readonly problems: Problem[] = [];
  /** `file#Class.method` → accesses through a repository of one of its parameters (`param`), or of an unknown entity. */
  readonly generic = new Map<string, GenericAccess[]>();
  private readonly seen = new Set<string>();

  constructor(
    private readonly orm: string,
    private readonly input: AdapterInput,
    private readonly catalog: EntityCatalog,
  ) {}

  access(file: FileFacts, call: CallFact, table: string, mode: AccessMode, via: string): void {
    const key = `${file.path}#${call.id}#${table}#${mode}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.accesses.push({ unit: file.path, symbol: call.symbol, table, mode, line: call.line, callId: call.id, via });
  }

  miss(file: FileFacts, call: CallFact, reason: UnresolvedReason, detail: string): void {
    const key = `${file.path}#${call.id}#?`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.unresolved.push({ unit: file.path, symbol: call.symbol, line: call.line, orm: this.orm, reason, detail });
  }

  /**
   * An access a subclass inherits from a generic base (`UserRepo extends BaseRepo<User>` → `UserRepo.save` writes `users`).
   * Its symbol is the subclass's, so callers of `userRepo.save()` reach it; callId -2 matches no call
   * (it sits in no transaction callback; -1 is taken by decorated transaction scopes).
   */
  inherited(unit: string, symbol: string, line: number, table: string, mode: AccessMode, via: string): void {
    const key = `${unit}#${symbol}#${table}#${mode}#inherited`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.accesses.push({ unit, symbol, table, mode, line, callId: -2, via });
  }

  /** An access whose entity is a type parameter: unresolved here, resolved at callers that pass the entity. */
  genericMiss(file: FileFacts, call: CallFact, mode: AccessMode, via: string, param: number | undefined): void {
    this.generic.set(`${file.path}#${call.symbol}`, [...(this.generic.get(`${file.path}#${call.symbol}`) ?? []), { mode, param }]);
    this.miss(file, call, 'generic-model', `${via}: repository of an unknown entity`);
  }

  transaction(site: TransactionSite): void {
    const key = `${site.unit}#${site.callId}#${site.line}#tx`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.transactions.push(site);
  }

  /** SQL text passed to a raw-query method: tables by name, in `store` (the default store when unknown). */
  sql(file: FileFacts, call: CallFact, arg: ArgFact | undefined, store: string | undefined, via: string): void {
    const text = sqlText(file, call, arg);
    if (text === undefined) {
      this.miss(file, call, 'dynamic-sql', `${via}: SQL is not a literal`);
      return;
    }
    const parsed = this.input.parseSql(text);
    if (parsed.error) {
      this.problems.push({ path: file.path, line: call.line, source: 'sql', message: `${via}: ${parsed.error}` });
      this.miss(file, call, 'unparsable-sql', parsed.error);
      return;
    }
    for (const t of parsed.tables) this.access(file, call, this.sqlTable(t.name, store), t.mode, via);
    if (parsed.dynamic) this.miss(file, call, 'dynamic-table-name', `${via}: interpolated table name`);
    else if (parsed.tables.length === 0 && !NO_TABLE_STATEMENTS.has(parsed.statement))
      this.miss(file, call, 'no-table', `${via}: ${parsed.statement}`);
  }

  /** A physical name in SQL: the entity table that has it (for its store), else the name as written. */
  private sqlTable(name: string, store: string | undefined): string {
    const entity = this.catalog.uniqueByTable(name);
    if (entity) return this.catalog.tableId(entity, store);
    const known = this.input.knownTables.find((t) => t.name === name && (store === undefined || t.store === store));
    return known?.id ?? `${store ?? this.input.defaultStore}:${name}`;
  }
}

/** Statements that legitimately name no table (`SELECT 1`, `BEGIN`, `SET …`). */
const NO_TABLE_STATEMENTS = new Set([
  'select',
  'begin',
  'commit',
  'rollback',
  'set',
  'start',
  'savepoint',
  'release',
  'show',
  'transaction',
  'use',
  'unknown',
]);

/** The SQL text of an argument: a literal, a template (interpolations kept as `${…}`), or a string constant in scope. */
function sqlText(file: FileFacts, call: CallFact, arg: ArgFact | undefined): string | undefined {
  if (!arg) return undefined;
  if (arg.k === 'str') return arg.v;
  if (arg.k === 'tpl') return arg.parts.map((p, i) => (i < arg.exprs.length ? `${p}\${${arg.exprs[i]}}` : p)).join('');
  if (arg.k === 'id') {
    const decl =
      file.variables.filter((v) => v.name === arg.v && v.scope === call.symbol && v.line <= call.line).at(-1) ??
      file.variables.find((v) => v.name === arg.v && v.scope === '<module>');
    return decl?.init && decl.init.k !== 'id' ? sqlText(file, call, decl.init) : undefined;
  }
  return undefined;
}
