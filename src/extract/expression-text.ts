/** Compact text and summaries of expressions, for facts that outlive the AST. */
import { ts } from 'ts-morph';
import type { ArgFact } from './file-facts.js';

const MAX_TEXT = 80;
const MAX_ITEMS = 40;
const MAX_DEPTH = 5;

/** Strip wrappers that do not change what an expression refers to. */
export function unwrap(node: ts.Expression): ts.Expression {
  let n = node;
  for (;;) {
    if (ts.isParenthesizedExpression(n) || ts.isNonNullExpression(n) || ts.isAwaitExpression(n)) n = n.expression;
    else if (ts.isAsExpression(n) || ts.isSatisfiesExpression(n) || ts.isTypeAssertionExpression(n)) n = n.expression;
    else return n;
  }
}

/**
 * Callee text with inner call arguments elided: `this.prisma.user.findMany`,
 * `db.select().from`, `new Schema`. Element access with a literal reads as a property.
 */
export function calleeText(node: ts.Expression): string {
  const n = unwrap(node);
  if (ts.isIdentifier(n) || ts.isPrivateIdentifier(n)) return n.text;
  if (n.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (n.kind === ts.SyntaxKind.SuperKeyword) return 'super';
  if (ts.isPropertyAccessExpression(n)) return `${calleeText(n.expression)}.${n.name.text}`;
  if (ts.isElementAccessExpression(n)) {
    const arg = n.argumentExpression;
    if (ts.isStringLiteralLike(arg)) return `${calleeText(n.expression)}.${arg.text}`;
    return `${calleeText(n.expression)}[]`;
  }
  if (ts.isCallExpression(n)) return `${calleeText(n.expression)}()`;
  if (ts.isNewExpression(n)) return `new ${calleeText(n.expression)}()`;
  if (ts.isTaggedTemplateExpression(n)) return `${calleeText(n.tag)}\`\``;
  return '?';
}

export function nodeText(node: ts.Node, sf: ts.SourceFile): string {
  const text = sf.text.slice(node.getStart(sf), node.end);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

function paramNames(params: ts.NodeArray<ts.ParameterDeclaration>, sf: ts.SourceFile): string[] {
  return params.map((p) => (ts.isIdentifier(p.name) ? p.name.text : nodeText(p.name, sf)));
}

function propName(name: ts.PropertyName, sf: ts.SourceFile): string {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return nodeText(name, sf);
}

/** Summarise an expression into a serialisable ArgFact. */
export function summarize(node: ts.Expression, sf: ts.SourceFile, depth = 0): ArgFact {
  const n = unwrap(node);
  if (ts.isStringLiteralLike(n)) return { k: 'str', v: n.text };
  if (ts.isNumericLiteral(n)) return { k: 'num', v: Number(n.text) };
  if (ts.isTemplateExpression(n)) {
    return {
      k: 'tpl',
      parts: [n.head.text, ...n.templateSpans.map((s) => s.literal.text)],
      exprs: n.templateSpans.map((s) => calleeTextOr(s.expression, sf)),
    };
  }
  if (ts.isIdentifier(n)) return { k: 'id', v: n.text };
  if (ts.isPropertyAccessExpression(n) || (ts.isElementAccessExpression(n) && ts.isStringLiteralLike(n.argumentExpression))) {
    return { k: 'member', v: calleeText(n) };
  }
  if (depth >= MAX_DEPTH) return { k: 'other', text: nodeText(n, sf) };
  if (ts.isArrowFunction(n) || ts.isFunctionExpression(n)) {
    const fact: ArgFact = { k: 'fn', params: paramNames(n.parameters, sf) };
    if (ts.isArrowFunction(n) && !ts.isBlock(n.body)) fact.ret = summarize(n.body, sf, depth + 1);
    return fact;
  }
  if (ts.isObjectLiteralExpression(n)) {
    const props: Record<string, ArgFact> = {};
    for (const p of n.properties.slice(0, MAX_ITEMS)) {
      if (ts.isPropertyAssignment(p)) props[propName(p.name, sf)] = summarize(p.initializer, sf, depth + 1);
      else if (ts.isShorthandPropertyAssignment(p)) props[p.name.text] = { k: 'id', v: p.name.text };
    }
    return { k: 'obj', props };
  }
  if (ts.isArrayLiteralExpression(n)) {
    return { k: 'arr', items: n.elements.slice(0, MAX_ITEMS).map((e) => summarize(e, sf, depth + 1)) };
  }
  if (ts.isCallExpression(n) || ts.isNewExpression(n)) {
    const fact: ArgFact = {
      k: 'call',
      callee: ts.isNewExpression(n) ? `new ${calleeText(n.expression)}` : calleeText(n.expression),
      args: (n.arguments ?? []).slice(0, MAX_ITEMS).map((a) => summarize(a, sf, depth + 1)),
    };
    const target = unwrap(n.expression);
    if (ts.isPropertyAccessExpression(target)) {
      const inner = unwrap(target.expression);
      if (ts.isCallExpression(inner) || ts.isNewExpression(inner)) fact.recv = summarize(inner, sf, depth + 1);
    }
    return fact;
  }
  if (ts.isTaggedTemplateExpression(n)) {
    return { k: 'call', callee: calleeText(n.tag), args: [summarize(n.template, sf, depth + 1)] };
  }
  return { k: 'other', text: nodeText(n, sf) };
}

function calleeTextOr(node: ts.Expression, sf: ts.SourceFile): string {
  const text = calleeText(node);
  return text.includes('?') ? nodeText(node, sf) : text;
}
