/**
 * A compact undirected weighted graph of units and tables, built from the
 * analysis result only (no parser output, no Node APIs: it also runs in the
 * browser). Parallel contributions between two nodes add up; the weight per
 * signal kind is kept for explanations.
 */
import { compareStrings } from '../util/sort.js';

export type NodeKind = 'unit' | 'table';

export const unitNode = (id: string): string => `unit:${id}`;
export const tableNode = (id: string): string => `table:${id}`;
export const isTableNode = (node: string): boolean => node.startsWith('table:');
export const nodeId = (node: string): string => node.slice(node.indexOf(':') + 1);

export interface GraphEdge {
  a: string;
  b: string;
  weight: number;
  kinds: Record<string, number>;
}

export class WeightedGraph {
  private readonly nodeSet = new Set<string>();
  private readonly edgeMap = new Map<string, GraphEdge>();

  addNode(node: string): void {
    this.nodeSet.add(node);
  }

  hasNode(node: string): boolean {
    return this.nodeSet.has(node);
  }

  /** Adds `weight` between a and b (undirected; self-loops are dropped: they say nothing about boundaries). */
  addEdge(a: string, b: string, kind: string, weight: number): void {
    if (a === b || weight <= 0) return;
    this.nodeSet.add(a);
    this.nodeSet.add(b);
    const [x, y] = a < b ? [a, b] : [b, a];
    const key = `${x}\u0000${y}`;
    let edge = this.edgeMap.get(key);
    if (!edge) {
      edge = { a: x, b: y, weight: 0, kinds: {} };
      this.edgeMap.set(key, edge);
    }
    edge.weight += weight;
    edge.kinds[kind] = (edge.kinds[kind] ?? 0) + weight;
  }

  /** Nodes, sorted. */
  nodes(): string[] {
    return [...this.nodeSet].sort(compareStrings);
  }

  /** Edges, sorted by endpoints. */
  edges(): GraphEdge[] {
    return [...this.edgeMap.values()].sort((p, q) => compareStrings(p.a, q.a) || compareStrings(p.b, q.b));
  }

  get edgeCount(): number {
    return this.edgeMap.size;
  }
}

/** Collapse nodes by `group` (node → group node); edges inside a group vanish. */
export function contract(graph: WeightedGraph, group: (node: string) => string): WeightedGraph {
  const out = new WeightedGraph();
  for (const node of graph.nodes()) out.addNode(group(node));
  for (const edge of graph.edges()) {
    for (const [kind, w] of Object.entries(edge.kinds)) out.addEdge(group(edge.a), group(edge.b), kind, w);
  }
  return out;
}
