/**
 * Sagas beyond transactions. A use case — an entry point and everything it
 * reaches (its propagated accesses) — that writes tables of two or more
 * services loses its atomicity in a split: an **orchestration** candidate,
 * its writes in call order (line of the call in the handler), each with the
 * compensation it needs. A chain of messages across services (a handler that
 * consumes one topic and produces the next) is an existing **choreography**.
 */
import type { SagaPlan, SagaPlanStep } from '../model/decomposition.js';
import type { Access } from '../model/result.js';
import { compareStrings } from '../util/sort.js';
import type { AssignmentIndex, ScoreInput } from './assignment-index.js';

/** Longest message chain followed. */
const MAX_CHAIN = 8;

const entryLabel = (e: { kind: string; method?: string; route?: string; topic?: string; symbol: string }): string =>
  e.kind === 'http' ? `${e.method ?? 'ALL'} ${e.route ?? '/'}` : `${e.kind} ${e.topic ?? e.symbol}`;

export function useCaseSagas(input: ScoreInput, index: AssignmentIndex): SagaPlan[] {
  return [...orchestrations(input, index), ...choreographies(input, index)].sort(
    (a, b) => compareStrings(a.kind, b.kind) || compareStrings(a.entry, b.entry),
  );
}

function orchestrations(input: ScoreInput, index: AssignmentIndex): SagaPlan[] {
  const bySymbol = new Map<string, Access[]>();
  for (const a of input.accesses) {
    if (a.mode !== 'write') continue;
    const key = `${a.unit}\u0000${a.symbol}`;
    bySymbol.set(key, [...(bySymbol.get(key) ?? []), a]);
  }
  const out: SagaPlan[] = [];
  const seen = new Set<string>();
  for (const unit of input.units) {
    const runner = index.serviceOfUnit.get(unit.id);
    if (!runner) continue;
    for (const e of unit.entryPoints) {
      const key = `${unit.id}\u0000${e.symbol}`;
      // Express handlers of one router file share the `<module>` symbol: one use case per symbol.
      if (seen.has(key)) continue;
      seen.add(key);
      const writes = bySymbol.get(key) ?? [];
      const first = new Map<string, { table: string; service: string; line: number }>();
      for (const w of writes) {
        const service = index.ownerOfTable.get(w.table);
        if (!service) continue;
        const line = Math.min(...w.lines);
        const known = first.get(w.table);
        if (!known || line < known.line) first.set(w.table, { table: w.table, service, line });
      }
      const services = new Set([...first.values()].map((w) => w.service));
      if (services.size < 2) continue;
      const ordered = [...first.values()].sort((a, b) => a.line - b.line || compareStrings(a.table, b.table));
      const steps: SagaPlanStep[] = ordered.map((w, i) => ({
        order: i + 1,
        service: w.service,
        unit: unit.id,
        line: w.line,
        table: w.table,
        action: `write ${w.table}`,
        compensation:
          i === ordered.length - 1
            ? 'last step: none needed (a failure here compensates the steps before it)'
            : `undo the ${w.table} write in ${w.service} (delete, cancel or mark failed) if a later step fails`,
      }));
      const routes = unit.entryPoints.filter((x) => x.symbol === e.symbol).map(entryLabel);
      out.push({
        kind: 'orchestration',
        entry: `${unit.id}#${e.symbol}`,
        trigger: routes.length > 3 ? `${routes.slice(0, 3).join(', ')} and ${routes.length - 3} more` : routes.join(', '),
        coordinator: runner,
        services: [...services].sort(compareStrings),
        steps,
      });
    }
  }
  return out;
}

function choreographies(input: ScoreInput, index: AssignmentIndex): SagaPlan[] {
  const flows = input.flows ?? [];
  const producedBy = new Map<string, typeof flows>(); // unit → flows it produces
  const consumedBy = new Set<string>();
  for (const f of flows) {
    for (const p of f.producers) producedBy.set(p, [...(producedBy.get(p) ?? []), f]);
    for (const c of f.consumers) consumedBy.add(c);
  }
  const out: SagaPlan[] = [];
  const starts = [...producedBy.keys()].filter((u) => !consumedBy.has(u) && index.serviceOfUnit.has(u)).sort(compareStrings);
  for (const start of starts) {
    // Breadth first: every consumer of a topic is a step before what their handlers publish next.
    const steps: SagaPlanStep[] = [];
    const visited = new Set<string>([start]);
    const queue: { unit: string; depth: number }[] = [{ unit: start, depth: 0 }];
    while (queue.length > 0) {
      const { unit, depth } = queue.shift()!;
      if (depth >= MAX_CHAIN) continue;
      for (const f of producedBy.get(unit) ?? []) {
        for (const consumer of f.consumers) {
          const service = index.serviceOfUnit.get(consumer);
          if (!service || visited.has(consumer)) continue;
          visited.add(consumer);
          const site = f.sites.consumers.find((x) => x.unit === consumer);
          steps.push({
            order: steps.length + 1,
            service,
            unit: consumer,
            line: site?.line ?? 0,
            topic: `${f.transport} ${f.topic}`,
            action: `on ${f.topic}: ${site?.symbol ?? consumer}`,
            compensation: 'publish a compensating event the earlier steps undo their work on',
          });
          queue.push({ unit: consumer, depth: depth + 1 });
        }
      }
    }
    const services = new Set([index.serviceOfUnit.get(start)!, ...steps.map((s) => s.service)]);
    if (services.size < 2 || steps.length < 2) continue;
    // The entry point that publishes: its symbol sends the first message; a write beats a read.
    const sending = new Set(
      (producedBy.get(start) ?? []).flatMap((f) => f.sites.producers.filter((p) => p.unit === start).map((p) => p.symbol)),
    );
    const candidates = (input.units.find((u) => u.id === start)?.entryPoints ?? []).filter((e) => sending.has(e.symbol));
    const entry = candidates.find((e) => e.kind !== 'http' || (e.method !== 'GET' && e.method !== 'HEAD')) ?? candidates[0];
    out.push({
      kind: 'choreography',
      entry: start,
      trigger: entry ? entryLabel(entry) : start,
      coordinator: null,
      services: [...services].sort(compareStrings),
      steps,
    });
  }
  return out;
}
