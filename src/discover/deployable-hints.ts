/**
 * What the repository says about its own deployables, before any code is
 * read: package folders with a `start` script, a `bin` or a `main`; folders
 * with a Dockerfile; docker-compose services built from a folder; Nest CLI
 * and Nx application projects; and whether a package is a front end (Next.js,
 * React, Angular, Vue, Svelte: a client, not a back-end service). The code's
 * own bootstrap calls (`src/extract/bootstrap.ts`) complete the picture in
 * `src/discover/deployables.ts`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PackageJson } from './workspaces.js';
import { dependencyNames } from './workspaces.js';

export interface DeployableHint {
  /** Folder, relative POSIX (`.` for the root). */
  root: string;
  /** Package name, when a package.json sits there. */
  name?: string;
  /** Why it may be a deployable: `package.json scripts.start`, `Dockerfile`, … (sorted). */
  evidence: string[];
  /** A front-end package (depends on a UI framework): a client when deployed. */
  frontend: boolean;
  /** A package.json sits here: a package root (deployable or library). */
  packageRoot: boolean;
}

/** Files (by name) whose folder they describe. */
export const isDeployableFile = (name: string): boolean =>
  name === 'Dockerfile' ||
  name.endsWith('.Dockerfile') ||
  name.startsWith('Dockerfile.') ||
  /^(docker-)?compose(\.[\w-]+)?\.ya?ml$/.test(name) ||
  name === 'nest-cli.json' ||
  name === 'project.json';

const FRONTEND_PACKAGES = [
  'next',
  'react-dom',
  '@angular/core',
  'vue',
  'nuxt',
  'svelte',
  '@sveltejs/kit',
  '@remix-run/react',
  'react-native',
];

/** A `start` script that runs a process (not `tsc -w`, `npm run build`): node, nest, ts-node, nodemon, next, vite, pm2, … */
const RUNS_A_PROCESS =
  /\b(node|nest start|ts-node|ts-node-dev|tsx|nodemon|next|nuxt|vite|react-scripts|ng serve|serve|pm2|bun|deno|serverless|sls|functions-framework|fastify start|remix-serve)\b/;

const dirOf = (rel: string): string => (rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '.');
const normal = (dir: string): string => path.posix.normalize(dir).replace(/^\.\/|\/+$/g, '') || '.';

/** Build contexts of compose services (`build: ./auth`, `context: ./auth`), with the service name. */
function composeContexts(text: string, fileDir: string): { root: string; service: string }[] {
  const out: { root: string; service: string }[] = [];
  let service = '';
  let inServices = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '');
    if (/^services:\s*$/.test(line)) {
      inServices = true;
      continue;
    }
    if (/^\S/.test(line)) inServices = false;
    if (!inServices) continue;
    const svc = /^ {2}([\w.-]+):\s*$/.exec(line) ?? /^\t([\w.-]+):\s*$/.exec(line);
    if (svc) service = svc[1];
    const ctx = /^\s+(?:build|context):\s*['"]?([./\w-][^'"\s]*)['"]?\s*$/.exec(line);
    if (ctx && service && ctx[1] !== '.') out.push({ root: normal(path.posix.join(fileDir, ctx[1])), service });
  }
  return out;
}

/** Application roots a Nest CLI monorepo declares (`projects.<name>.type: application`). */
function nestProjects(text: string, fileDir: string): { root: string; name: string }[] {
  try {
    const json = JSON.parse(text) as { projects?: Record<string, { type?: string; root?: string }> };
    return Object.entries(json.projects ?? {})
      .filter(([, p]) => p.type === 'application' && typeof p.root === 'string')
      .map(([name, p]) => ({ root: normal(path.posix.join(fileDir, p.root!)), name }));
  } catch {
    return [];
  }
}

export function deployableHints(
  packageJsons: ReadonlyMap<string, PackageJson & { scripts?: Record<string, string>; bin?: unknown }>,
  files: readonly { path: string; abs: string }[],
): DeployableHint[] {
  const hints = new Map<string, DeployableHint>();
  const at = (root: string): DeployableHint => {
    let h = hints.get(root);
    if (!h) hints.set(root, (h = { root, evidence: [], frontend: false, packageRoot: false }));
    return h;
  };
  for (const [rel, pkg] of packageJsons) {
    const h = at(dirOf(rel));
    h.packageRoot = true;
    if (pkg.name) h.name = pkg.name;
    if (pkg.scripts?.start && RUNS_A_PROCESS.test(pkg.scripts.start)) h.evidence.push('package.json scripts.start');
    if (pkg.bin) h.evidence.push('package.json bin');
    const deps = new Set(dependencyNames(pkg));
    h.frontend = FRONTEND_PACKAGES.some((d) => deps.has(d));
  }
  for (const f of files) {
    const name = f.path.slice(f.path.lastIndexOf('/') + 1);
    const dir = dirOf(f.path);
    if (name === 'Dockerfile' || name.endsWith('.Dockerfile') || name.startsWith('Dockerfile.')) {
      at(dir).evidence.push(name === 'Dockerfile' ? 'Dockerfile' : `Dockerfile (${name})`);
      continue;
    }
    let text: string;
    try {
      text = readFileSync(f.abs, 'utf8');
    } catch {
      continue;
    }
    if (name === 'nest-cli.json') {
      for (const p of nestProjects(text, dir)) at(p.root).evidence.push(`nest-cli.json application "${p.name}"`);
    } else if (name === 'project.json') {
      if (/"projectType"\s*:\s*"application"/.test(text)) at(dir).evidence.push('Nx application project.json');
    } else {
      for (const c of composeContexts(text, dir)) at(c.root).evidence.push(`compose service "${c.service}" (${f.path})`);
    }
  }
  return [...hints.values()]
    .map((h) => ({ ...h, evidence: [...new Set(h.evidence)].sort() }))
    .sort((a, b) => (a.root < b.root ? -1 : a.root > b.root ? 1 : 0));
}
