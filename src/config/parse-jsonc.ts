/**
 * JSON with comments (as tsconfig is read), into plain values whose object keys
 * are all own properties: a key `__proto__` stays a key instead of replacing the
 * prototype, as it would through TypeScript's own `convertToObject`.
 */
import { createRequire } from 'node:module';
import type { ts } from 'ts-morph';

const require = createRequire(import.meta.url);
// Required on first use, as in util/jsonc.ts: a run that reads no config never loads TypeScript's 9 MB.
let typescript: typeof ts;

export type JsoncResult = { ok: true; value: unknown } | { ok: false; problem: string };

function lineColumn(file: ts.SourceFile, at: number): string {
  const { line, character } = typescript.getLineAndCharacterOfPosition(file, at);
  return `line ${line + 1}, column ${character + 1}`;
}

function kindOf(node: ts.Expression): string {
  if (typescript.isArrayLiteralExpression(node)) return 'an array';
  if (typescript.isStringLiteral(node)) return 'a string';
  if (typescript.isNumericLiteral(node) || typescript.isPrefixUnaryExpression(node)) return 'a number';
  if (node.kind === typescript.SyntaxKind.NullKeyword) return 'null';
  if (node.kind === typescript.SyntaxKind.TrueKeyword || node.kind === typescript.SyntaxKind.FalseKeyword) return 'a boolean';
  return 'not an object';
}

function toValue(node: ts.Expression): unknown {
  if (typescript.isObjectLiteralExpression(node)) {
    const entries: [string, unknown][] = [];
    for (const p of node.properties) {
      if (!typescript.isPropertyAssignment(p)) continue;
      const name =
        typescript.isStringLiteral(p.name) || typescript.isIdentifier(p.name) || typescript.isNumericLiteral(p.name) ? p.name.text : '';
      entries.push([name, toValue(p.initializer)]);
    }
    // fromEntries defines own properties, so `__proto__` is kept as data.
    return Object.fromEntries(entries);
  }
  if (typescript.isArrayLiteralExpression(node)) return node.elements.map(toValue);
  if (typescript.isStringLiteral(node) || typescript.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (typescript.isNumericLiteral(node)) return Number(node.text);
  if (typescript.isPrefixUnaryExpression(node) && typescript.isNumericLiteral(node.operand)) {
    const n = Number(node.operand.text);
    return node.operator === typescript.SyntaxKind.MinusToken ? -n : n;
  }
  if (node.kind === typescript.SyntaxKind.TrueKeyword) return true;
  if (node.kind === typescript.SyntaxKind.FalseKeyword) return false;
  return null;
}

/** Parses a config file's text: an object, or the problem with its line and column. */
export function parseJsoncObject(name: string, text: string): JsoncResult {
  typescript ??= (require('ts-morph') as { ts: typeof ts }).ts;
  if (!text.trim()) return { ok: false, problem: 'is empty — write {} for the defaults, or delete the file' };
  // The root's type first: TypeScript would call any other root "a bad tsconfig.json".
  const file = typescript.parseJsonText(name, text);
  const root = file.statements[0]?.expression;
  if (!root) return { ok: false, problem: 'holds only comments — write {} for the defaults, or delete the file' };
  if (!typescript.isObjectLiteralExpression(root)) return { ok: false, problem: `must hold a JSON object ({ … }), not ${kindOf(root)}` };
  const { error } = typescript.parseConfigFileTextToJson(name, text);
  if (error) {
    const where = error.file && error.start !== undefined ? ` at ${lineColumn(error.file, error.start)}` : '';
    return { ok: false, problem: `is not valid JSON${where}: ${typescript.flattenDiagnosticMessageText(error.messageText, ' ')}` };
  }
  return { ok: true, value: toValue(root) };
}
