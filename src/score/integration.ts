/**
 * How each cross-service dependency would be carried after the split — one
 * kind per (from, to) pair, chosen from what actually crosses, with the
 * evidence (`file:line` of each crossing) and the consistency it gives up.
 * Strongest first:
 * - `command-saga`: `from` writes `to`'s tables (or a transaction spans both);
 * - `read-model`: `from` reads `to`'s tables: an API call or a replicated read model;
 * - `sync-api`: `from` calls `to`'s code and needs the answer (the call reaches `to`'s reads);
 * - `event`: `from` calls `to`'s code only to make it change something (the call reaches only writes);
 * - `anti-corruption-layer`: `from` uses `to`'s entity classes as values: the old model crosses;
 * - `message`: `from` already publishes what `to` consumes: keep it, add an outbox and idempotent consumers;
 * - `shared-contract`: only types, DTOs, enums, interfaces or constants cross: publish them, or duplicate.
 * Platform code (logger, config, database connection) lives in the shared
 * kernel and is no integration at all.
 */
import type { DecompositionMetrics, IntegrationAdvice, IntegrationKind } from '../model/decomposition.js';
import type { Access, Unit } from '../model/result.js';
import { compareStrings } from '../util/sort.js';
import { MODE_WEIGHT } from '../graph/weights.js';
import type { AssignmentIndex, ScoreInput } from './assignment-index.js';
import { pairKey, type CodeLinks } from './code-links.js';

/** Most crossings listed as evidence per advice; `crossings` has the full count. */
export const MAX_EVIDENCE = 25;

export const INTEGRATION: Record<IntegrationKind, { advice: string; givesUp: string }> = {
  'command-saga': {
    advice: 'send the owner a command (a saga step), with a compensating action for each write',
    givesUp: 'atomicity: the change becomes a command to the owner; a failure midway needs a compensating step (eventual consistency)',
  },
  'read-model': {
    advice: "call the owner's API for fresh data, or keep a read model replicated from the owner's events",
    givesUp:
      "freshness: a replicated read model lags the owner's writes by the event delay (stale reads); an API call instead makes the reader depend on the owner's availability",
  },
  'sync-api': {
    advice: 'a synchronous API on the callee; call it with a timeout, retries with jitter, a circuit breaker and a bulkhead',
    givesUp: 'availability: the caller needs the answer now, so it fails or slows when the callee does; data stays fresh',
  },
  event: {
    advice: 'the caller needs no answer: publish an event (or send a command message) the callee acts on',
    givesUp: 'immediacy: the effect happens later, and the caller no longer knows when or whether it succeeded',
  },
  'anti-corruption-layer': {
    advice: "translate at the boundary: an anti-corruption layer maps the other service's model to the caller's own",
    givesUp: "nothing at run time; the caller's code stops sharing the other model's shape, which needs a mapping layer",
  },
  message: {
    advice: 'keep the message; add a transactional outbox on the producer and make the consumers idempotent',
    givesUp: 'nothing new: delivery is already asynchronous; at-least-once delivery means duplicates and reordering to handle',
  },
  'shared-contract': {
    advice: 'publish the types as a versioned contract (a shared types package or a schema), or duplicate them',
    givesUp: 'lockstep: a change to the shared types needs a new contract version both sides adopt',
  },
};

const KIND_ORDER: IntegrationKind[] = [
  'command-saga',
  'read-model',
  'sync-api',
  'event',
  'anti-corruption-layer',
  'message',
  'shared-contract',
];

/** Files that declare shapes, not behaviour: what crosses through them is a contract. */
const CONTRACT_FILE =
  /(\.|\/)(dtos?|types?|interfaces?|enums?|constants?|events?|contracts?|schemas?|models?|entit(y|ies)|errors?|exceptions?)(\.[cm]?[jt]sx?$|\/)/i;
const ENTITY_TAG = 'entity';

