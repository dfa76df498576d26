/**
 * Severity of each violation kind, per pair of services, and the allowed
 * exceptions ("shipping may read orders.orders"). A malformed rule is an input
 * error that quotes it.
 */
import { type CarveConfig, type ViolationKind } from '../config/options.js';
import type { Severity } from '../model/check-result.js';
import { CarveError } from '../util/errors.js';
import { matchPaths } from './match-paths.js';

export type Level = Severity | 'off';

export const DEFAULT_SEVERITY: Record<ViolationKind, Level> = {
  'api-import': 'error',
  'undeclared-dependency': 'error',
  'service-cycle': 'error',
  'table-read': 'error',
  'table-write': 'error',
  'foreign-key': 'error',
  'cross-service-transaction': 'error',
  // As tach does: a deprecated dependency is reported, never fails.
  'deprecated-dependency': 'warn',
};

/** What an exception permits; `target` is a table ref, a file glob or a service. */
type Verb = 'read' | 'write' | 'import' | 'depend on' | 'reference' | 'transact with';
interface Exception {
  service: string;
  verb: Verb;
  target: string;
}

const EXCEPTION = /^\s*(\S+)\s+may\s+(read|write|import|depend on|reference|transact with)\s+(\S+)\s*$/;

export interface Subject {
  /** Table id and name, for table kinds. */
  table?: { id: string; name: string; owner: string };
  /** Target file, for imports. */
  file?: string;
  /** The other service. */
  service: string;
}

export interface BoundaryRules {
  /** The level of `kind` from `from` to `to`, after per-pair overrides. */
  level(kind: ViolationKind, from: string, to: string): Level;
  /** True when an exception allows it. */
  allowed(kind: ViolationKind, from: string, subject: Subject): boolean;
}

function splitPair(pair: string): [string, string] {
  const parts = pair.split(/\s*(?:→|->)\s*/);
  if (parts.length !== 2 || !parts[0] || !parts[1])
    throw new CarveError(`boundaryRules.pairs: "${pair}" is not a pair of services (write "from→to" or "from->to")`);
  return [parts[0], parts[1]];
}

export function boundaryRules(config: NonNullable<CarveConfig['boundaryRules']>, services: ReadonlySet<string>): BoundaryRules {
  const base = { ...DEFAULT_SEVERITY, ...config.severity };
  const pairs = new Map<string, Partial<Record<ViolationKind, Level>>>();
  for (const [pair, levels] of Object.entries(config.pairs ?? {})) {
    const [from, to] = splitPair(pair);
    for (const s of [from, to])
      if (!services.has(s)) throw new CarveError(`boundaryRules.pairs: "${pair}" names "${s}", which is not a declared boundary`);
    pairs.set(`${from}\0${to}`, levels);
  }
  const exceptions: Exception[] = (config.allow ?? []).map((text) => {
    const m = EXCEPTION.exec(text);
    if (!m) throw new CarveError(`boundaryRules.allow: cannot read "${text}" — write e.g. "shipping may read orders.orders"`);
    if (!services.has(m[1])) throw new CarveError(`boundaryRules.allow: "${text}" names "${m[1]}", which is not a declared boundary`);
    return { service: m[1], verb: m[2] as Verb, target: m[3] };
  });

  const tableRef = (ref: string, t: NonNullable<Subject['table']>): boolean =>
    ref === t.id || ref === t.name || ref === `${t.owner}.${t.name}` || ref === `${t.owner}.*`;
  const permits = (e: Exception, kind: ViolationKind, s: Subject): boolean => {
    switch (kind) {
      case 'table-read':
        return (e.verb === 'read' || e.verb === 'write') && !!s.table && tableRef(e.target, s.table);
      case 'table-write':
        return e.verb === 'write' && !!s.table && tableRef(e.target, s.table);
      case 'foreign-key':
        return e.verb === 'reference' && !!s.table && tableRef(e.target, s.table);
      case 'api-import':
        return e.verb === 'import' && !!s.file && matchPaths([e.target])(s.file);
      case 'undeclared-dependency':
        return e.verb === 'depend on' && e.target === s.service;
      case 'cross-service-transaction':
        return e.verb === 'transact with' && e.target === s.service;
      default:
        return false;
    }
  };

  return {
    level(kind, from, to) {
      const level = pairs.get(`${from}\0${to}`)?.[kind] ?? base[kind];
      return kind === 'deprecated-dependency' && level === 'error' ? 'warn' : level;
    },
    allowed: (kind, from, subject) => exceptions.some((e) => e.service === from && permits(e, kind, subject)),
  };
}
