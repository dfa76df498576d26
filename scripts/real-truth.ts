/**
 * Ground truths for real repositories, each derived from the repository
 * itself (its maintainers' own boundaries), never from carve's output:
 *   nest-modules   each NestJS `@Module`: its file, the files declaring its
 *                  controllers and providers, and the files under its folder
 *                  (a module whose folder holds other modules claims only
 *                  what it lists); files under no module are left out.
 *   apps           the folder after `apps/`, `services/`, `packages/`,
 *                  `libs/`, `microservices/` (merged microservice repos).
 *   package-roots  the nearest folder below the analysed root holding a
 *                  `package.json` (services merged into one repo, each with
 *                  its own package); files under none are left out.
 *   workspaces     the workspace package of each file.
 *   top-folders    the top-level folders below the source root.
 *   resplit        a layered monolith the maintainers later split into
 *                  modules: each file's domain stem (file name, or the
 *                  resource folder of a route) mapped to the later module
 *                  whose model files carry that stem (longest stem prefix
 *                  at a hyphen; stems claimed by several modules, or by
 *                  none, are left out).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pluralize from 'pluralize';
import type { ArgFact } from '../src/extract/file-facts.js';
import { extractFile } from '../src/extract/extract-file.js';
import type { AnalysisResult } from '../src/model/result.js';
import { folderBaseline } from '../src/score/compare/baselines.js';
import type { Labels } from '../src/score/compare/partition.js';
import { compareStrings } from '../src/util/sort.js';

export type TruthKind = 'nest-modules' | 'apps' | 'package-roots' | 'workspaces' | 'top-folders' | 'resplit';
export const TRUTHS: readonly TruthKind[] = ['nest-modules', 'apps', 'package-roots', 'workspaces', 'top-folders', 'resplit'];

export interface TruthSpec {
  kind: TruthKind;
  /** resplit: folder (relative to the checkouts folder) holding the later modules, one subfolder each. */
  later?: string;
  /** resplit: folder inside each later module holding its model files. */
  models?: string;
  /** resplit: folders (relative to the analysed root) whose files are compared. */
  layers?: string[];
}

const dirOf = (id: string): string => (id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : '.');
const isUnder = (id: string, folder: string): boolean => folder === '.' || id.startsWith(`${folder}/`);

/** The file an import specifier written in `from` names, among the analysed units. */
function resolveRelative(units: ReadonlySet<string>, from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.posix.normalize(path.posix.join(dirOf(from), specifier)).replace(/\.(js|ts)$/, '');
  return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((c) => units.has(c));
}

/** Identifiers a `@Module({ controllers, providers })` lists (`useClass` of provider objects too). */
function listedClasses(arg: ArgFact | undefined): string[] {
  if (arg?.k !== 'obj') return [];
  const out: string[] = [];
  for (const key of ['controllers', 'providers']) {
    const list = arg.props[key];
    if (list?.k !== 'arr') continue;
    for (const item of list.items) {
      if (item.k === 'id') out.push(item.v);
      else if (item.k === 'obj' && item.props.useClass?.k === 'id') out.push(item.props.useClass.v);
    }
  }
  return out;
}

function nestModuleTruth(root: string, result: AnalysisResult): Labels {
  const units = new Set(result.units.map((u) => u.id));
  const modules: { file: string; classes: string[] }[] = [];
  for (const id of [...units].sort(compareStrings)) {
    if (!id.endsWith('.ts')) continue;
    const text = readFileSync(path.join(root, id), 'utf8');
    if (!text.includes('@Module')) continue;
    const facts = extractFile(id, text);
    for (const cls of facts.classes) {
      const deco = cls.decorators.find((d) => d.name === 'Module');
      if (!deco) continue;
      const files = listedClasses(deco.args[0]).map((name) => {
        const imp = facts.imports.find((i) => i.names.some((n) => n.local === name));
        return imp ? resolveRelative(units, id, imp.specifier) : id;
      });
      modules.push({ file: id, classes: files.filter((f): f is string => f !== undefined) });
    }
  }
  const folders = modules.map((m) => dirOf(m.file));
  const isParent = (folder: string): boolean => folders.some((f) => f !== folder && isUnder(f, folder));
  const labels = new Map<string, string>();
  // Folder membership first (deepest module folder wins), then explicit lists override.
  for (const id of [...units].sort(compareStrings)) {
    const owner = modules
      .filter((m) => !isParent(dirOf(m.file)) && isUnder(id, dirOf(m.file)))
      .sort((a, b) => dirOf(b.file).length - dirOf(a.file).length || compareStrings(a.file, b.file))[0];
    if (owner) labels.set(id, owner.file);
  }
  for (const m of modules) {
    labels.set(m.file, m.file);
    for (const f of m.classes) {
      // A provider under another module's folder belongs there (it is re-provided, not owned).
      if (!labels.has(f)) labels.set(f, m.file);
    }
  }
  return labels;
}