interface PairFacts {
  writes: Set<string>;
  reads: Set<string>;
  sagas: Set<string>;
  /** Propagated accesses whose chain enters `to`'s code, by mode. */
  callReads: Set<string>;
  callWrites: Set<string>;
  valueSymbols: Set<string>;
  typeSymbols: Set<string>;
  entityValues: Set<string>;
  topics: Set<string>;
  evidence: Set<string>;
  weight: number;
}

const emptyFacts = (): PairFacts => ({
  writes: new Set(),
  reads: new Set(),
  sagas: new Set(),
  callReads: new Set(),
  callWrites: new Set(),
  valueSymbols: new Set(),
  typeSymbols: new Set(),
  entityValues: new Set(),
  topics: new Set(),
  evidence: new Set(),
  weight: 0,
});

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
    if (!f) pairs.set(key, (f = emptyFacts()));
    return f;
  };
  const units = new Map<string, Unit>(input.units.map((u) => [u.id, u]));
  const sitesOf = (a: Pick<Access, 'unit' | 'lines'>): string[] => a.lines.map((l) => `${a.unit}:${l}`);

  // Data: the effective accesses (direct, or through own / platform code) of another service's tables.
  const effective = new Set(index.accesses.map((a) => `${a.unit}\u0000${a.table}\u0000${a.mode}`));
  const byHop = new Map<string, Access[]>();
  for (const a of input.accesses) {
    const key = `${a.symbol}\u0000${a.table}\u0000${a.mode}`;
    byHop.set(key, [...(byHop.get(key) ?? []), a]);
  }
  for (const a of input.accesses) {
    const from = index.serviceOfUnit.get(a.unit);
    const owner = index.ownerOfTable.get(a.table);
    if (!from || !owner) continue;
    if (owner !== from && effective.has(`${a.unit}\u0000${a.table}\u0000${a.mode}`) && !a.propagated) {
      const f = facts(from, owner);
      (a.mode === 'write' ? f.writes : f.reads).add(a.table);
      for (const s of sitesOf(a)) f.evidence.add(s);
      f.weight += MODE_WEIGHT[a.mode];
    }
    if (!a.propagated) continue;
    // A call into another service's code that reaches tables: a query (read) or a command (write) of that service.
    for (const hop of byHop.get(`${a.via}\u0000${a.table}\u0000${a.mode}`) ?? []) {
      const to = index.serviceOfUnit.get(hop.unit);
      if (!to || to === from) continue;
      if (owner !== from && effective.has(`${a.unit}\u0000${a.table}\u0000${a.mode}`)) continue;
      const f = facts(from, to);
      (a.mode === 'write' ? f.callWrites : f.callReads).add(a.table);
      for (const s of sitesOf(a)) f.evidence.add(s);
    }
  }
  for (const saga of metrics.sharedDatabase.sagaCandidates) {
    const runner = index.serviceOfUnit.get(saga.unit);
    if (!runner) continue;
    for (const step of saga.steps) {
      if (step.service && step.service !== runner) {
        const f = facts(runner, step.service);
        f.sagas.add(saga.transaction);
        f.evidence.add(saga.transaction);
      }
    }
  }

  // Code: value and type crossings of the import graph (re-exports are not uses).
  for (const edge of input.edges) {
    const from = index.serviceOfUnit.get(edge.from);
    const to = index.serviceOfUnit.get(edge.to);
    if (!from || !to || from === to || edge.kind === 're-export') continue;
    const target = units.get(edge.to);
    const f = facts(from, to);
    const symbols = (edge.symbols.length > 0 ? edge.symbols : ['*']).map((s) => `${edge.to}#${s}`);
    const contract = CONTRACT_FILE.test(edge.to) || !!target?.tags.some((t) => t === 'dto' || t === 'types');
    const entity = !!target?.tags.includes(ENTITY_TAG);
    for (const s of symbols) {
      if (edge.kind === 'type-only' || (contract && !entity)) f.typeSymbols.add(s);
      else if (entity) f.entityValues.add(s);
      else f.valueSymbols.add(s);
    }
    f.evidence.add(edge.line !== undefined ? `${edge.from}:${edge.line}` : `${edge.from} → ${edge.to}`);
  }
  for (const link of links.links) if (link.from !== link.to) facts(link.from, link.to).weight += link.weight;

  // Messages that already cross: producer's service → consumer's service.
  for (const flow of input.flows ?? []) {
    for (const p of flow.sites.producers) {
      for (const c of flow.sites.consumers) {
        const from = index.serviceOfUnit.get(p.unit);
        const to = index.serviceOfUnit.get(c.unit);
        if (!from || !to || from === to) continue;
        const f = facts(from, to);
        f.topics.add(`${flow.transport} ${flow.topic}`);
        f.evidence.add(`${p.unit}:${p.line}`);
        f.evidence.add(`${c.unit}:${c.line}`);
      }
    }
  }

  const out: IntegrationAdvice[] = [];
  for (const [key, f] of pairs) {
    const [from, to] = key.split('\u0000');
    const kind = kindOf(f);
    if (!kind) continue;
    const evidence = [...f.evidence].sort(compareStrings);
    out.push({
      from,
      to,
      kind,
      why: whyOf(kind, f, from, to),
      advice: INTEGRATION[kind].advice,
      givesUp: INTEGRATION[kind].givesUp,
      symbols: [...f.valueSymbols, ...f.entityValues, ...f.typeSymbols].sort(compareStrings).filter((s, i, a) => a.indexOf(s) === i),
      tables: [...new Set([...f.writes, ...f.reads, ...f.callWrites, ...f.callReads])].sort(compareStrings),
      topics: [...f.topics].sort(compareStrings),
      crossings: evidence.length,
      evidence: evidence.slice(0, MAX_EVIDENCE),
      weight: f.weight,
    });
  }
  return out.sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
}

