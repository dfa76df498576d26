/** Compact text and summaries of expressions, for facts that outlive the AST. */
import type { ts } from 'ts-morph';
import { typescript } from '../util/typescript.js';
import type { ArgFact } from './file-facts.js';

const MAX_TEXT = 80;
const MAX_ITEMS = 40;
const MAX_DEPTH = 5;

/** Strip wrappers that do not change what an expression refers to. */
export function unwrap(node: ts.Expression): ts.Expression {
  let n = node;
  for (;;) {
    if (typescript.isParenthesizedExpression(n) || typescript.isNonNullExpression(n) || typescript.isAwaitExpression(n)) n = n.expression;
    else if (typescript.isAsExpression(n) || typescript.isSatisfiesExpression(n) || typescript.isTypeAssertionExpression(n))
      n = n.expression;
    else return n;
  }
}

/**
 * Callee text with inner call arguments elided: `this.prisma.user.findMany`,
 * `db.select().from`, `new Schema`. Element access with a literal reads as a property.
 */
export function calleeText(node: ts.Expression): string {
  const n = unwrap(node);
  if (typescript.isIdentifier(n) || typescript.isPrivateIdentifier(n)) return n.text;
  if (n.kind === typescript.SyntaxKind.ThisKeyword) return 'this';
  if (n.kind === typescript.SyntaxKind.SuperKeyword) return 'super';
  if (typescript.isPropertyAccessExpression(n)) return `${calleeText(n.expression)}.${n.name.text}`;
  if (typescript.isElementAccessExpression(n)) {
    const arg = n.argumentExpression;
    if (typescript.isStringLiteralLike(arg)) return `${calleeText(n.expression)}.${arg.text}`;
    return `${calleeText(n.expression)}[]`;
  }
  if (typescript.isCallExpression(n)) return `${calleeText(n.expression)}()`;
  if (typescript.isNewExpression(n)) return `new ${calleeText(n.expression)}()`;
  if (typescript.isTaggedTemplateExpression(n)) return `${calleeText(n.tag)}\`\``;
  return '?';
}

