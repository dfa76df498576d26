/**
 * Bootstrap calls: the line where a process starts serving. `NestFactory.create`
 * (HTTP) or `createMicroservice` / `createApplicationContext` (a worker),
 * `app.listen(…)` / `server.listen(…)`, `http.createServer(…)`, and a queue
 * worker (`new Worker(…)` of BullMQ). A function of one file's facts; which
 * folder it starts is decided in `src/discover/deployables.ts`.
 */
import type { Bootstrap } from '../model/bootstrap.js';
import type { FileFacts } from './file-facts.js';

export type { Bootstrap } from '../model/bootstrap.js';

const LISTEN_RECEIVERS = /(^|\.)(app|application|server|httpServer|fastify|instance|api|nestApp)\.listen$/;

function kindOf(callee: string): Bootstrap['kind'] | undefined {
  if (callee === 'NestFactory.create') return 'http';
  if (callee === 'NestFactory.createMicroservice' || callee === 'NestFactory.createApplicationContext') return 'worker';
  if (LISTEN_RECEIVERS.test(callee)) return 'http';
  if (callee === 'http.createServer' || callee === 'https.createServer' || callee === 'createServer') return 'http';
  if (callee === 'new Worker') return 'worker';
  return undefined;
}

/**
 * Where a start-up call is a process's own: at module level, in a function
 * named like one (`bootstrap`, `main`, `start`, …), or in a file named like
 * one (`main.ts`, `server.ts`, …). A library helper that calls `app.listen`
 * for its users (`setupMicroservices`) starts nothing by itself.
 */
const START_SYMBOLS = /^(<module>|<callback>|bootstrap|main|start|run|startServer|startApp|serve|listen|init)$/i;
const START_FILES = /(^|\/)(main|index|server|bootstrap|app|worker|start|cli)\.[cm]?[jt]s$/;

export function bootstrapsOf(facts: FileFacts): Bootstrap[] {
  const out: Bootstrap[] = [];
  const startFile = START_FILES.test(facts.path);
  for (const call of facts.calls) {
    const fn = call.symbol.slice(call.symbol.lastIndexOf('.') + 1);
    if (!startFile && !START_SYMBOLS.test(fn)) continue;
    const kind = kindOf(call.callee);
    // `new Worker` is BullMQ's only when it names a queue (a string) and a processor; worker_threads take a path or URL.
    if (kind === 'worker' && call.callee === 'new Worker' && !(call.args.length >= 2 && call.args[0].k === 'str')) continue;
    if (kind) out.push({ file: facts.path, line: call.line, kind, call: call.callee });
  }
  return out;
}
