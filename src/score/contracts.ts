/** Per service, the consumer-driven contract tests to write before extracting it: what others use today. */
import type { DecompositionMetrics, ServiceContract } from '../model/decomposition.js';
import { compareStrings } from '../util/sort.js';

export const EXTERNAL_CONSUMER = '(external clients)';

export function contracts(metrics: DecompositionMetrics): ServiceContract[] {
  return metrics.perService.map((s) => ({
    service: s.name,
    tests: [
      ...s.api.map((a) => ({ subject: `${a.unit}#${a.symbol}`, consumers: a.consumers })),
      ...s.routes.map((route) => ({ subject: route, consumers: [EXTERNAL_CONSUMER] })),
    ].sort((a, b) => compareStrings(a.subject, b.subject)),
  }));
}
