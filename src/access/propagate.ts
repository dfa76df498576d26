/**
 * Propagation through the data layer: an access performed in
 * `OrderRepository.save` is also an access of every caller of `save`,
 * transitively, marked `propagated` with `via` = the first hop. Works
 * outward from the symbols that have sites: only calls whose last name
 * matches a symbol already known to reach a table are resolved, so the cost
 * follows the data layer, not the size of the code base. Fixed point, so
 * cycles (mutual recursion) terminate.
 */
import type { CallFact, FileFacts } from '../extract/file-facts.js';
import type { AccessMode } from '../model/result.js';
import type { CallResolver } from './call-graph.js';
import { symbolKey } from './call-graph.js';

export interface Reached {
  table: string;
  mode: AccessMode;
  orm: string;
}

export interface DirectSite extends Reached {
  unit: string;
  symbol: string;
}

export interface PropagatedSite extends Reached {
  unit: string;
  symbol: string;
  line: number;
  via: string;
}

interface CallEdge {
  file: string;
  caller: string;
  line: number;
}

export interface Propagation {
  sites: PropagatedSite[];
  /** Tables a call reaches through its target (empty when it reaches none). */
  reachOfCall(file: string, call: CallFact): Reached[];
}

const DEFAULT_NAME = '<default>';
const itemKey = (r: Reached): string => `${r.table}\0${r.mode}\0${r.orm}`;

export function propagate(files: readonly FileFacts[], direct: readonly DirectSite[], resolve: CallResolver): Propagation {
  const reach = new Map<string, Map<string, Reached>>();
  for (const site of direct) {
    const key = symbolKey(site.unit, site.symbol);
    let items = reach.get(key);
    if (!items) reach.set(key, (items = new Map()));
    items.set(itemKey(site), { table: site.table, mode: site.mode, orm: site.orm });
  }

  const callsByName = indexCallsByName(files);
  const defaultExport = new Map(files.map((f) => [f.path, f.exports.find((e) => e.name === 'default')?.local]));
  const edgesByTarget = new Map<string, CallEdge[]>();
  const visitedNames = new Set<string>();
  const reached = new Set(reach.keys());
  const queue = [...reached].sort();

  const visitName = (name: string): void => {
    if (visitedNames.has(name)) return;
    visitedNames.add(name);
    for (const { file, call } of callsByName.get(name) ?? []) {
      const target = resolve(file, call);
      if (!target) continue;
      const targetKey = symbolKey(target.file, target.symbol);
      if (targetKey === symbolKey(file, call.symbol)) continue; // recursion adds nothing
      let edges = edgesByTarget.get(targetKey);
      if (!edges) edgesByTarget.set(targetKey, (edges = []));
      edges.push({ file, caller: call.symbol, line: call.line });
    }
  };

  // 1. discover the callers of every symbol that reaches a table, outward
  while (queue.length > 0) {
    const key = queue.pop() as string;
    const hash = key.indexOf('#');
    const file = key.slice(0, hash);
    const symbol = key.slice(hash + 1);
    visitName(symbol.slice(symbol.lastIndexOf('.') + 1));
    if (defaultExport.get(file) === symbol) visitName(DEFAULT_NAME);
    for (const edge of edgesByTarget.get(key) ?? []) {
      const callerKey = symbolKey(edge.file, edge.caller);
      if (!reached.has(callerKey)) {
        reached.add(callerKey);
        queue.push(callerKey);
      }
    }
  }

  // 2. what each symbol reaches: its own sites plus its callees'. Only what is
  //    new to a symbol travels on to its callers, so each (edge, table) pair is
  //    crossed once and cycles end.
  const pending = new Map<string, Map<string, Reached>>();
  for (const [key, items] of reach) pending.set(key, new Map(items));
  const work = [...pending.keys()].sort();
  while (work.length > 0) {
    const key = work.pop() as string;
    const delta = pending.get(key);
    pending.delete(key);
    if (!delta || delta.size === 0) continue;
    for (const edge of edgesByTarget.get(key) ?? []) {
      const callerKey = symbolKey(edge.file, edge.caller);
      let callerItems = reach.get(callerKey);
      if (!callerItems) reach.set(callerKey, (callerItems = new Map()));
      for (const [k, item] of delta) {
        if (callerItems.has(k)) continue;
        callerItems.set(k, item);
        let callerDelta = pending.get(callerKey);
        if (!callerDelta) {
          pending.set(callerKey, (callerDelta = new Map()));
          work.push(callerKey);
        }
        callerDelta.set(k, item);
      }
    }
  }

  // 3. one propagated site per (call edge, reached table)
  const sites: PropagatedSite[] = [];
  for (const [targetKey, edges] of edgesByTarget) {
    const items = reach.get(targetKey);
    if (!items) continue;
    const via = targetKey.slice(targetKey.indexOf('#') + 1);
    for (const edge of edges)
      for (const item of items.values()) sites.push({ unit: edge.file, symbol: edge.caller, line: edge.line, via, ...item });
  }

  return {
    sites,
    reachOfCall(file, call) {
      const target = resolve(file, call);
      const items = target ? reach.get(symbolKey(target.file, target.symbol)) : undefined;
      return items ? [...items.values()] : [];
    },
  };
}

/** Calls by the last name of their callee; aliased imports are indexed under the imported name too. */
function indexCallsByName(files: readonly FileFacts[]): Map<string, { file: string; call: CallFact }[]> {
  const byName = new Map<string, { file: string; call: CallFact }[]>();
  const add = (name: string, file: string, call: CallFact): void => {
    let list = byName.get(name);
    if (!list) byName.set(name, (list = []));
    list.push({ file, call });
  };
  for (const facts of files) {
    const aliases = new Map<string, string>();
    for (const imp of facts.imports) {
      for (const n of imp.names)
        if (n.imported !== n.local && n.imported !== '*') aliases.set(n.local, n.imported === 'default' ? DEFAULT_NAME : n.imported);
    }
    for (const call of facts.calls) {
      if (call.callee.startsWith('new ') || call.tagged) continue;
      const name = call.callee.slice(call.callee.lastIndexOf('.') + 1);
      add(name, facts.path, call);
      // `eventBus.publish(new X())` runs the handler's `handle`
      if ((name === 'publish' || name === 'publishAll') && call.args[0]?.k === 'call') add('handle', facts.path, call);
      const alias = aliases.get(call.callee);
      if (alias) add(alias, facts.path, call);
    }
  }
  return byName;
}
