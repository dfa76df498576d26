/**
 * Folder proximity: files kept in one folder were put together on purpose.
 * Each domain folder's files are chained in sorted order (two edges per file
 * at most, so linear), and each domain folder's first file links to the
 * first file of the domain folder above it, so a module's subfolders
 * (`orders/pricing/`) stay with it. One chain edge weighs as much as one
 * import: spread over a folder it is still a tie-break that dependencies and
 * data outweigh, yet strong enough that a module's DTOs and helpers do not
 * drift (measured on real NestJS repos, docs/metrics.md section 10).
 * Folders named after a layer (`controllers/`, `services/`, …) group by
 * technical role, not by domain, and add nothing.
 */
import { compareStrings } from '../../util/sort.js';
import { unitNode } from '../weighted-graph.js';
import type { EdgeSignal } from './signal.js';

export const FOLDER_WEIGHT = 1;

export const LAYER_FOLDERS = new Set([
  'api',
  'controller',
  'controllers',
  'dao',
  'daos',
  'dto',
  'dtos',
  'entities',
  'entity',
  'handlers',
  'helpers',
  'interfaces',
  'lib',
  'listeners',
  'mappers',
  'middleware',
  'middlewares',
  'migrations',
  'model',
  'models',
  'repos',
  'repositories',
  'repository',
  'resolvers',
  'routers',
  'routes',
  'schemas',
  'service',
  'services',
  'src',
  'subscribers',
  'types',
  'utils',
  'validation',
  'validators',
  'views',
]);

/** Folder names that hold the whole source rather than one domain: files right in them share nothing. */
export const SOURCE_ROOTS = new Set([
  '.',
  'api',
  'app',
  'apps',
  'features',
  'lib',
  'libs',
  'modules',
  'packages',
  'server',
  'source',
  'src',
]);

const lastSegment = (folder: string): string => folder.slice(folder.lastIndexOf('/') + 1).toLowerCase();
const parentOf = (folder: string): string => (folder.includes('/') ? folder.slice(0, folder.lastIndexOf('/')) : '.');

/** The domain folder a file belongs to: its folder without trailing layer folders (`orders/dto` → `orders`); undefined at a source root. */
export function domainFolder(folder: string): string | undefined {
  let f = folder;
  while (f !== '.' && LAYER_FOLDERS.has(lastSegment(f))) f = parentOf(f);
  return SOURCE_ROOTS.has(lastSegment(f)) ? undefined : f;
}

export const folder: EdgeSignal = {
  name: 'folder',
  contribute({ input }, add) {
    const byFolder = new Map<string, string[]>();
    for (const u of input.units) {
      const key = domainFolder(u.folder);
      if (key === undefined) continue;
      let list = byFolder.get(key);
      if (!list) byFolder.set(key, (list = []));
      list.push(u.id);
    }
    const keys = [...byFolder.keys()].sort(compareStrings);
    for (const key of keys) {
      const ids = byFolder.get(key)!.sort(compareStrings);
      for (let i = 1; i < ids.length; i++) add(unitNode(ids[i - 1]), unitNode(ids[i]), 'folder', FOLDER_WEIGHT);
    }
    // A subfolder is part of the domain folder above it: one edge links their first files (a tree, so linear).
    for (const key of keys) {
      for (let up = domainFolder(parentOf(key)); up !== undefined; up = domainFolder(parentOf(up))) {
        if (up === key) break;
        const above = byFolder.get(up);
        if (above) {
          add(unitNode(byFolder.get(key)![0]), unitNode(above[0]), 'folder', FOLDER_WEIGHT);
          break;
        }
      }
    }
  },
};
