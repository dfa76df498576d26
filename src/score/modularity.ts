/**
 * Newman modularity (Newman & Girvan 2004; weighted form, Newman 2004):
 *   Q = Σ_c [ W_c / W − (D_c / 2W)² ]
 * W = total edge weight, W_c = weight inside community c, D_c = summed
 * weighted degree of c's nodes. Nodes without a community (the shared
 * kernel) are left out together with their edges.
 */
export interface WeightedLink {
  a: string;
  b: string;
  weight: number;
}

export function newmanModularity(links: readonly WeightedLink[], communityOf: (node: string) => string | undefined): number {
  let total = 0;
  const inside = new Map<string, number>();
  const degree = new Map<string, number>();
  for (const { a, b, weight } of links) {
    const ca = communityOf(a);
    const cb = communityOf(b);
    if (ca === undefined || cb === undefined) continue;
    total += weight;
    degree.set(ca, (degree.get(ca) ?? 0) + weight);
    degree.set(cb, (degree.get(cb) ?? 0) + weight);
    if (ca === cb) inside.set(ca, (inside.get(ca) ?? 0) + weight);
  }
  if (total === 0) return 0;
  let q = 0;
  for (const [c, d] of degree) q += (inside.get(c) ?? 0) / total - (d / (2 * total)) ** 2;
  return q;
}
