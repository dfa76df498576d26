/**
 * Module resolution in memory: relative specifiers, tsconfig `paths` and
 * `baseUrl` (of each file's nearest tsconfig), and workspace packages by name
 * — against the discovered file list, never by probing the file system.
 */
import { builtinModules } from 'node:module';
import { nearestTsconfig, type Tsconfig, type WorkspacePackage } from '../discover/index.js';
import { posixDirname, posixJoin } from '../util/posix-path.js';
import type { ResolvedSpecifier } from './project-index.js';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const JS_TO_TS: Record<string, string[]> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};
const BUILTINS = new Set(builtinModules);
/** Imports of non-code files (styles, templates, data) that bundlers handle: not modules carve links. */
const ASSET =
  /\.(vue|svelte|astro|css|scss|sass|less|styl|json|jsonc|svg|png|jpe?g|gif|webp|avif|ico|bmp|html?|graphql|gql|md|mdx|txt|ya?ml|wasm|node|woff2?|ttf|eot|mp[34]|wav|csv|xml|proto|sql|hbs|ejs|pug)(\?.*)?$/i;

export function isAssetSpecifier(specifier: string): boolean {
  return ASSET.test(specifier);
}

export function packageName(specifier: string): string {
  if (specifier.startsWith('node:')) return specifier;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return BUILTINS.has(name) ? `node:${name}` : name;
}

export class ModuleResolver {
  private readonly cache = new Map<string, ResolvedSpecifier>();
  private readonly workspaceByName: Map<string, WorkspacePackage>;
  /**
   * Per resolution key, every path whose presence was asked while resolving it. With the same
   * tsconfigs and workspaces, the result holds as long as none of these paths is added or removed.
   */
  readonly probes = new Map<string, string[]>();
  private probing: string[] | undefined;
  /** Told the key of every resolution asked for, memoised or not (the link cache's read tracking). */
  onResolve?: (key: string) => void;

  constructor(
    private readonly files: ReadonlySet<string>,
    private readonly tsconfigs: readonly Tsconfig[],
    workspaces: readonly WorkspacePackage[],
    /** Keep `probes` (only the link cache needs them). */
    private readonly recordProbes = false,
  ) {
    this.workspaceByName = new Map(workspaces.map((w) => [w.name, w]));
  }

  private has(path: string): boolean {
    this.probing?.push(path);
    return this.files.has(path);
  }

  /** A path (without or with extension) → an analysed file, trying TS's candidates in order. */
  private probe(base: string): string | undefined {
    if (this.has(base)) return base;
    const dot = base.lastIndexOf('.');
    const ext = dot > base.lastIndexOf('/') ? base.slice(dot) : '';
    for (const swap of JS_TO_TS[ext] ?? []) {
      const candidate = base.slice(0, dot) + swap;
      if (this.has(candidate)) return candidate;
    }
    for (const e of EXTENSIONS) if (this.has(base + e)) return base + e;
    for (const e of EXTENSIONS) if (this.has(`${base}/index${e}`)) return `${base}/index${e}`;
    return undefined;
  }

  private viaPaths(config: Tsconfig | undefined, specifier: string): string | undefined | null {
    if (!config) return null;
    let best: { prefixLength: number; targets: string[]; star: string } | undefined;
    for (const [pattern, targets] of config.paths) {
      const star = pattern.indexOf('*');
      if (star === -1) {
        if (pattern === specifier && (!best || pattern.length > best.prefixLength))
          best = { prefixLength: pattern.length, targets, star: '' };
        continue;
      }
      const prefix = pattern.slice(0, star);
      const suffix = pattern.slice(star + 1);
      if (specifier.startsWith(prefix) && specifier.endsWith(suffix) && specifier.length >= prefix.length + suffix.length) {
        if (!best || prefix.length > best.prefixLength) {
          best = { prefixLength: prefix.length, targets, star: specifier.slice(prefix.length, specifier.length - suffix.length) };
        }
      }
    }
    if (!best) return null;
    // `"@angular/*": ["node_modules/@angular/*"]` points at a dependency, not at project code.
    if (best.targets.every((t) => t.includes('node_modules/'))) return null;
    // Aliases into code outside the analysed folder (a sub-folder of a monorepo): a dependency from here.
    if (best.targets.every((t) => t.startsWith('../'))) return null;
    for (const t of best.targets) {
      const hit = this.probe(posixJoin(t.replace('*', best.star)));
      if (hit) return hit;
    }
    return undefined; // matched an alias, target missing
  }

  private viaWorkspace(specifier: string): string | undefined | null {
    const name = packageName(specifier);
    const ws = this.workspaceByName.get(name);
    if (!ws) return null;
    const sub = specifier.slice(name.length + 1);
    const dir = ws.dir;
    if (sub) return this.probe(posixJoin(dir, 'src', sub)) ?? this.probe(posixJoin(dir, sub)) ?? this.probe(posixJoin(dir, 'lib', sub));
    // Prefer source over build output: `dist/index.js` → `src/index.ts`.
    for (const entry of ws.entries) {
      const plain = entry.replace(/^\.\//, '').replace(/\.d\.(m|c)?ts$/, '.ts');
      const candidates = [plain, plain.replace(/^(dist|build|lib|out)\//, 'src/'), plain.replace(/^(dist|build|lib|out)\//, '')];
      for (const c of candidates) {
        const hit = this.probe(posixJoin(dir, c)) ?? this.probe(posixJoin(dir, c.replace(/\.(m|c)?js$/, '')));
        if (hit) return hit;
      }
    }
    return (
      this.probe(posixJoin(dir, 'src/index')) ?? this.probe(posixJoin(dir, 'index')) ?? this.probe(posixJoin(dir, 'lib/index')) ?? undefined
    );
  }

  resolve(from: string, specifier: string): ResolvedSpecifier {
    const dir = posixDirname(from);
    const relative = specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
    const key = relative ? `${dir}\0${specifier}` : `${this.configKey(from)}\0${specifier}`;
    this.onResolve?.(key);
    const hit = this.cache.get(key);
    if (hit) return hit;
    this.probing = this.recordProbes ? [] : undefined;
    const result = this.compute(from, dir, specifier, relative);
    this.cache.set(key, result);
    if (this.probing) this.probes.set(key, this.probing);
    return result;
  }

  private configKey(from: string): string {
    return nearestTsconfig(this.tsconfigs, from)?.file ?? '';
  }

  private compute(from: string, dir: string, specifier: string, relative: boolean): ResolvedSpecifier {
    if (relative) {
      const file = this.probe(posixJoin(dir, specifier));
      if (file) return { kind: 'internal', file };
      return isAssetSpecifier(specifier) ? { kind: 'asset' } : { kind: 'unresolved' };
    }
    if (specifier.startsWith('/')) return { kind: 'unresolved' };
    const config = nearestTsconfig(this.tsconfigs, from);
    const aliased = this.viaPaths(config, specifier);
    if (aliased) return { kind: 'internal', file: aliased };
    if (aliased === undefined) return isAssetSpecifier(specifier) ? { kind: 'asset' } : { kind: 'unresolved' };
    const ws = this.viaWorkspace(specifier);
    if (ws) return { kind: 'internal', file: ws };
    if (config?.baseUrl !== undefined && !specifier.startsWith('node:')) {
      const viaBase = this.probe(posixJoin(config.baseUrl, specifier));
      if (viaBase) return { kind: 'internal', file: viaBase };
    }
    return { kind: 'external', package: packageName(specifier) };
  }
}
