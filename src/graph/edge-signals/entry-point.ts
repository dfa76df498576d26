/**
 * Entry-point cohesion: the code a route or message handler reaches serves
 * one use case. Each unit with entry points is linked to the units it reaches
 * through value dependencies within two steps (weight / depth). Bounded by the
 * fan-out squared per entry unit, so linear in practice.
 */
import type { Edge } from '../../model/result.js';
import { compareStrings } from '../../util/sort.js';
import { unitNode } from '../weighted-graph.js';
import type { EdgeSignal } from './signal.js';

const MAX_DEPTH = 2;

export const entryPoint: EdgeSignal = {
  name: 'entry-point',
  contribute({ input, weights }, add) {
    const outgoing = new Map<string, string[]>();
    for (const edge of input.edges) {
      if (!carriesBehaviour(edge)) continue;
      let list = outgoing.get(edge.from);
      if (!list) outgoing.set(edge.from, (list = []));
      list.push(edge.to);
    }
    for (const unit of input.units) {
      if (unit.entryPoints.length === 0) continue;
      const depthOf = new Map<string, number>([[unit.id, 0]]);
      let frontier = [unit.id];
      for (let depth = 1; depth <= MAX_DEPTH; depth++) {
        const next: string[] = [];
        for (const from of frontier) {
          for (const to of outgoing.get(from) ?? []) {
            if (depthOf.has(to)) continue;
            depthOf.set(to, depth);
            next.push(to);
          }
        }
        frontier = next.sort(compareStrings);
      }
      for (const [reached, depth] of [...depthOf].sort((a, b) => compareStrings(a[0], b[0]))) {
        if (depth > 0) add(unitNode(unit.id), unitNode(reached), 'entry-point', weights.entryPoint / depth);
      }
    }
  },
};

const carriesBehaviour = (edge: Edge): boolean => edge.kind !== 'type-only' && edge.kind !== 're-export';
