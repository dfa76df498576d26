/**
 * The SQL text a call passes: a string, a template (interpolations followed
 * to constants where possible, otherwise kept as `${expr}` for parseSql to
 * judge), a tagged `sql\`…\`` builder, a `{ text }` / `{ sql }` query config,
 * or a constant holding one of those. A parameter of the enclosing function
 * means the function forwards SQL: it is a query wrapper, judged at its callers.
 */
import type { ArgFact, CallFact, FileFacts } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';
import { paramsOf } from '../../core/params-of.js';
import type { ConstantFollower, ConstantScope } from '../../core/follow-constant.js';

export type SqlArg =
  { kind: 'sql'; text: string; thisExprs: boolean } | { kind: 'forwarded'; param: number } | { kind: 'unknown'; detail: string };

const MAX_DEPTH = 6;
const SQL_WORD = /\b(select|insert|update|delete|from|into|with|merge|truncate)\b/i;

export function sqlOfArg(
  index: ProjectIndex,
  constants: ConstantFollower,
  scope: ConstantScope,
  call: CallFact | undefined,
  arg: ArgFact | undefined,
  depth = 0,
): SqlArg {
  if (!arg) return { kind: 'unknown', detail: 'no SQL argument' };
  if (depth > MAX_DEPTH) return { kind: 'unknown', detail: 'too deep' };
  switch (arg.k) {
    case 'str':
      return { kind: 'sql', text: arg.v, thisExprs: false };
    case 'tpl': {
      // `${prefix}${sql}`: SQL forwarded from a parameter, with no SQL of its own
      const facts = index.files.get(scope.file);
      const params = facts && !scope.concrete ? paramsOf(facts, scope.symbol).map((p) => p.name) : [];
      const forwarded = arg.exprs.findIndex((e) => params.includes(e.trim()));
      if (forwarded >= 0 && !SQL_WORD.test(arg.parts.join(' ')))
        return { kind: 'forwarded', param: params.indexOf(arg.exprs[forwarded].trim()) };
      let text = arg.parts[0];
      let thisExprs = false;
      for (let i = 0; i < arg.exprs.length; i++) {
        const expr = arg.exprs[i];
        const value = constants.follow(scope, expr);
        if (value === undefined && expr.startsWith('this.')) thisExprs = true;
        text += (value ?? `\${${expr}}`) + arg.parts[i + 1];
      }
      return { kind: 'sql', text, thisExprs };
    }
    case 'call':
      // sql`…`, sql.typeAlias('x')`…`, sql.unsafe(`…`): the builder's text argument
      if (/^(sql|SQL)\b/.test(arg.callee) || /\.sql$/.test(arg.callee))
        return sqlOfArg(index, constants, scope, undefined, arg.args[0], depth + 1);
      return { kind: 'unknown', detail: `built by ${arg.callee}()` };
    case 'obj': {
      const text = arg.props.text ?? arg.props.sql;
      return text
        ? sqlOfArg(index, constants, scope, undefined, text, depth + 1)
        : { kind: 'unknown', detail: 'query object without text' };
    }
    case 'id': {
      const facts = index.files.get(scope.file);
      const param = facts ? paramsOf(facts, scope.symbol).findIndex((p) => p.name === arg.v) : -1;
      if (param >= 0 && !scope.concrete) return { kind: 'forwarded', param };
      if (call && facts && isCallbackParam(facts, call, arg.v)) return { kind: 'unknown', detail: arg.v };
      const v = constants.variable(scope.file, scope.symbol, arg.v);
      if (v?.init)
        return sqlOfArg(index, constants, { file: v.file, symbol: v.scope, concrete: scope.concrete }, undefined, v.init, depth + 1);
      // a parameter of an object-literal method (whose calls carry the module symbol)
      if (!v && scope.symbol === '<module>' && call) return { kind: 'forwarded', param: call.args.indexOf(arg) };
      return { kind: 'unknown', detail: arg.v };
    }
    case 'member': {
      const value = constants.follow(scope, arg.v);
      return value !== undefined ? { kind: 'sql', text: value, thisExprs: false } : { kind: 'unknown', detail: arg.v };
    }
    case 'other': {
      const joined = concatenation(arg.text, (expr) => constants.follow(scope, expr));
      return joined !== undefined ? { kind: 'sql', text: joined, thisExprs: false } : { kind: 'unknown', detail: arg.text.slice(0, 60) };
    }
    default:
      return { kind: 'unknown', detail: arg.k };
  }
}

/**
 * `'SELECT * FROM ' + TABLE + ' WHERE id = $1'`: string literals and names
 * joined with `+`, names followed to constants (or kept as `${name}` for
 * parseSql to judge). Undefined for anything else, or text cut short by extraction.
 */
function concatenation(text: string, follow: (expr: string) => string | undefined): string | undefined {
  if (text.endsWith('…')) return undefined;
  const parts = text.split(/\s*\+\s*(?=(?:[^'"`]*['"`][^'"`]*['"`])*[^'"`]*$)/);
  if (parts.length < 2) return undefined;
  let out = '';
  for (const part of parts) {
    const literal = /^(['"`])(.*)\1$/s.exec(part.trim());
    if (literal && !(literal[1] === '`' && literal[2].includes('${'))) out += literal[2];
    else if (/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(part.trim())) out += follow(part.trim()) ?? `\${${part.trim()}}`;
    else return undefined;
  }
  return out;
}

function isCallbackParam(facts: FileFacts, call: CallFact, name: string): boolean {
  return call.within.some((id) => facts.calls[id]?.args.some((a) => a.k === 'fn' && a.params.includes(name)));
}
