/**
 * Interface number IFN (Jin et al. 2019): the mean number of interfaces a
 * service publishes, here the distinct exported symbols (`unit#symbol`) that
 * code in other services uses. Lower is better.
 *   IFN = (1/K) Σ_i |interfaces_i|
 */
export function interfaceNumber(services: readonly string[], interfaces: ReadonlyMap<string, ReadonlySet<string>>): number {
  if (services.length === 0) return 0;
  let sum = 0;
  for (const name of services) sum += interfaces.get(name)?.size ?? 0;
  return sum / services.length;
}
