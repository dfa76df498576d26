/**
 * Inter-call percentage ICP (Jin et al. 2019), static variant: the share of
 * code dependency weight whose endpoints sit in different services.
 *   ICP = Σ_{i≠j} w_ij / Σ_{i,j} w_ij      (0 = no cross-service calls; lower is better)
 */
export interface ServiceLink {
  from: string;
  to: string;
  weight: number;
}

export function interCallPercentage(links: readonly ServiceLink[]): number {
  let total = 0;
  let cross = 0;
  for (const { from, to, weight } of links) {
    total += weight;
    if (from !== to) cross += weight;
  }
  return total === 0 ? 0 : cross / total;
}
