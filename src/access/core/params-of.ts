/**
 * The parameters of the function or method a symbol names (`f`, `Class.method`,
 * `Class.constructor`, a function of an object literal `repo.find`), from facts.
 */
import type { FileFacts, ParamFact } from '../../extract/file-facts.js';
import { factLookup } from './fact-lookup.js';

export function paramsOf(facts: FileFacts, symbol: string): ParamFact[] {
  if (symbol === '<module>') return [];
  const dot = symbol.indexOf('.');
  const fn = factLookup(facts).fn(symbol);
  if (dot < 0 || fn) return fn?.params ?? [];
  const members = factLookup(facts).cls(symbol.slice(0, dot))?.members ?? [];
  const name = symbol.slice(dot + 1);
  if (name === 'constructor')
    return members.filter((m) => m.kind === 'ctor-param').map((m) => ({ name: m.name, type: m.type, decorators: m.decorators }));
  return members.find((m) => m.name === name && m.params)?.params ?? [];
}
