import { createHash } from 'node:crypto';
import path from 'node:path';
import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { countLines, generateMonolith } from '../../bench/generate.js';
import { FIXED_FILES, MIN_FILES } from '../../bench/monolith-plan.js';

const digest = (files: Map<string, string>): string => {
  const hash = createHash('sha256');
  for (const [p, text] of files) hash.update(`${p}\0${text}\0`);
  return hash.digest('hex');
};
const tsFiles = (files: Map<string, string>): string[] => [...files.keys()].filter((p) => p.endsWith('.ts'));

/** `@shared/x` and `@domains/x` as the generated tsconfig maps them; relative specifiers from the importer. */
function resolve(from: string, specifier: string, files: Map<string, string>): string | undefined {
  let base: string;
  if (specifier === '@shared') base = 'src/shared/index';
  else if (specifier.startsWith('@shared/')) base = `src/shared/${specifier.slice(8)}`;
  else if (specifier.startsWith('@domains/')) base = `src/domains/${specifier.slice(9)}`;
  else if (specifier.startsWith('.')) base = path.posix.join(path.posix.dirname(from), specifier);
  else return 'external';
  return [`${base}.ts`, `${base}/index.ts`].find((candidate) => files.has(candidate));
}

interface ModuleRecord {
  imports: { specifier: string; names: string[] }[];
  exports: Set<string>;
  starFrom: string[];
}

function record(file: string, text: string): ModuleRecord {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest);
  const out: ModuleRecord = { imports: [], exports: new Set(), starFrom: [] };
  const exported = (node: ts.Node): boolean =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const bindings = statement.importClause?.namedBindings;
      const names = bindings && ts.isNamedImports(bindings) ? bindings.elements.map((e) => (e.propertyName ?? e.name).text) : [];
      out.imports.push({ specifier: statement.moduleSpecifier.text, names });
    } else if (ts.isExportDeclaration(statement)) {
      const from = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      if (!statement.exportClause && from) out.starFrom.push(from);
      else if (statement.exportClause && ts.isNamedExports(statement.exportClause)) {
        for (const e of statement.exportClause.elements) out.exports.add(e.name.text);
        if (from) out.imports.push({ specifier: from, names: statement.exportClause.elements.map((e) => (e.propertyName ?? e.name).text) });
      }
    } else if (ts.isVariableStatement(statement) && exported(statement)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) out.exports.add(d.name.text);
    } else if (exported(statement) && 'name' in statement && statement.name && ts.isIdentifier(statement.name as ts.Node)) {
      out.exports.add((statement.name as ts.Identifier).text);
    }
  }
  return out;
}

describe('generateMonolith', () => {
  it('gives the same bytes for the same seed, and other bytes for another seed', () => {
    expect(digest(generateMonolith(300, 7).files)).toBe(digest(generateMonolith(300, 7).files));
    expect(digest(generateMonolith(300, 7).files)).not.toBe(digest(generateMonolith(300, 8).files));
  });

  it.each([MIN_FILES, 137, 1000, 5000])('writes exactly %i TypeScript files, plus the project files', (n) => {
    const { files, plan } = generateMonolith(n);
    expect(tsFiles(files)).toHaveLength(n);
    expect([...files.keys()].filter((p) => !p.endsWith('.ts'))).toEqual(['package.json', 'prisma/schema.prisma', 'tsconfig.json']);
    expect(plan.domains.length).toBe(n === MIN_FILES || n === 137 ? 1 : n / 100);
    expect(n - FIXED_FILES).toBeGreaterThan(0);
  });

  it('counts lines as editors do', () => {
    expect([countLines(''), countLines('a'), countLines('a\n'), countLines('a\nb'), countLines('a\n\nb\n')]).toEqual([0, 1, 1, 2, 3]);
  });

  it('refuses a size too small to hold one domain', () => {
    expect(() => generateMonolith(MIN_FILES - 1)).toThrow(/files must be/);
  });

  it('uses every ORM, and the Prisma schema declares every model the code calls', () => {
    const { files, plan } = generateMonolith(1000);
    const orms = new Set(plan.domains.flatMap((d) => d.resources.map((r) => r.orm)));
    expect([...orms].sort()).toEqual(['knex', 'pg', 'prisma', 'typeorm']);
    const schema = files.get('prisma/schema.prisma')!;
    const models = new Set([...schema.matchAll(/^model (\w+) \{/gm)].map((m) => m[1].charAt(0).toLowerCase() + m[1].slice(1)));
    const delegates = new Set<string>();
    for (const [, text] of files) for (const m of text.matchAll(/this\.prisma\.(\w+)\./g)) delegates.add(m[1]);
    delegates.delete('$transaction');
    expect(delegates.size).toBeGreaterThan(0);
    expect([...delegates].filter((d) => !models.has(d))).toEqual([]);
  });

  it('writes files that parse without syntax errors, within realistic sizes', () => {
    const { files } = generateMonolith(1000);
    const names = tsFiles(files);
    // A program over in-memory files, syntax only: no resolution, no type checking.
    const options: ts.CompilerOptions = { noResolve: true, noLib: true, experimentalDecorators: true, target: ts.ScriptTarget.ES2022 };
    const host = ts.createCompilerHost(options);
    host.getSourceFile = (name, target) => (files.has(name) ? ts.createSourceFile(name, files.get(name)!, target) : undefined);
    const program = ts.createProgram({ rootNames: names, options, host });
    const broken = program
      .getSyntacticDiagnostics()
      .map((d) => `${d.file?.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    expect(broken).toEqual([]);
    expect(program.getSourceFiles()).toHaveLength(1000);
    const lines = names.reduce((sum, f) => sum + countLines(files.get(f)!), 0);
    expect(lines / 1000).toBeGreaterThan(60);
    expect(lines / 1000).toBeLessThan(150);
  });

  it('imports only files that exist and names those files (or their barrels) export', () => {
    const { files } = generateMonolith(500, 3);
    const records = new Map(tsFiles(files).map((f) => [f, record(f, files.get(f)!)]));
    const exportsOf = (file: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(file)) return new Set();
      seen.add(file);
      const r = records.get(file)!;
      const all = new Set(r.exports);
      for (const star of r.starFrom) {
        const target = resolve(file, star, files);
        if (target && target !== 'external') for (const name of exportsOf(target, seen)) all.add(name);
      }
      return all;
    };
    const problems: string[] = [];
    let crossDomain = 0;
    for (const [file, r] of records) {
      for (const star of r.starFrom) if (!resolve(file, star, files)) problems.push(`${file}: export * from '${star}'`);
      for (const { specifier, names } of r.imports) {
        const target = resolve(file, specifier, files);
        if (!target) problems.push(`${file}: cannot resolve '${specifier}'`);
        else if (target !== 'external') {
          const available = exportsOf(target);
          for (const name of names) if (!available.has(name)) problems.push(`${file}: '${name}' not exported by ${target}`);
          if (
            specifier.startsWith('@domains/') &&
            file.startsWith('src/domains/') &&
            !file.startsWith(`src/domains/${specifier.split('/')[1]}/`)
          )
            crossDomain++;
        }
      }
    }
    expect(problems).toEqual([]);
    expect(crossDomain).toBeGreaterThan(0);
  });
});