export function nodeText(node: ts.Node, sf: ts.SourceFile): string {
  const text = sf.text.slice(node.getStart(sf), node.end);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

function paramNames(params: ts.NodeArray<ts.ParameterDeclaration>, sf: ts.SourceFile): string[] {
  return params.map((p) => (typescript.isIdentifier(p.name) ? p.name.text : nodeText(p.name, sf)));
}

function propName(name: ts.PropertyName, sf: ts.SourceFile): string {
  if (
    typescript.isIdentifier(name) ||
    typescript.isStringLiteralLike(name) ||
    typescript.isNumericLiteral(name) ||
    typescript.isPrivateIdentifier(name)
  )
    return name.text;
  return nodeText(name, sf);
}

/** Summarise an expression into a serialisable ArgFact. */
export function summarize(node: ts.Expression, sf: ts.SourceFile, depth = 0): ArgFact {
  const n = unwrap(node);
  if (typescript.isStringLiteralLike(n)) return { k: 'str', v: n.text };
  if (typescript.isNumericLiteral(n)) return { k: 'num', v: Number(n.text) };
  if (typescript.isTemplateExpression(n)) {
    return {
      k: 'tpl',
      parts: [n.head.text, ...n.templateSpans.map((s) => s.literal.text)],
      exprs: n.templateSpans.map((s) => calleeTextOr(s.expression, sf)),
    };
  }
  if (typescript.isIdentifier(n)) return { k: 'id', v: n.text };
  if (
    typescript.isPropertyAccessExpression(n) ||
    (typescript.isElementAccessExpression(n) && typescript.isStringLiteralLike(n.argumentExpression))
  ) {
    return { k: 'member', v: calleeText(n) };
  }
  if (depth >= MAX_DEPTH) return { k: 'other', text: nodeText(n, sf) };
  if (typescript.isArrowFunction(n) || typescript.isFunctionExpression(n)) {
    const fact: ArgFact = { k: 'fn', params: paramNames(n.parameters, sf) };
    if (n.parameters.some((p) => p.type))
      fact.types = n.parameters.map((p) => (p.type ? sf.text.slice(p.type.getStart(sf), p.type.end) : null));
    const ret = typescript.isBlock(n.body) ? loneReturn(n.body, sf, depth + 1) : summarize(n.body, sf, depth + 1);
    if (ret) fact.ret = ret;
    return fact;
  }
  if (typescript.isBinaryExpression(n) && n.operatorToken.kind === typescript.SyntaxKind.PlusToken) {
    const concat = concatenation(n, sf);
    if (concat) return concat;
  }
  if (typescript.isObjectLiteralExpression(n)) {
    const props = Object.create(null) as Record<string, ArgFact>; // a property named `__proto__` stays a property
    for (const p of n.properties.slice(0, MAX_ITEMS)) {
      if (typescript.isPropertyAssignment(p)) props[propName(p.name, sf)] = summarize(p.initializer, sf, depth + 1);
      else if (typescript.isShorthandPropertyAssignment(p)) props[p.name.text] = { k: 'id', v: p.name.text };
    }
    return { k: 'obj', props };
  }
  if (typescript.isArrayLiteralExpression(n)) {
    return { k: 'arr', items: n.elements.slice(0, MAX_ITEMS).map((e) => summarize(e, sf, depth + 1)) };
  }
  if (typescript.isCallExpression(n) || typescript.isNewExpression(n)) {
    const fact: ArgFact = {
      k: 'call',
      callee: typescript.isNewExpression(n) ? `new ${calleeText(n.expression)}` : calleeText(n.expression),
      args: (n.arguments ?? []).slice(0, MAX_ITEMS).map((a) => summarize(a, sf, depth + 1)),
    };
    const target = unwrap(n.expression);
    if (typescript.isPropertyAccessExpression(target)) {
      const inner = unwrap(target.expression);
      if (typescript.isCallExpression(inner) || typescript.isNewExpression(inner)) fact.recv = summarize(inner, sf, depth + 1);
    }
    return fact;
  }
  if (typescript.isTaggedTemplateExpression(n)) {
    return { k: 'call', callee: calleeText(n.tag), args: [summarize(n.template, sf, depth + 1)] };
  }
  return { k: 'other', text: nodeText(n, sf) };
}

function calleeTextOr(node: ts.Expression, sf: ts.SourceFile): string {
  const text = calleeText(node);
  return text.includes('?') ? nodeText(node, sf) : text;
}

/** The summary of `return <expr>` when a body is just that statement. */
export function loneReturn(body: ts.Node | undefined, sf: ts.SourceFile, depth = 0): ArgFact | undefined {
  if (!body || !typescript.isBlock(body) || body.statements.length !== 1) return undefined;
  const only = body.statements[0];
  return typescript.isReturnStatement(only) && only.expression ? summarize(only.expression, sf, depth) : undefined;
}

/** `'SELECT * FROM ' + TABLE + ' WHERE id = $1'` reads as a template: string parts around expressions. */
function concatenation(node: ts.BinaryExpression, sf: ts.SourceFile): ArgFact | undefined {
  const operands: ts.Expression[] = [];
  const flatten = (e: ts.Expression): void => {
    const u = unwrap(e);
    if (typescript.isBinaryExpression(u) && u.operatorToken.kind === typescript.SyntaxKind.PlusToken) {
      flatten(u.left);
      flatten(u.right);
    } else operands.push(u);
  };
  flatten(node);
  if (!operands.some((o) => typescript.isStringLiteralLike(o) || typescript.isTemplateExpression(o))) return undefined;
  const parts = [''];
  const exprs: string[] = [];
  for (const o of operands) {
    if (typescript.isStringLiteralLike(o)) parts[parts.length - 1] += o.text;
    else if (typescript.isTemplateExpression(o)) {
      parts[parts.length - 1] += o.head.text;
      for (const span of o.templateSpans) {
        exprs.push(calleeTextOr(span.expression, sf));
        parts.push(span.literal.text);
      }
    } else {
      exprs.push(calleeTextOr(o, sf));
      parts.push('');
    }
  }
  return { k: 'tpl', parts, exprs };
}
