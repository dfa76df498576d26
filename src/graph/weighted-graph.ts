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
  private readonly degreeMap = new Map<string, number>();
  private sortedEdges: GraphEdge[] | undefined;

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
    // No tuple here: this runs once per contribution, and garbage adds up on large graphs.
    const x = a < b ? a : b;
    const y = a < b ? b : a;
    const key = `${x}\u0000${y}`;
    let edge = this.edgeMap.get(key);
    if (!edge) {
      edge = { a: x, b: y, weight: 0, kinds: {} };
      this.edgeMap.set(key, edge);
      this.sortedEdges = undefined;
    }
    this.degreeMap.set(x, (this.degreeMap.get(x) ?? 0) + weight);
    this.degreeMap.set(y, (this.degreeMap.get(y) ?? 0) + weight);
    edge.weight += weight;
    edge.kinds[kind] = (edge.kinds[kind] ?? 0) + weight;
  }

  /** Nodes, sorted. */
  nodes(): string[] {
    return [...this.nodeSet].sort(compareStrings);
  }

  /** Weighted degree. */
  degree(node: string): number {
    return this.degreeMap.get(node) ?? 0;
  }

  /** Edges, sorted by endpoints (computed once; callers must not mutate them). */
  edges(): readonly GraphEdge[] {
    this.sortedEdges ??= [...this.edgeMap.values()].sort((p, q) => compareStrings(p.a, q.a) || compareStrings(p.b, q.b));
    return this.sortedEdges;
  }

  get edgeCount(): number {
    return this.edgeMap.size;
  }
}
