/**
 * How each cross-service dependency would be carried after the split, and
 * the consistency it gives up:
 * - writes to another service's tables, or a transaction spanning both → a
 *   command / saga step (atomicity becomes compensation);
 * - direct reads of another service's tables → an event-fed replicated read
 *   model (reads may be stale);
 * - code calls into another service → a synchronous API call (fresh data, but
 *   availability and latency now depend on the callee).
 */
import type { DecompositionMetrics, IntegrationAdvice, IntegrationKind } from '../model/decomposition.js';
import { compareStrings } from '../util/sort.js';
import { MODE_WEIGHT } from '../graph/weights.js';
import type { AssignmentIndex, ScoreInput } from './assignment-index.js';
import { pairKey, type CodeLinks } from './code-links.js';

const GIVES_UP: Record<IntegrationKind, string> = {
  'command-saga': 'atomicity: the change becomes a command to the owner; a failure midway needs a compensating step (eventual consistency)',
  'event-or-read-model': "freshness: the replicated read model lags the owner's writes (stale reads)",
  'sync-call':
    'availability: the caller fails or slows when the callee does — needs a timeout, retries with backoff and a circuit breaker; data stays fresh',
};

interface PairFacts {
  writes: Set<string>;
  reads: Set<string>;
  sagas: Set<string>;
  weight: number;
  dataWeight: number;
}

export function integrationAdvice(
  input: ScoreInput,
  index: AssignmentIndex,
  links: CodeLinks,
  metrics: DecompositionMetrics,
): IntegrationAdvice[] {
  const pairs = new Map<string, PairFacts>();
  const facts = (from: string, to: string): PairFacts => {
    const key = pairKey(from, to);
    let f = pairs.get(key);
    if (!f) pairs.set(key, (f = { writes: new Set(), reads: new Set(), sagas: new Set(), weight: 0, dataWeight: 0 }));
    return f;
  };

  const calls = new Set(links.links.filter((l) => l.from !== l.to).map((l) => pairKey(l.from, l.to)));
  for (const access of input.accesses) {
    const from = index.serviceOfUnit.get(access.unit);
    const to = index.ownerOfTable.get(access.table);
    if (!from || !to || from === to) continue;
    if (access.propagated) {
      // A propagated read goes through the owner's code: the code link already advises a call.
      if (access.mode === 'read') continue;
      // A write reached through a third service is that service's command, not this one's.
      if (!calls.has(pairKey(from, to))) continue;
    }
    const f = facts(from, to);
    (access.mode === 'write' ? f.writes : f.reads).add(access.table);
    f.dataWeight += MODE_WEIGHT[access.mode];
  }
  for (const saga of metrics.sharedDatabase.sagaCandidates) {
    const runner = index.serviceOfUnit.get(saga.unit);
    if (!runner) continue;
    for (const step of saga.steps) if (step.service && step.service !== runner) facts(runner, step.service).sagas.add(saga.transaction);
  }
  for (const link of links.links) if (link.from !== link.to) facts(link.from, link.to).weight += link.weight;

  const out: IntegrationAdvice[] = [];
  for (const [key, f] of pairs) {
    const [from, to] = key.split('\u0000');
    const symbols = [...(links.crossSymbols.get(key) ?? [])].sort(compareStrings);
    if (f.writes.size > 0 || f.sagas.size > 0) {
      const why = [
        f.writes.size > 0 ? `writes ${list(f.writes)} owned by ${to}` : '',
        f.sagas.size > 0 ? `transaction ${list(f.sagas)} spans ${from} and ${to}` : '',
      ].filter(Boolean);
      out.push(advice(from, to, 'command-saga', why.join('; '), [], [...f.writes], f.dataWeight));
    }
    if (f.reads.size > 0) {
      out.push(advice(from, to, 'event-or-read-model', `reads ${list(f.reads)} owned by ${to} directly`, [], [...f.reads], f.dataWeight));
    }
    if (symbols.length > 0) {
      const why = links.crossValue.has(key)
        ? `calls ${symbols.length} symbol(s) of ${to}`
        : `uses ${symbols.length} type(s) of ${to} (they become the API schema)`;
      out.push(advice(from, to, 'sync-call', why, symbols, [], f.weight));
    }
  }
  return out.sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to) || compareStrings(a.kind, b.kind));
}

const list = (values: Set<string>): string => [...values].sort(compareStrings).join(', ');

function advice(
  from: string,
  to: string,
  kind: IntegrationKind,
  why: string,
  symbols: string[],
  tables: string[],
  weight: number,
): IntegrationAdvice {
  return { from, to, kind, why, givesUp: GIVES_UP[kind], symbols, tables: tables.sort(compareStrings), weight };
}
