/**
 * `(path, text) → FileFacts`: one parse with TypeScript's parser, one walk,
 * and the AST is dropped on return. Pure and syntactic — no type checker, no
 * file system — so the result can be cached by content hash.
 */
import type { ts } from 'ts-morph';
import { typescript } from '../util/typescript.js';
import { findEntryPoints } from './entry-points.js';
import { calleeText, loneReturn, nodeText, summarize, unwrap } from './expression-text.js';
import type {
  CallFact,
  ClassFact,
  DecoratorFact,
  ExportFact,
  FileFacts,
  FunctionFact,
  ImportFact,
  ImportedName,
  MemberFact,
  ParamFact,
  TypeFact,
  VariableFact,
} from './file-facts.js';

function scriptKind(path: string): ts.ScriptKind {
  if (path.endsWith('.tsx')) return typescript.ScriptKind.TSX;
  if (path.endsWith('.jsx')) return typescript.ScriptKind.JSX;
  if (/\.(m|c)?js$/.test(path)) return typescript.ScriptKind.JS;
  return typescript.ScriptKind.TS;
}

/** Statements `visitStatement` reads; every other statement is walked as is. */
const STATEMENT_KINDS = new Set([
  typescript.SyntaxKind.ImportDeclaration,
  typescript.SyntaxKind.ImportEqualsDeclaration,
  typescript.SyntaxKind.ExportDeclaration,
  typescript.SyntaxKind.ExportAssignment,
  typescript.SyntaxKind.ClassDeclaration,
  typescript.SyntaxKind.FunctionDeclaration,
  typescript.SyntaxKind.VariableStatement,
  typescript.SyntaxKind.InterfaceDeclaration,
  typescript.SyntaxKind.TypeAliasDeclaration,
  typescript.SyntaxKind.EnumDeclaration,
  typescript.SyntaxKind.ModuleDeclaration,
]);

const hasModifier = (node: ts.Node, kind: ts.SyntaxKind): boolean =>
  (typescript.canHaveModifiers(node) ? typescript.getModifiers(node) : undefined)?.some((m) => m.kind === kind) ?? false;

