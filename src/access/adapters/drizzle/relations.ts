/**
 * Relations (`from` holds the reference): `.references(() => users.id)` on a
 * column and `foreignKey({ foreignColumns: [users.id] })` in a table's extra
 * config, both attributed to the table whose call encloses them; and
 * `relations(posts, ({ one, many }) => …)` where `one(users, { fields })`
 * makes posts → users and `many(comments)` makes comments → posts. The
 * relation names are kept for `with: { … }` in relational queries.
 */
import type { ArgFact, CallFact, FileFacts } from '../../../extract/file-facts.js';
import type { Relation } from '../../../model/result.js';
import type { DrizzleTable } from './tables.js';
import type { TableRefs } from './table-refs.js';

export interface RelationResult {
  relations: Relation[];
  /** Table key → relation name → target table, for `with`. */
  named: Map<string, Map<string, DrizzleTable>>;
}

/** `users.id` → `users` (the table part of a column reference). */
const tableOfColumn = (arg: ArgFact | undefined): string | undefined => {
  const text = arg?.k === 'fn' ? (arg.ret?.k === 'member' ? arg.ret.v : undefined) : arg?.k === 'member' ? arg.v : undefined;
  return text && text.includes('.') ? text.slice(0, text.lastIndexOf('.')) : undefined;
};

export function findRelations(files: readonly FileFacts[], refs: TableRefs): RelationResult {
  const relations = new Map<string, Relation>();
  const named = new Map<string, Map<string, DrizzleTable>>();
  const byCall = new Map(refs.tables.map((t) => [`${t.file}#${t.callId}`, t]));
  const relate = (from: DrizzleTable, to: DrizzleTable, kind: Relation['kind'], file: string, line: number, field?: string): void => {
    const key = `${from.table.id} -> ${to.table.id}`;
    if (!relations.has(key))
      relations.set(key, {
        from: from.table.id,
        to: to.table.id,
        kind,
        orm: 'drizzle',
        declaredIn: `${file}:${line}`,
        ...(field ? { field } : {}),
      });
  };
  const enclosingTable = (file: FileFacts, call: CallFact): DrizzleTable | undefined => {
    for (let i = call.within.length - 1; i >= 0; i--) {
      const t = byCall.get(`${file.path}#${call.within[i]}`);
      if (t) return t;
    }
    return undefined;
  };
  for (const file of files) {
    for (const call of file.calls) {
      if (call.callee.endsWith('.references') || call.callee === 'foreignKey') {
        const source = enclosingTable(file, call);
        const targetRef = call.callee === 'foreignKey' ? foreignColumnsTable(call.args[0]) : tableOfColumn(call.args[0]);
        const target = targetRef ? refs.byRef(file, call.symbol, targetRef) : undefined;
        if (source && target) relate(source, target, 'foreign-key', file.path, call.line);
      } else if (call.callee === 'relations' || call.callee.endsWith('.relations')) {
        const source = refs.byArg(file, call.symbol, call.args[0]);
        const body = call.args[1]?.k === 'fn' ? call.args[1].ret : undefined;
        if (!source || body?.k !== 'obj') continue;
        const names = named.get(source.key) ?? new Map<string, DrizzleTable>();
        named.set(source.key, names);
        for (const [name, def] of Object.entries(body.props)) {
          if (def.k !== 'call') continue;
          const kind = def.callee.slice(def.callee.lastIndexOf('.') + 1);
          const target = refs.byArg(file, call.symbol, def.args[0]);
          if (!target || (kind !== 'one' && kind !== 'many')) continue;
          names.set(name, target);
          const fields = def.args[1]?.k === 'obj' ? def.args[1].props.fields : undefined;
          if (kind === 'one' && fields) relate(source, target, 'many-to-one', file.path, call.line, name);
          if (kind === 'many') relate(target, source, 'many-to-one', file.path, call.line);
        }
      }
    }
  }
  return { relations: [...relations.values()].sort((a, b) => `${a.from} ${a.to}`.localeCompare(`${b.from} ${b.to}`)), named };
}

function foreignColumnsTable(options: ArgFact | undefined): string | undefined {
  const cols = options?.k === 'obj' ? options.props.foreignColumns : undefined;
  return cols?.k === 'arr' ? tableOfColumn(cols.items[0]) : undefined;
}