function kindOf(f: PairFacts): IntegrationKind | undefined {
  const has: Record<IntegrationKind, boolean> = {
    'command-saga': f.writes.size > 0 || f.sagas.size > 0,
    'read-model': f.reads.size > 0,
    'sync-api': f.callReads.size > 0 || (f.valueSymbols.size > 0 && f.callWrites.size === 0 && f.topics.size === 0),
    event: f.callWrites.size > 0,
    'anti-corruption-layer': f.entityValues.size > 0,
    message: f.topics.size > 0,
    'shared-contract': f.typeSymbols.size > 0,
  };
  return KIND_ORDER.find((k) => has[k]);
}

const list = (values: Set<string>, max = 5): string => {
  const all = [...values].sort(compareStrings);
  return all.length <= max ? all.join(', ') : `${all.slice(0, max).join(', ')} and ${all.length - max} more`;
};

function whyOf(kind: IntegrationKind, f: PairFacts, from: string, to: string): string {
  switch (kind) {
    case 'command-saga':
      return [
        f.writes.size > 0 ? `writes ${list(f.writes)} owned by ${to}` : '',
        f.sagas.size > 0 ? `transaction ${list(f.sagas)} spans ${from} and ${to}` : '',
      ]
        .filter(Boolean)
        .join('; ');
    case 'read-model':
      return `reads ${list(f.reads)} owned by ${to}`;
    case 'sync-api':
      return f.callReads.size > 0
        ? `calls ${to}'s code for data it reads (${list(f.callReads)}): it needs the answer`
        : `calls ${f.valueSymbols.size} symbol(s) of ${to} (${list(f.valueSymbols, 3)})`;
    case 'event':
      return `calls ${to}'s code only to change ${list(f.callWrites)}: no answer needed`;
    case 'anti-corruption-layer':
      return `uses ${to}'s entity classes as values (${list(f.entityValues, 3)})`;
    case 'message':
      return `already messages ${to}: ${list(f.topics)}`;
    case 'shared-contract':
      return `shares only types with ${to} (${list(f.typeSymbols, 3)})`;
  }
}