export function extractFile(path: string, text: string): FileFacts {
  // JSDoc is never read: skipping its parse saves a tenth of the parse.
  const sf = typescript.createSourceFile(
    path,
    text,
    { languageVersion: typescript.ScriptTarget.Latest, jsDocParsingMode: typescript.JSDocParsingMode.ParseNone },
    false,
    scriptKind(path),
  );
  const lineOf = (node: ts.Node): number => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const endLineOf = (node: ts.Node): number => sf.getLineAndCharacterOfPosition(node.end).line + 1;
  const typeText = (node: ts.TypeNode | undefined): string | undefined => (node ? sf.text.slice(node.getStart(sf), node.end) : undefined);

  const imports: ImportFact[] = [];
  const exports: ExportFact[] = [];
  const classes: ClassFact[] = [];
  const functions: FunctionFact[] = [];
  const variables: VariableFact[] = [];
  const types: TypeFact[] = [];
  const calls: CallFact[] = [];
  const identifierUses = new Map<string, number>();
  const callIds = new Map<ts.Node, number>();

  const decoratorsOf = (node: ts.Node): DecoratorFact[] => {
    const decorators = typescript.canHaveDecorators(node) ? typescript.getDecorators(node) : undefined;
    if (!decorators) return [];
    return decorators.map((d) => {
      const expr = unwrap(d.expression);
      const callee = typescript.isCallExpression(expr) ? calleeText(expr.expression) : calleeText(expr);
      const name = callee.slice(callee.lastIndexOf('.') + 1);
      const args = typescript.isCallExpression(expr) ? expr.arguments.map((a) => summarize(a, sf)) : [];
      return { name, args };
    });
  };
  const paramsOf = (params: ts.NodeArray<ts.ParameterDeclaration>): ParamFact[] =>
    params.map((p) => ({
      name: typescript.isIdentifier(p.name) ? p.name.text : nodeText(p.name, sf),
      type: typeText(p.type),
      decorators: decoratorsOf(p),
    }));

  const addImport = (specifier: string, kind: ImportFact['kind'], names: ImportedName[], node: ts.Node): void => {
    imports.push({ specifier, kind, names, line: lineOf(node), refs: 0 });
  };

  const memberName = (name: ts.PropertyName): string =>
    typescript.isIdentifier(name) ||
    typescript.isStringLiteralLike(name) ||
    typescript.isPrivateIdentifier(name) ||
    typescript.isNumericLiteral(name)
      ? name.text
      : nodeText(name, sf);

  function readClass(node: ts.ClassDeclaration | ts.ClassExpression, name: string, exported: boolean): ClassFact {
    let ext: string | undefined;
    const impl: string[] = [];
    for (const clause of node.heritageClauses ?? []) {
      for (const t of clause.types) {
        const txt = sf.text.slice(t.getStart(sf), t.end);
        if (clause.token === typescript.SyntaxKind.ExtendsKeyword) ext = txt;
        else impl.push(txt);
      }
    }
    const members: MemberFact[] = [];
    for (const m of node.members) {
      const isStatic = hasModifier(m, typescript.SyntaxKind.StaticKeyword);
      if (typescript.isConstructorDeclaration(m)) {
        for (const p of m.parameters) {
          members.push({
            name: typescript.isIdentifier(p.name) ? p.name.text : nodeText(p.name, sf),
            kind: 'ctor-param',
            static: false,
            type: typeText(p.type),
            decorators: decoratorsOf(p),
            init: p.initializer ? summarize(p.initializer, sf) : undefined,
            line: lineOf(p),
            endLine: endLineOf(p),
          });
        }
      } else if (typescript.isPropertyDeclaration(m)) {
        const init = m.initializer;
        members.push({
          name: memberName(m.name),
          kind: 'property',
          static: isStatic,
          type: typeText(m.type),
          decorators: decoratorsOf(m),
          init:
            init && !typescript.isArrowFunction(unwrap(init)) && !typescript.isFunctionExpression(unwrap(init))
              ? summarize(init, sf)
              : undefined,
          params:
            init && (typescript.isArrowFunction(init) || typescript.isFunctionExpression(init)) ? paramsOf(init.parameters) : undefined,
          line: lineOf(m),
          endLine: endLineOf(m),
        });
      } else if (typescript.isMethodDeclaration(m) || typescript.isGetAccessorDeclaration(m) || typescript.isSetAccessorDeclaration(m)) {
        members.push({
          name: memberName(m.name),
          kind: typescript.isMethodDeclaration(m) ? 'method' : typescript.isGetAccessorDeclaration(m) ? 'getter' : 'setter',
          static: isStatic,
          type: typeText(m.type),
          decorators: decoratorsOf(m),
          params: paramsOf(m.parameters),
          returns: loneReturn(m.body, sf),
          line: lineOf(m),
          endLine: endLineOf(m),
        });
      }
    }
    return {
      name,
      line: lineOf(node),
      endLine: endLineOf(node),
      exported,
      decorators: decoratorsOf(node),
      extends: ext,
      implements: impl,
      members,
    };
  }

  /** Symbol names for members of a class, used as the enclosing symbol of calls. */
  function memberSymbol(cls: string, m: ts.ClassElement): string | undefined {
    if (typescript.isConstructorDeclaration(m)) return `${cls}.constructor`;
    if (m.name) return `${cls}.${memberName(m.name)}`;
    return undefined;
  }

  function recordImportLike(node: ts.CallExpression): boolean {
    const arg = node.arguments[0];
    if (!arg || !typescript.isStringLiteralLike(arg)) return false;
    if (node.expression.kind === typescript.SyntaxKind.ImportKeyword) {
      addImport(arg.text, 'dynamic', [{ imported: '*', local: '*', typeOnly: false }], node);
      return true;
    }
    if (typescript.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1) {
      addImport(arg.text, 'require', requireNames(node), node);
      return true;
    }
    return false;
  }

  /** `const { a, b } = require('x')` names a and b; anything else takes the namespace. */
  function requireNames(node: ts.CallExpression): ImportedName[] {
    const parent = (node as ts.Node & { __parentDecl?: ts.VariableDeclaration }).__parentDecl;
    if (parent && typescript.isObjectBindingPattern(parent.name)) {
      return parent.name.elements.map((e) => ({
        imported:
          e.propertyName && typescript.isIdentifier(e.propertyName)
            ? e.propertyName.text
            : typescript.isIdentifier(e.name)
              ? e.name.text
              : '*',
        local: typescript.isIdentifier(e.name) ? e.name.text : '*',
        typeOnly: false,
      }));
    }
    if (parent && typescript.isIdentifier(parent.name)) return [{ imported: '*', local: parent.name.text, typeOnly: false }];
    return [{ imported: '*', local: '*', typeOnly: false }];
  }

  interface Ctx {
    symbol: string;
    within: number[];
    assignTo?: string;
    /** Inside a function body: declarations here are locals, even under `<module>` (module-level callbacks). */
    local?: boolean;
  }

  /** A variable's scope: its enclosing symbol, or `<callback>` for locals of a module-level callback. */
  function scopeOf(ctx: Ctx): string {
    return ctx.local && ctx.symbol === '<module>' ? '<callback>' : ctx.symbol;
  }

  function recordCall(node: ts.CallExpression | ts.NewExpression | ts.TaggedTemplateExpression, ctx: Ctx): number {
    const id = calls.length;
    let callee: string;
    let args: ts.Expression[];
    let typeArgs: readonly ts.TypeNode[] | undefined;
    let receiverNode: ts.Node | undefined;
    if (typescript.isTaggedTemplateExpression(node)) {
      callee = calleeText(node.tag);
      args = [node.template];
      typeArgs = node.typeArguments;
    } else {
      const target = unwrap(node.expression);
      callee = typescript.isNewExpression(node) ? `new ${calleeText(target)}` : calleeText(target);
      args = [...(node.arguments ?? [])];
      typeArgs = node.typeArguments;
      if (typescript.isPropertyAccessExpression(target) || typescript.isElementAccessExpression(target))
        receiverNode = unwrap(target.expression);
    }
    const fact: CallFact = {
      id,
      callee,
      args: args.map((a) => summarize(a, sf)),
      typeArgs: (typeArgs ?? []).map((t) => sf.text.slice(t.getStart(sf), t.end)),
      line: lineOf(node),
      symbol: ctx.symbol,
      within: ctx.within,
    };
    if (typescript.isTaggedTemplateExpression(node)) fact.tagged = true;
    const receiver = receiverNode ? callIds.get(receiverNode) : undefined;
    if (receiver !== undefined) {
      fact.receiver = receiver;
      calls[receiver].outer = id;
    }
    if (ctx.assignTo) fact.assignedTo = ctx.assignTo;
    calls.push(fact);
    callIds.set(node, id);
    return id;
  }

  function visitCall(node: ts.CallExpression | ts.NewExpression | ts.TaggedTemplateExpression, ctx: Ctx): void {
    // Callee first, so chained inner calls get ids before the call that uses them.
    const inner = { ...ctx, assignTo: undefined };
    if (typescript.isTaggedTemplateExpression(node)) visit(node.tag, inner);
    else visit(node.expression, inner);
    if (typescript.isCallExpression(node) && recordImportLike(node)) return;
    const id = recordCall(node, ctx);
    const argCtx: Ctx = { symbol: ctx.symbol, within: [...ctx.within, id] };
    if (typescript.isTaggedTemplateExpression(node)) visit(node.template, argCtx);
    else for (const a of node.arguments ?? []) visit(a, argCtx);
  }

  function visitClass(node: ts.ClassDeclaration | ts.ClassExpression, name: string, exported: boolean, ctx: Ctx): void {
    classes.push(readClass(node, name, exported));
    for (const clause of node.heritageClauses ?? []) countIdentifiers(clause);
    for (const d of (typescript.canHaveDecorators(node) ? typescript.getDecorators(node) : undefined) ?? []) countIdentifiers(d);
    for (const m of node.members) {
      const symbol = memberSymbol(name, m) ?? ctx.symbol;
      const memberCtx: Ctx = { symbol, within: ctx.within };
      if (typescript.isPropertyDeclaration(m)) {
        if (m.initializer) visit(m.initializer, { ...memberCtx, assignTo: `this.${memberName(m.name)}` });
      } else {
        typescript.forEachChild(m, (c) => visit(c, memberCtx));
      }
    }
  }

  function visitVariableDeclaration(decl: ts.VariableDeclaration, ctx: Ctx, topLevel: boolean, exported: boolean): void {
    const init = decl.initializer;
    if (typescript.isIdentifier(decl.name)) {
      const name = decl.name.text;
      const inner = init ? unwrap(init) : undefined;
      if (inner && (typescript.isArrowFunction(inner) || typescript.isFunctionExpression(inner))) {
        if (topLevel) {
          functions.push({ name, line: lineOf(decl), endLine: endLineOf(decl), exported, params: paramsOf(inner.parameters) });
          visit(inner, { symbol: name, within: [] });
          return;
        }
      } else if (inner && typescript.isClassExpression(inner)) {
        visitClass(inner, name, exported, ctx);
        return;
      } else if (inner && topLevel && typescript.isObjectLiteralExpression(inner)) {
        // `export const ordersRepo = { async findAll() { … } }`: each function member is a symbol.
        variables.push({ name, line: lineOf(decl), exported, type: typeText(decl.type), init: summarize(inner, sf), scope: scopeOf(ctx) });
        visitObjectMembers(inner, name, exported);
        return;
      } else {
        variables.push({
          name,
          line: lineOf(decl),
          exported,
          type: typeText(decl.type),
          init: init ? summarize(init, sf) : undefined,
          scope: scopeOf(ctx),
        });
      }
      if (init) {
        if (inner && typescript.isCallExpression(inner)) (inner as ts.Node & { __parentDecl?: ts.VariableDeclaration }).__parentDecl = decl;
        visit(init, { ...ctx, assignTo: name });
      }
      return;
    }
    // Destructuring: `const { a } = require('x')` keeps the names for the require fact.
    if (init) {
      const inner = unwrap(init);
      if (typescript.isCallExpression(inner)) (inner as ts.Node & { __parentDecl?: ts.VariableDeclaration }).__parentDecl = decl;
      visit(init, ctx);
    }
  }

  /** Function-valued members of an object literal bound to `owner` become symbols `owner.member`. */
  function visitObjectMembers(obj: ts.ObjectLiteralExpression, owner: string, exported: boolean): void {
    for (const p of obj.properties) {
      const fn = typescript.isMethodDeclaration(p)
        ? p
        : typescript.isPropertyAssignment(p) &&
            (typescript.isArrowFunction(unwrap(p.initializer)) || typescript.isFunctionExpression(unwrap(p.initializer)))
          ? (unwrap(p.initializer) as ts.ArrowFunction | ts.FunctionExpression)
          : undefined;
      if (fn && p.name) {
        const symbol = `${owner}.${memberName(p.name)}`;
        functions.push({ name: symbol, line: lineOf(p), endLine: endLineOf(p), exported, params: paramsOf(fn.parameters) });
        visit(fn, { symbol, within: [] });
      } else {
        visit(p, { symbol: '<module>', within: [] });
      }
    }
  }

  function readType(node: ts.InterfaceDeclaration | ts.TypeAliasDeclaration, exported: boolean): TypeFact {
    const fact: TypeFact = {
      name: node.name.text,
      kind: typescript.isInterfaceDeclaration(node) ? 'interface' : 'alias',
      line: lineOf(node),
      exported,
    };
    const literal = typescript.isInterfaceDeclaration(node) ? node : typescript.isTypeLiteralNode(node.type) ? node.type : undefined;
    if (literal) {
      fact.members = literal.members
        .filter((m): m is ts.PropertySignature => typescript.isPropertySignature(m))
        .map((m) => ({ name: memberName(m.name), type: typeText(m.type) }));
    } else if (typescript.isTypeAliasDeclaration(node)) {
      fact.aliasOf = typeText(node.type);
    }
    if (typescript.isInterfaceDeclaration(node) && node.heritageClauses) {
      fact.extends = node.heritageClauses.flatMap((c) => c.types.map((t) => sf.text.slice(t.getStart(sf), t.end)));
    }
    return fact;
  }

  function visitStatement(node: ts.Statement, ctx: Ctx): boolean {
    const topLevel = ctx.symbol === '<module>' && !ctx.local;
    const exported = hasModifier(node, typescript.SyntaxKind.ExportKeyword);
    const isDefault = hasModifier(node, typescript.SyntaxKind.DefaultKeyword);
    if (typescript.isImportDeclaration(node)) {
      if (!typescript.isStringLiteralLike(node.moduleSpecifier)) return true;
      const clause = node.importClause;
      const names: ImportedName[] = [];
      const clauseTypeOnly = clause?.isTypeOnly ?? false;
      if (clause?.name) names.push({ imported: 'default', local: clause.name.text, typeOnly: clauseTypeOnly });
      const nb = clause?.namedBindings;
      if (nb && typescript.isNamespaceImport(nb)) names.push({ imported: '*', local: nb.name.text, typeOnly: clauseTypeOnly });
      if (nb && typescript.isNamedImports(nb)) {
        for (const el of nb.elements) {
          names.push({ imported: (el.propertyName ?? el.name).text, local: el.name.text, typeOnly: clauseTypeOnly || el.isTypeOnly });
        }
      }
      const typeOnly = names.length > 0 && names.every((n) => n.typeOnly);
      addImport(node.moduleSpecifier.text, typeOnly ? 'type-only' : 'import', names, node);
      return true;
    }
    if (typescript.isImportEqualsDeclaration(node)) {
      const ref = node.moduleReference;
      if (typescript.isExternalModuleReference(ref) && typescript.isStringLiteralLike(ref.expression)) {
        addImport(ref.expression.text, 'require', [{ imported: '*', local: node.name.text, typeOnly: node.isTypeOnly }], node);
      }
      return true;
    }
    if (typescript.isExportDeclaration(node)) {
      const clause = node.exportClause;
      if (node.moduleSpecifier && typescript.isStringLiteralLike(node.moduleSpecifier)) {
        const names: ImportedName[] = [];
        if (!clause) names.push({ imported: '*', local: '*', typeOnly: node.isTypeOnly });
        else if (typescript.isNamespaceExport(clause)) names.push({ imported: '*', local: clause.name.text, typeOnly: node.isTypeOnly });
        else
          for (const el of clause.elements)
            names.push({ imported: (el.propertyName ?? el.name).text, local: el.name.text, typeOnly: node.isTypeOnly || el.isTypeOnly });
        addImport(node.moduleSpecifier.text, 're-export', names, node);
      } else if (clause && typescript.isNamedExports(clause)) {
        for (const el of clause.elements) {
          const local = (el.propertyName ?? el.name).text;
          exports.push({ name: el.name.text, local: local !== el.name.text ? local : undefined, kind: 'value', line: lineOf(el) });
        }
      }
      return true;
    }
    if (typescript.isExportAssignment(node)) {
      const e = unwrap(node.expression);
      exports.push({ name: 'default', local: typescript.isIdentifier(e) ? e.text : undefined, kind: 'value', line: lineOf(node) });
      if (typescript.isIdentifier(e)) {
        visit(node.expression, ctx);
      } else {
        // `export default new Pool()` / `export default { … }`: a value named `default`.
        variables.push({ name: 'default', line: lineOf(node), exported: true, init: summarize(node.expression, sf), scope: scopeOf(ctx) });
        if (typescript.isObjectLiteralExpression(e)) visitObjectMembers(e, 'default', true);
        else visit(node.expression, { ...ctx, assignTo: 'default' });
      }
      return true;
    }
    if (typescript.isClassDeclaration(node)) {
      const name = node.name?.text ?? 'default';
      if (exported)
        exports.push({
          name: isDefault ? 'default' : name,
          local: isDefault && node.name ? name : undefined,
          kind: 'class',
          line: lineOf(node),
        });
      visitClass(node, name, exported, ctx);
      return true;
    }
    if (typescript.isFunctionDeclaration(node)) {
      const name = node.name?.text ?? 'default';
      if (exported)
        exports.push({
          name: isDefault ? 'default' : name,
          local: isDefault && node.name ? name : undefined,
          kind: 'function',
          line: lineOf(node),
        });
      if (topLevel) functions.push({ name, line: lineOf(node), endLine: endLineOf(node), exported, params: paramsOf(node.parameters) });
      if (node.body) visit(node.body, topLevel ? { symbol: name, within: [] } : ctx);
      return true;
    }
    if (typescript.isVariableStatement(node)) {
      for (const decl of node.declarationList.declarations) {
        if (exported && typescript.isIdentifier(decl.name)) exports.push({ name: decl.name.text, kind: 'variable', line: lineOf(decl) });
        visitVariableDeclaration(decl, ctx, topLevel, exported);
      }
      return true;
    }
    if (typescript.isEnumDeclaration(node)) {
      for (const m of node.members) {
        if (m.initializer) {
          const member = `${node.name.text}.${memberName(m.name)}`;
          variables.push({ name: member, line: lineOf(m), exported, init: summarize(m.initializer, sf), scope: scopeOf(ctx) });
        }
      }
    } else if (typescript.isInterfaceDeclaration(node) || typescript.isTypeAliasDeclaration(node)) {
      types.push(readType(node, exported));
    }
    if (
      exported &&
      (typescript.isInterfaceDeclaration(node) ||
        typescript.isTypeAliasDeclaration(node) ||
        typescript.isEnumDeclaration(node) ||
        typescript.isModuleDeclaration(node))
    ) {
      const kind = typescript.isInterfaceDeclaration(node)
        ? 'interface'
        : typescript.isTypeAliasDeclaration(node)
          ? 'type'
          : typescript.isEnumDeclaration(node)
            ? 'enum'
            : 'namespace';
      if (typescript.isIdentifier(node.name)) exports.push({ name: node.name.text, kind, line: lineOf(node) });
    }
    return false;
  }

  function visit(node: ts.Node, ctx: Ctx): void {
    // A switch on the kind keeps this hot path cheap: it runs for every node of every file.
    switch (node.kind) {
      case typescript.SyntaxKind.Identifier:
        identifierUses.set((node as ts.Identifier).text, (identifierUses.get((node as ts.Identifier).text) ?? 0) + 1);
        return;
      case typescript.SyntaxKind.CallExpression:
      case typescript.SyntaxKind.NewExpression:
      case typescript.SyntaxKind.TaggedTemplateExpression:
        visitCall(node as ts.CallExpression | ts.NewExpression | ts.TaggedTemplateExpression, ctx);
        return;
      case typescript.SyntaxKind.PropertyAccessExpression: {
        const pa = node as ts.PropertyAccessExpression;
        if (namespaceMembers.size && typescript.isIdentifier(pa.expression)) namespaceMembers.get(pa.expression.text)?.add(pa.name.text);
        visit(pa.expression, ctx); // the property name is not a reference to a binding
        return;
      }
      case typescript.SyntaxKind.ClassExpression:
        visitClass(node as ts.ClassExpression, (node as ts.ClassExpression).name?.text ?? '<anonymous>', false, ctx);
        return;
      case typescript.SyntaxKind.Decorator:
      case typescript.SyntaxKind.HeritageClause:
        // Read by the class reader; only their references count here (`@InjectRepository(User)`, `extends Base`).
        countIdentifiers(node);
        return;
      case typescript.SyntaxKind.BinaryExpression: {
        const b = node as ts.BinaryExpression;
        if (b.operatorToken.kind !== typescript.SyntaxKind.EqualsToken) break;
        // `this.repo = ds.getRepository(User)` names the value's holder.
        const left = unwrap(b.left);
        visit(b.left, ctx);
        const holder = typescript.isPropertyAccessExpression(left) || typescript.isIdentifier(left) ? calleeText(left) : undefined;
        visit(b.right, holder ? { ...ctx, assignTo: holder } : ctx);
        return;
      }
      case typescript.SyntaxKind.ArrowFunction:
      case typescript.SyntaxKind.FunctionExpression:
        ctx = { ...ctx, assignTo: undefined, local: true };
        break;
      case typescript.SyntaxKind.ObjectLiteralExpression:
      case typescript.SyntaxKind.ArrayLiteralExpression:
        if (ctx.assignTo) ctx = { ...ctx, assignTo: undefined };
        break;
      default:
        if (STATEMENT_KINDS.has(node.kind) && visitStatement(node as ts.Statement, ctx)) return;
        if (ctx.assignTo && !typescript.isExpression(node)) ctx = { ...ctx, assignTo: undefined };
    }
    typescript.forEachChild(node, (child) => visit(child, ctx));
  }

  function countIdentifiers(node: ts.Node): void {
    if (typescript.isIdentifier(node)) identifierUses.set(node.text, (identifierUses.get(node.text) ?? 0) + 1);
    else typescript.forEachChild(node, countIdentifiers);
  }

  // Namespace imports are known before the walk, so member reads (`ns.a`) can be collected in it.
  const namespaceMembers = new Map<string, Set<string>>();
  for (const st of sf.statements) {
    const nb = typescript.isImportDeclaration(st) ? st.importClause?.namedBindings : undefined;
    if (nb && typescript.isNamespaceImport(nb)) namespaceMembers.set(nb.name.text, new Set());
  }

  const root: Ctx = { symbol: '<module>', within: [] };
  for (const statement of sf.statements) visit(statement, root);

  for (const imp of imports) {
    if (imp.kind === 're-export') continue;
    for (const n of imp.names) {
      if (n.local === '*') continue;
      n.refs = identifierUses.get(n.local) ?? 0;
      const members = n.imported === '*' && imp.kind !== 'dynamic' ? namespaceMembers.get(n.local) : undefined;
      if (members?.size) n.members = [...members].sort();
    }
    imp.refs = imp.names.reduce((sum, n) => sum + (n.refs ?? 0), 0);
  }

  const parseErrors = (sf as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics?.length ?? 0;
  return {
    path,
    lines: countLines(text),
    parseErrors,
    imports,
    exports,
    classes,
    functions,
    variables,
    types,
    calls,
    entryPoints: findEntryPoints(classes, calls, imports),
  };
}

function countLines(text: string): number {
  if (text.length === 0) return 0;
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}