const APP_FOLDERS = new Set(['apps', 'services', 'packages', 'libs', 'microservices']);

function appTruth(result: AnalysisResult): Labels {
  const labels = new Map<string, string>();
  for (const u of result.units) {
    const parts = u.id.split('/');
    const i = parts.findIndex((p, j) => APP_FOLDERS.has(p) && j < parts.length - 2);
    if (i >= 0) labels.set(u.id, parts.slice(0, i + 2).join('/'));
  }
  return labels;
}

function packageRootTruth(root: string, result: AnalysisResult): Labels {
  const memo = new Map<string, string | undefined>();
  const rootOf = (folder: string): string | undefined => {
    if (folder === '.') return undefined;
    if (memo.has(folder)) return memo.get(folder);
    const found = existsSync(path.join(root, folder, 'package.json')) ? folder : rootOf(dirOf(folder));
    memo.set(folder, found);
    return found;
  };
  const labels = new Map<string, string>();
  for (const u of result.units) {
    const r = rootOf(dirOf(u.id));
    if (r !== undefined) labels.set(u.id, r);
  }
  return labels;
}

function workspaceTruth(result: AnalysisResult): Labels {
  return new Map(result.units.filter((u) => u.workspace !== undefined).map((u) => [u.id, u.workspace!]));
}

const stemOfName = (file: string): string =>
  file
    .replace(/\.[cm]?[jt]sx?$/, '')
    .split('.')[0]
    .toLowerCase();

/** Longest known stem that `stem` equals or starts with at a hyphen. */
function longestPrefix(stem: string, known: ReadonlyMap<string, Set<string>>): Set<string> | undefined {
  const parts = stem.split('-');
  for (let n = parts.length; n > 0; n--) {
    const hit = known.get(parts.slice(0, n).join('-'));
    if (hit) return hit;
  }
  return undefined;
}

function resplitTruth(checkouts: string, result: AnalysisResult, spec: TruthSpec): Labels {
  if (!spec.later || !spec.models || !spec.layers) throw new Error('resplit truth needs `later`, `models` and `layers`');
  const laterDir = path.join(checkouts, spec.later);
  if (!existsSync(laterDir)) throw new Error(`resplit truth: later checkout ${laterDir} not found`);
  // stem → modules whose models carry it; a module's own name claims its stem outright.
  const known = new Map<string, Set<string>>();
  const claim = (stem: string, module: string): void => {
    let set = known.get(stem);
    if (!set) known.set(stem, (set = new Set()));
    set.add(module);
  };
  const modules = readdirSync(laterDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(laterDir, d.name, spec.models!)))
    .map((d) => d.name)
    .sort(compareStrings);
  for (const m of modules) {
    for (const f of readdirSync(path.join(laterDir, m, spec.models)).sort(compareStrings)) {
      const stem = stemOfName(f);
      if (stem !== 'index') claim(stem, m);
    }
  }
  for (const m of modules) known.set(m, new Set([m]));
  const labels = new Map<string, string>();
  for (const u of result.units) {
    const layer = spec.layers.find((l) => isUnder(u.id, l));
    if (!layer) continue;
    const rest = u.id.slice(layer.length + 1).split('/');
    // A route's resource is its folder (`store/carts/get-cart.ts` → cart); elsewhere the file name.
    const raw = rest.length > 1 ? (rest.find((p, i) => i < rest.length - 1 && !['admin', 'store'].includes(p)) ?? rest[0]) : rest[0];
    const stem = rest.length > 1 ? raw.toLowerCase() : stemOfName(raw);
    const singular = stem
      .split('-')
      .map((t) => pluralize.singular(t))
      .join('-');
    const hit = longestPrefix(singular, known);
    if (hit && hit.size === 1) labels.set(u.id, [...hit][0]);
  }
  return labels;
}

/** `root` is the analysed folder; `checkouts` the folder holding every checkout (for `resplit`). */
export function deriveTruth(spec: TruthSpec, root: string, checkouts: string, result: AnalysisResult): Labels {
  switch (spec.kind) {
    case 'nest-modules':
      return nestModuleTruth(root, result);
    case 'apps':
      return appTruth(result);
    case 'package-roots':
      return packageRootTruth(root, result);
    case 'workspaces':
      return workspaceTruth(result);
    case 'top-folders':
      return folderBaseline(result.units.map((u) => u.id));
    case 'resplit':
      return resplitTruth(checkouts, result, spec);
  }
}
