/**
 * The SQL text an ORM's raw escape receives, rebuilt from argument facts:
 * a string, a template (bound parameters become `$n`; interpolated SQL is
 * followed to a constant when it can be, else kept as `${…}` so the SQL parser
 * reports it as dynamic), a `sql` tagged template, or a variable holding one.
 * Shared by the Prisma, Knex and Kysely raw escapes.
 */
import type { ArgFact } from '../../extract/file-facts.js';
import type { ProjectIndex } from '../../link/project-index.js';
import type { SqlParse } from '../adapter.js';
import { followConstant } from './follow-constant.js';

/** Interpolations that splice SQL text rather than bind a value. */
const SQL_SPLICE = /(^|\.)(raw|sql|join|ref|table|id|lit|identifier)\(\)$/;

export function sqlText(
  index: ProjectIndex,
  file: string,
  arg: ArgFact | undefined,
  scope: string,
  parameterised: boolean,
  depth = 0,
): string | undefined {
  if (!arg || depth > 4) return undefined;
  if (arg.k === 'str') return arg.v;
  if (arg.k === 'tpl') {
    let text = arg.parts[0];
    arg.exprs.forEach((expr, i) => {
      const splice = !parameterised || SQL_SPLICE.test(expr);
      const constant = splice ? followConstant(index, file, expr, scope) : undefined;
      text += (splice ? (constant ?? `\${${expr}}`) : `$${i + 1}`) + arg.parts[i + 1];
    });
    return text;
  }
  if (arg.k === 'call' && /(^|\.)sql$/.test(arg.callee)) return sqlText(index, file, arg.args[0], scope, true, depth + 1);
  if (arg.k === 'call' && /(^|\.)raw$/.test(arg.callee)) return sqlText(index, file, arg.args[0], scope, false, depth + 1);
  if (arg.k === 'id') {
    const facts = index.files.get(file);
    const v =
      facts?.variables.find((x) => x.name === arg.v && x.scope === scope) ??
      facts?.variables.find((x) => x.name === arg.v && x.scope === '<module>');
    if (v?.init) return sqlText(index, file, v.init, v.scope, parameterised, depth + 1);
    const constant = followConstant(index, file, arg.v, scope);
    return constant;
  }
  if (arg.k === 'member') return followConstant(index, file, arg.v, scope);
  return undefined;
}

const WRITE_STATEMENTS = new Set(['insert', 'update', 'delete', 'merge', 'replace', 'truncate']);

/** Why parsed SQL gives no usable tables: a parse error, or a write statement without a target. */
export function sqlFailure(parsed: SqlParse): string | undefined {
  if (parsed.tables.length > 0) return undefined;
  if (parsed.error) return parsed.error;
  return WRITE_STATEMENTS.has(parsed.statement) && !parsed.dynamic ? `no table in ${parsed.statement.toUpperCase()} statement` : undefined;
}
