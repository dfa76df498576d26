/**
 * The parse limit: read every analysed file and parse it with TypeScript's
 * parser (ts-morph's `ts` export, the parser carve uses), walking every node
 * once and dropping the AST, on one thread. No tool that parses each file can
 * beat this; carve's target is a multiple of it.
 *   node dist/bench/parse-limit.js <root> <file-list>   (one relative path a line)
 * Prints {"files","nodes","parseMs"} on stdout.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ts } from 'ts-morph';

function main(root: string, listFile: string): void {
  const files = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
  const started = performance.now();
  let nodes = 0;
  const visit = (node: ts.Node): void => {
    nodes++;
    ts.forEachChild(node, visit);
  };
  for (const file of files) {
    const text = readFileSync(path.join(root, file), 'utf8');
    visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false));
  }
  process.stdout.write(JSON.stringify({ files: files.length, nodes, parseMs: performance.now() - started }) + '\n');
}

main(process.argv[2], process.argv[3]);
