/**
 * The what-if edits, as pure functions Draft → Draft. Invalid edits throw an
 * EditError whose message the panel shows; a draft is never left half-edited.
 */
import { compareStrings } from '../../../src/util/sort.js';
import { sortedUnique, type Draft, type DraftService } from './draft.js';

export class EditError extends Error {}

/** Where moved units go: a service by name, or the shared kernel. */
export type Target = { service: string } | { shared: true };

function requireService(draft: Draft, name: string): DraftService {
  const service = draft.services.find((s) => s.name === name);
  if (!service) throw new EditError(`no service named "${name}"`);
  return service;
}

function validName(draft: Draft, name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new EditError('a service needs a name');
  if (draft.services.some((s) => s.name === trimmed)) throw new EditError(`a service named "${trimmed}" already exists`);
  return trimmed;
}

const without = (items: string[], drop: Set<string>): string[] => items.filter((i) => !drop.has(i));

export function moveUnits(draft: Draft, units: string[], target: Target): Draft {
  if (units.length === 0) throw new EditError('nothing selected to move');
  if ('service' in target) requireService(draft, target.service);
  const moving = new Set(units);
  const services = draft.services.map((s) => {
    const kept = without(s.units, moving);
    const isTarget = 'service' in target && s.name === target.service;
    return { ...s, units: isTarget ? sortedUnique([...kept, ...units]) : kept };
  });
  const shared = without(draft.shared, moving);
  return { services, shared: 'shared' in target ? sortedUnique([...shared, ...units]) : shared };
}

export function moveTables(draft: Draft, tables: string[], service: string): Draft {
  if (tables.length === 0) throw new EditError('nothing selected to move');
  requireService(draft, service);
  const moving = new Set(tables);
  return {
    ...draft,
    services: draft.services.map((s) => {
      const kept = without(s.tables, moving);
      return { ...s, tables: s.name === service ? sortedUnique([...kept, ...tables]) : kept };
    }),
  };
}

export function createService(draft: Draft, name: string): Draft {
  return { ...draft, services: [...draft.services, { name: validName(draft, name), units: [], tables: [] }] };
}

export function renameService(draft: Draft, from: string, to: string): Draft {
  requireService(draft, from);
  if (to.trim() === from) return draft;
  const name = validName(draft, to);
  return { ...draft, services: draft.services.map((s) => (s.name === from ? { ...s, name } : s)) };
}

/** `from` disappears; its units and tables join `into`. */
export function mergeServices(draft: Draft, from: string, into: string): Draft {
  if (from === into) throw new EditError('cannot merge a service into itself');
  const source = requireService(draft, from);
  requireService(draft, into);
  return {
    ...draft,
    services: draft.services
      .filter((s) => s.name !== from)
      .map((s) =>
        s.name === into
          ? { ...s, units: sortedUnique([...s.units, ...source.units]), tables: sortedUnique([...s.tables, ...source.tables]) }
          : s,
      ),
  };
}

/** A new service `newName` takes the given units (and tables) of `from`. */
export function splitService(draft: Draft, from: string, units: string[], tables: string[], newName: string): Draft {
  const source = requireService(draft, from);
  const own = new Set([...source.units, ...source.tables]);
  const foreign = [...units, ...tables].filter((x) => !own.has(x)).sort(compareStrings);
  if (foreign.length > 0) throw new EditError(`"${foreign[0]}" is not in ${from}`);
  if (units.length + tables.length === 0) throw new EditError('choose what the new service takes');
  let next = createService(draft, newName);
  const name = newName.trim();
  if (units.length > 0) next = moveUnits(next, units, { service: name });
  if (tables.length > 0) next = moveTables(next, tables, name);
  return next;
}
