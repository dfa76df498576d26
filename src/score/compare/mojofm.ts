/**
 * MoJoFM (Wen & Tzerpos 2004) of a clustering A against a reference B, in %:
 *   MoJoFM(A, B) = (1 − mno(A, B) / max_A' mno(A', B)) × 100
 * mno(A, B), the minimum number of Move and Join operations turning A into
 * B, is computed exactly (Wen & Tzerpos 2003): each cluster of A is tagged
 * with the B clusters holding most of its items; a maximum bipartite matching
 * between A's clusters and those tags gives the number of groups g; then
 *   mno = Σ_i (|A_i| − max_j |A_i ∩ B_j|) + (l − g)        (l = clusters of A)
 * and max mno = n − g_B, where g_B is the most groups any A can hit
 * (from B's cluster sizes in ascending order).
 */
import { commonItems, contingency, type Labels } from './partition.js';

export function mojoDistance(a: Labels, b: Labels): number {
  const items = commonItems(a, b);
  const { table } = contingency(a, b, items);
  const rows = [...table.keys()].sort();
  const cols = [...new Set(items.map((i) => b.get(i)!))].sort();
  const colIndex = new Map(cols.map((c, i) => [c, i]));
  let moves = 0;
  const tags: number[][] = [];
  for (const r of rows) {
    const row = table.get(r)!;
    let total = 0;
    let best = 0;
    for (const v of row.values()) {
      total += v;
      best = Math.max(best, v);
    }
    moves += total - best;
    tags.push(
      [...row]
        .filter(([, v]) => v === best)
        .map(([c]) => colIndex.get(c)!)
        .sort((x, y) => x - y),
    );
  }
  const groups = maxMatching(tags, cols.length);
  return moves + rows.length - groups;
}

export function mojoFM(a: Labels, b: Labels): number {
  const items = commonItems(a, b);
  if (items.length === 0) return 100;
  const sizes = [...contingency(a, b, items).cols.values()].sort((x, y) => x - y);
  let reachable = 0;
  for (const size of sizes) if (reachable < size) reachable++;
  const max = items.length - reachable;
  if (max === 0) return 100;
  return (1 - mojoDistance(a, b) / max) * 100;
}

/** Kuhn's augmenting-path matching: left i may match any column in adj[i]. */
function maxMatching(adj: readonly number[][], columns: number): number {
  const matchOf = new Array<number>(columns).fill(-1);
  const tryAssign = (i: number, seen: boolean[]): boolean => {
    for (const c of adj[i]) {
      if (seen[c]) continue;
      seen[c] = true;
      if (matchOf[c] === -1 || tryAssign(matchOf[c], seen)) {
        matchOf[c] = i;
        return true;
      }
    }
    return false;
  };
  let count = 0;
  for (let i = 0; i < adj.length; i++) if (tryAssign(i, new Array<boolean>(columns).fill(false))) count++;
  return count;
}
