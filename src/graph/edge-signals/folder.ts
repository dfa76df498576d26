/**
 * Folder proximity: files kept in one folder were put together on purpose.
 * Each folder's files are chained in sorted order (two edges per file at
 * most, so linear) with a weight well below any code dependency: a tie-break
 * that keeps a folder together unless dependencies and data say otherwise.
 * Folders named after a layer (`controllers/`, `services/`, …) group by
 * technical role, not by domain, and add nothing.
 */
import { compareStrings } from '../../util/sort.js';
import { unitNode } from '../weighted-graph.js';
import type { EdgeSignal } from './signal.js';

export const FOLDER_WEIGHT = 0.3;

const LAYER_FOLDERS = new Set([
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

export const folder: EdgeSignal = {
  name: 'folder',
  contribute({ input }, add) {
    const byFolder = new Map<string, string[]>();
    for (const u of input.units) {
      if (LAYER_FOLDERS.has(u.folder.slice(u.folder.lastIndexOf('/') + 1).toLowerCase())) continue;
      let list = byFolder.get(u.folder);
      if (!list) byFolder.set(u.folder, (list = []));
      list.push(u.id);
    }
    for (const key of [...byFolder.keys()].sort(compareStrings)) {
      const ids = byFolder.get(key)!.sort(compareStrings);
      for (let i = 1; i < ids.length; i++) add(unitNode(ids[i - 1]), unitNode(ids[i]), 'folder', FOLDER_WEIGHT);
    }
  },
};
