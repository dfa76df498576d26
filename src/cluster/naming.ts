/**
 * Human service names from what dominates a service: its domain folders,
 * the tables it owns, and its file names (minus layer suffixes). Names are
 * stable (a function of the members only) and unique (the next-best term,
 * then a number, on collision). Pinned services keep their pin's name.
 */
import pluralize from 'pluralize';
import { ACTION_WORDS, ROLE_WORDS } from '../graph/edge-signals/role-words.js';
import { compareStrings } from '../util/sort.js';

/** Never a service name: technical roles, actions, and words that name the whole code base. */
const NOT_A_DOMAIN: ReadonlySet<string> = new Set([
  ...ROLE_WORDS,
  ...ACTION_WORDS,
  'apps',
  'data',
  'features',
  'http',
  'infra',
  'packages',
  'source',
  'src',
  'v1',
  'v2',
  'v3',
  'web',
]);

/** Table names that still say nothing about a domain. */
const NOT_A_TABLE_NAME: ReadonlySet<string> = new Set([...ACTION_WORDS, 'base', 'data', 'index', 'migration', 'migrations', 'test']);

/** Whether a word may name a service (the meta test checks every proposed name with this). */
export const isDomainName = (name: string): boolean =>
  !name
    .toLowerCase()
    .split(/[-_]/)
    .every((part) => NOT_A_DOMAIN.has(part) || NOT_A_DOMAIN.has(pluralize.singular(part)) || /^\d+$/.test(part));

export interface NamingInput {
  units: string[];
  tables: string[];
  /** Table id → table name (without store). */
  tableName: (id: string) => string;
  pin?: string;
}

/** Score for each domain term; the surface form most seen wins for display. */
function terms(service: NamingInput): { key: string; score: number; form: string }[] {
  const score = new Map<string, number>();
  const forms = new Map<string, Map<string, number>>();
  // A table is domain by construction: a role word (`events/` holds event classes) names a
  // service only when the service owns a table of that name (an `events` table of concerts).
  const owned = new Set(service.tables.map((t) => pluralize.singular(service.tableName(t).toLowerCase())));
  const bump = (raw: string, w: number, stop: ReadonlySet<string> = NOT_A_DOMAIN): void => {
    const form = raw.toLowerCase();
    if (form.length < 2 || /^\d+$/.test(form)) return;
    const key = pluralize.singular(form);
    if ((stop.has(form) || stop.has(key)) && !(owned.has(key) && !NOT_A_TABLE_NAME.has(key))) return;
    score.set(key, (score.get(key) ?? 0) + w);
    let f = forms.get(key);
    if (!f) forms.set(key, (f = new Map()));
    f.set(form, (f.get(form) ?? 0) + w);
  };
  for (const id of service.units) {
    const parts = id.split('/');
    const folder = parts
      .slice(0, -1)
      .reverse()
      .find((p) => !NOT_A_DOMAIN.has(p.toLowerCase()));
    if (folder) bump(folder, 1);
    const stem = parts[parts.length - 1].replace(/\.(d\.)?[cm]?[jt]sx?$/, '').split('.')[0];
    for (const token of stem.split(/[-_]/)) bump(token, 1);
  }
  // Join tables (`_ArticleToTag`, `user_roles` owned alongside) never name a service on their own.
  for (const table of service.tables) if (!service.tableName(table).startsWith('_')) bump(service.tableName(table), 2, NOT_A_TABLE_NAME);
  return [...score]
    .map(([key, s]) => {
      // Service names read best in the plural (`orders`) when the code itself uses that form somewhere.
      const seen = forms.get(key)!;
      const plural = pluralize.plural(key);
      const form = seen.has(plural)
        ? plural
        : [...seen].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || compareStrings(a[0], b[0]))[0][0];
      return { key, score: s, form };
    })
    .sort((a, b) => b.score - a.score || compareStrings(a.key, b.key));
}

export function nameServices(services: readonly NamingInput[]): string[] {
  const names: string[] = new Array(services.length);
  const taken = new Set<string>();
  services.forEach((s, i) => {
    if (s.pin !== undefined) {
      names[i] = s.pin;
      taken.add(s.pin);
    }
  });
  // The strongest claim on a term chooses first (then size, then first unit): the order depends on content only.
  const order = services
    .map((s, i) => ({ s, i, ranked: terms(s) }))
    .filter(({ s }) => s.pin === undefined)
    .sort(
      (a, b) =>
        (b.ranked[0]?.score ?? 0) - (a.ranked[0]?.score ?? 0) ||
        b.s.units.length - a.s.units.length ||
        compareStrings(a.s.units[0] ?? a.s.tables[0] ?? '', b.s.units[0] ?? b.s.tables[0] ?? ''),
    );
  // `order` and `orders` are one name: uniqueness is by singular form.
  const key = (name: string): string => pluralize.singular(name.toLowerCase());
  const takenKeys = new Set([...taken].map(key));
  for (const { s, i, ranked: terms } of order) {
    const ranked = terms.map((t) => t.form);
    let name = ranked.find((t) => !takenKeys.has(key(t)));
    if (!name) {
      // Every term is taken (or none is domain-like): number the best one, or fall back to the first file's stem.
      const base = ranked[0] ?? fallbackName(s);
      let n = 2;
      while (takenKeys.has(key(`${base}-${n}`))) n++;
      name = takenKeys.has(key(base)) ? `${base}-${n}` : base;
    }
    names[i] = name;
    taken.add(name);
    takenKeys.add(key(name));
  }
  return names;
}

/** A name for a service with no domain term at all: `group` of its first file's folder path, never a role word. */
function fallbackName(service: NamingInput): string {
  const first = service.units[0] ?? service.tables[0] ?? '';
  const words = first
    .split(/[/.\-_:]/)
    .map((w) => w.toLowerCase())
    .filter((w) => w.length > 1 && !NOT_A_DOMAIN.has(w) && !/^(ts|tsx|js|mjs|cjs|\d+)$/.test(w));
  return words[0] ?? 'group';
}
