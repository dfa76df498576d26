/**
 * Per-file indexes over FileFacts for the lookups the access stage repeats
 * for every call (variables, functions and classes by name, calls by the
 * variable they are assigned to). Built once per file on first use; keeps
 * receiver tracing linear in the number of calls.
 */
import type { CallFact, ClassFact, FileFacts, FunctionFact, VariableFact } from '../../extract/file-facts.js';

export interface FactLookup {
  variables(name: string): readonly VariableFact[];
  assigned(name: string): readonly CallFact[];
  fn(name: string): FunctionFact | undefined;
  cls(name: string): ClassFact | undefined;
}

const built = new WeakMap<FileFacts, FactLookup>();

function group<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    let list = map.get(k);
    if (!list) map.set(k, (list = []));
    list.push(item);
  }
  return map;
}

export function factLookup(facts: FileFacts): FactLookup {
  let lookup = built.get(facts);
  if (!lookup) {
    const variables = group(facts.variables, (v) => v.name);
    const assigned = group(facts.calls, (c) => c.assignedTo);
    const functions = new Map(facts.functions.map((f) => [f.name, f]));
    const classes = new Map<string, ClassFact>();
    for (const c of facts.classes) if (!classes.has(c.name)) classes.set(c.name, c);
    lookup = {
      variables: (name) => variables.get(name) ?? [],
      assigned: (name) => assigned.get(name) ?? [],
      fn: (name) => functions.get(name),
      cls: (name) => classes.get(name),
    };
    built.set(facts, lookup);
  }
  return lookup;
}
