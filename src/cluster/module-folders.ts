/**
 * Module folders: where a project is organised in framework modules, they
 * are the units carve clusters (granularity `auto`). A module folder is the
 * deepest folder holding a NestJS module file (`*.module.ts` or a
 * `@Module` class), or a folder right under `modules/` or `features/`. A
 * file belongs to the deepest module folder above it; its layer subfolders
 * (`orders/dto/`) come with it. When at least `MODULE_COVERAGE` of the files
 * sit in module folders (and there are at least `MIN_MODULES` of them),
 * modules are the units; otherwise files are, and the reason says why.
 */
import type { Unit } from '../model/result.js';
import { compareStrings } from '../util/sort.js';

export const MODULE_COVERAGE = 0.6;
export const MIN_MODULES = 3;
/**
 * With modules as units the team has drawn the boundaries: groupings of
 * modules within this share of the best modularity are near enough for the
 * module folders to decide (the modularity of a module graph peaks at a few
 * large groups; the modules themselves are what the team maintains).
 */
export const MODULE_ALIGNMENT_TOLERANCE = 0.5;

const dirOf = (id: string): string => (id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : '.');
const CONTAINERS = new Set(['modules', 'features']);

export interface ModuleFolders {
  /** Module folder of each unit that has one. */
  of: Map<string, string>;
  count: number;
  coverage: number;
  /** Module folders are the clustering units. */
  use: boolean;
  reason: string;
}

export function findModuleFolders(units: readonly Pick<Unit, 'id' | 'tags'>[]): ModuleFolders {
  const roots = new Set<string>();
  for (const u of units) {
    // A module file right in a source root (`src/app.module.ts`) is the root module: it names no domain.
    if (u.tags.includes('module')) {
      const dir = dirOf(u.id);
      const last = dir.slice(dir.lastIndexOf('/') + 1);
      if (dir !== '.' && !['src', 'app', 'lib', 'source'].includes(last)) roots.add(dir);
    }
    const parts = u.id.split('/');
    const i = parts.findIndex((p, j) => CONTAINERS.has(p) && j < parts.length - 2);
    if (i >= 0) roots.add(parts.slice(0, i + 2).join('/'));
  }
  const sorted = [...roots].sort((a, b) => b.length - a.length || compareStrings(a, b));
  const of = new Map<string, string>();
  for (const u of units) {
    const hit = sorted.find((r) => u.id.startsWith(`${r}/`));
    if (hit !== undefined) of.set(u.id, hit);
  }
  const used = new Set(of.values()).size;
  const coverage = units.length === 0 ? 0 : of.size / units.length;
  const use = used >= MIN_MODULES && coverage >= MODULE_COVERAGE;
  const share = `${Math.round(coverage * 100)}% of the files in ${used} module folder${used === 1 ? '' : 's'}`;
  return {
    of,
    count: used,
    coverage,
    use,
    reason: use
      ? `module folders as units: ${share} (NestJS modules, modules/<name>/, features/<name>/)`
      : `files as units: ${share} (modules are the units from ${Math.round(MODULE_COVERAGE * 100)}% and ${MIN_MODULES} modules)`,
  };
}
