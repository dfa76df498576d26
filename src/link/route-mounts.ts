/**
 * Express/Koa/Hono routers are mounted under a prefix in another file
 * (`app.use('/billing', billingRouter)`, `fastify.register(routes, { prefix })`).
 * The served route is the prefix chain plus the router's own path.
 */
import type { ArgFact, EntryPoint, FileFacts } from '../extract/file-facts.js';
import { joinRoute } from '../extract/entry-points.js';
import type { ProjectIndex } from './project-index.js';

const ROUTER_FRAMEWORKS = new Set(['express', 'koa', 'hono', 'fastify']);

interface Mount {
  from: string;
  prefix: string;
  target: string;
}

function targetFile(index: ProjectIndex, file: string, arg: ArgFact | undefined): string | undefined {
  const name = arg?.k === 'id' || arg?.k === 'member' ? arg.v : arg?.k === 'call' ? arg.callee : undefined;
  if (!name) return undefined;
  const r = index.resolveName(file, name);
  return r?.kind === 'internal' && r.file !== file ? r.file : undefined;
}

function findMounts(files: readonly FileFacts[], index: ProjectIndex): Mount[] {
  const mounts: Mount[] = [];
  for (const f of files) {
    for (const call of f.calls) {
      const method = call.callee.slice(call.callee.lastIndexOf('.') + 1);
      const [a0, a1] = call.args;
      if ((method === 'use' || method === 'route') && a0?.k === 'str' && a0.v.startsWith('/')) {
        // `app.use('/x', auth, router)`: the router is usually the last argument.
        for (const arg of call.args.slice(1).reverse()) {
          const target = targetFile(index, f.path, arg);
          if (target) {
            mounts.push({ from: f.path, prefix: a0.v, target });
            break;
          }
        }
      } else if (method === 'register' && a1?.k === 'obj' && a1.props.prefix?.k === 'str') {
        const target = targetFile(index, f.path, a0);
        if (target) mounts.push({ from: f.path, prefix: a1.props.prefix.v, target });
      }
    }
  }
  return mounts;
}

/** Served prefix of each mounted router file, following mounts of mounts. */
export function routePrefixes(files: readonly FileFacts[], index: ProjectIndex): Map<string, string> {
  const mounts = findMounts(files, index);
  const parent = new Map<string, Mount>();
  for (const m of mounts) if (!parent.has(m.target)) parent.set(m.target, m);
  const prefixes = new Map<string, string>();
  for (const target of parent.keys()) {
    const chain: string[] = [];
    const seen = new Set<string>();
    for (let m = parent.get(target); m && !seen.has(m.target); m = parent.get(m.from)) {
      seen.add(m.target);
      chain.unshift(m.prefix);
    }
    prefixes.set(
      target,
      chain.reduce((acc, p) => joinRoute(acc, p), ''),
    );
  }
  return prefixes;
}

export function withPrefix(entryPoints: EntryPoint[], prefix: string | undefined): EntryPoint[] {
  if (!prefix) return entryPoints;
  return entryPoints.map((e) =>
    e.kind === 'http' && ROUTER_FRAMEWORKS.has(e.framework) && e.route !== undefined ? { ...e, route: joinRoute(prefix, e.route) } : e,
  );
}
