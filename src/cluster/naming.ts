/**
 * Human service names from what dominates a service: its domain folders,
 * the tables it owns, and its file names (minus layer suffixes). Names are
 * stable (a function of the members only) and unique (the next-best term,
 * then a number, on collision). Pinned services keep their pin's name.
 */
import pluralize from 'pluralize';
import { compareStrings } from '../util/sort.js';

const NOT_A_DOMAIN = new Set([
  // verbs name actions, not domains
  'add',
  'build',
  'check',
  'fetch',
  'handle',
  'parse',
  'process',
  'remove',
  'save',
  'send',
  'set',
  'use',
  'validate',
  'abstract',
  'api',
  'app',
  'apps',
  'base',
  'client',
  'common',
  'config',
  'controller',
  'controllers',
  'core',
  'create',
  'data',
  'db',
  'delete',
  'domain',
  'dto',
  'dtos',
  'entities',
  'entity',
  'features',
  'find',
  'get',
  'handler',
  'handlers',
  'helper',
  'helpers',
  'http',
  'impl',
  'index',
  'infra',
  'infrastructure',
  'interface',
  'interfaces',
  'lib',
  'libs',
  'list',
  'main',
  'middleware',
  'model',
  'models',
  'module',
  'modules',
  'packages',
  'provider',
  'repositories',
  'repository',
  'repo',
  'repos',
  'route',
  'routes',
  'router',
  'schema',
  'server',
  'service',
  'services',
  'shared',
  'spec',
  'src',
  'test',
  'types',
  'update',
  'util',
  'utils',
  'v1',
  'v2',
  'web',
]);

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
  const bump = (raw: string, w: number): void => {
    const form = raw.toLowerCase();
    if (form.length < 2 || NOT_A_DOMAIN.has(form) || /^\d+$/.test(form)) return;
    const key = pluralize.singular(form);
    if (NOT_A_DOMAIN.has(key)) return;
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
  for (const table of service.tables) if (!service.tableName(table).startsWith('_')) bump(service.tableName(table), 2);
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
  for (const { i, ranked: terms } of order) {
    const ranked = terms.map((t) => t.form);
    let name = ranked.find((t) => !taken.has(t));
    if (!name) {
      const base = ranked[0] ?? 'service';
      let n = 2;
      while (taken.has(`${base}-${n}`)) n++;
      name = taken.has(base) ? `${base}-${n}` : base;
    }
    names[i] = name;
    taken.add(name);
  }
  return names;
}
