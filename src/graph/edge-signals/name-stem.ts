/**
 * Name stem across layers: in a layered monolith the domain shows in the
 * name a file shares with its siblings in other layers (`services/cart.ts`,
 * `models/cart.ts`, `repositories/cart.ts`, `api/routes/store/carts/get-cart.ts`).
 * Files of one stem in different folders are chained in sorted order (two
 * edges per file at most: linear), each edge `nameStem` weight. Stems found in
 * one folder only add nothing (the folder signal already holds them), and a
 * stem spread over more than `MAX_STEM_FOLDERS` folders is a generic word
 * (`user` in every module of a module-folder app), not one domain.
 */
import pluralize from 'pluralize';
import { compareStrings } from '../../util/sort.js';
import { unitNode } from '../weighted-graph.js';
import { ACTION_WORDS, ROLE_WORDS } from './role-words.js';
import type { EdgeSignal } from './signal.js';

export const MAX_STEM_FOLDERS = 12;

const singular = (word: string): string => (word.length > 3 ? pluralize.singular(word) : word);

/** Domain tokens of one name: lower-cased, role and action words dropped, singular. */
function domainTokens(name: string): string[] {
  const tokens = name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .split(/[-_.\s]+/)
    .filter((t) => t.length > 0 && !/^\d+$/.test(t));
  let start = 0;
  while (start < tokens.length - 1 && ACTION_WORDS.has(tokens[start])) start++;
  return tokens
    .slice(start)
    .filter((t) => !ROLE_WORDS.has(t) && !ACTION_WORDS.has(t))
    .map(singular);
}

/**
 * The domain stem of a file: its name without extension and role suffixes
 * (`order.service.ts` → `order`, `create-line-item.ts` → `line-item`), or, for
 * a file whose name is all role (`index.ts`, `service.ts`), its nearest
 * folder that is not a role folder. Undefined when nothing domain-like is left.
 */
export function nameStem(unitId: string): string | undefined {
  const parts = unitId.split('/');
  const base = parts[parts.length - 1].replace(/\.(d\.)?[cm]?[jt]sx?$/, '');
  const own = domainTokens(base.split('.')[0]);
  if (own.length > 0) return own.join('-');
  for (let i = parts.length - 2; i >= 0; i--) {
    const tokens = domainTokens(parts[i]);
    if (tokens.length > 0 && !['src', 'source', 'app', 'apps', 'packages'].includes(parts[i].toLowerCase())) return tokens.join('-');
  }
  return undefined;
}

const folderOf = (id: string): string => (id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : '.');

export const nameStemSignal: EdgeSignal = {
  name: 'name-stem',
  contribute({ input, weights }, add) {
    if (weights.nameStem <= 0) return;
    const byStem = new Map<string, string[]>();
    for (const u of input.units) {
      const stem = nameStem(u.id);
      if (stem === undefined) continue;
      let list = byStem.get(stem);
      if (!list) byStem.set(stem, (list = []));
      list.push(u.id);
    }
    for (const stem of [...byStem.keys()].sort(compareStrings)) {
      const ids = byStem.get(stem)!.sort(compareStrings);
      const folders = new Set(ids.map(folderOf));
      if (folders.size < 2 || folders.size > MAX_STEM_FOLDERS) continue;
      for (let i = 1; i < ids.length; i++) add(unitNode(ids[i - 1]), unitNode(ids[i]), 'name-stem', weights.nameStem);
    }
  },
};
