/**
 * Code dependencies lifted to services: weighted service links (ICP, in/out
 * weight), distinct unit pairs (SM) and the symbols each service exposes to
 * the others (IFN, API surface, contracts). One pass over the edges.
 */
import { codeEdgeWeight } from '../graph/edge-signals/code-dependency.js';
import type { Weights } from '../graph/weights.js';
import type { ApiSymbol } from '../model/decomposition.js';
import { compareStrings } from '../util/sort.js';
import type { AssignmentIndex, ScoreInput } from './assignment-index.js';
import type { ServiceLink } from './icp.js';

/** Used when an edge names no symbol (side-effect or namespace import). */
const WHOLE_MODULE = '*';

export interface CodeLinks {
  links: ServiceLink[];
  unitPairs: [string, string][];
  /** Per exposing service: `unit#symbol` → consuming services. */
  interfaces: Map<string, Map<string, Set<string>>>;
  /** Cross-service symbols by (from service → to service). */
  crossSymbols: Map<string, Set<string>>;
  /** Whether a cross pair has any value (non type-only) dependency. */
  crossValue: Set<string>;
}

export const pairKey = (from: string, to: string): string => `${from}\u0000${to}`;

export function codeLinks(input: ScoreInput, index: AssignmentIndex, weights: Weights): CodeLinks {
  const weightByPair = new Map<string, number>();
  const unitPairSet = new Set<string>();
  const unitPairs: [string, string][] = [];
  const interfaces = new Map<string, Map<string, Set<string>>>();
  const crossSymbols = new Map<string, Set<string>>();
  const crossValue = new Set<string>();

  for (const edge of input.edges) {
    const from = index.serviceOfUnit.get(edge.from);
    const to = index.serviceOfUnit.get(edge.to);
    if (from === undefined || to === undefined) continue;
    const key = pairKey(from, to);
    weightByPair.set(key, (weightByPair.get(key) ?? 0) + codeEdgeWeight(edge, weights));
    const unitKey = edge.from < edge.to ? `${edge.from}\u0000${edge.to}` : `${edge.to}\u0000${edge.from}`;
    if (edge.from !== edge.to && !unitPairSet.has(unitKey)) {
      unitPairSet.add(unitKey);
      unitPairs.push([from, to]);
    }
    if (from === to || edge.kind === 're-export') continue;
    if (edge.kind !== 'type-only') crossValue.add(key);
    let exposed = interfaces.get(to);
    if (!exposed) interfaces.set(to, (exposed = new Map()));
    let symbols = crossSymbols.get(key);
    if (!symbols) crossSymbols.set(key, (symbols = new Set()));
    for (const symbol of edge.symbols.length > 0 ? edge.symbols : [WHOLE_MODULE]) {
      const id = `${edge.to}#${symbol}`;
      let consumers = exposed.get(id);
      if (!consumers) exposed.set(id, (consumers = new Set()));
      consumers.add(from);
      symbols.add(id);
    }
  }

  const links = [...weightByPair]
    .map(([key, weight]) => {
      const [from, to] = key.split('\u0000');
      return { from, to, weight };
    })
    .sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
  return { links, unitPairs, interfaces, crossSymbols, crossValue };
}

export function apiOf(links: CodeLinks, service: string): ApiSymbol[] {
  const exposed = links.interfaces.get(service);
  if (!exposed) return [];
  return [...exposed]
    .map(([id, consumers]) => {
      const cut = id.lastIndexOf('#');
      return { unit: id.slice(0, cut), symbol: id.slice(cut + 1), consumers: [...consumers].sort(compareStrings) };
    })
    .sort((a, b) => compareStrings(a.unit, b.unit) || compareStrings(a.symbol, b.symbol));
}
