/**
 * Shared database: tables × services with read/write marks. Multi-writer tables
 * and cross-service foreign keys stand out; headers sort; a cell opens the
 * exact access sites behind it.
 */
import type { App } from '../app.js';
import { renderWhenShown } from './render-when-shown.js';
import { el, keyboardList, replaceChildren } from '../dom.js';
import { plural } from '../format.js';
import { SHARED_KERNEL, type TableUse, type TableView } from '../state/derive.js';
import { compareStrings } from '../../../src/util/sort.js';

type SortKey = { by: 'table' } | { by: 'writers' } | { by: 'services' } | { by: 'service'; name: string };

const OWNERSHIP_RANK = { 'multi-writer': 0, 'shared-read': 1, exclusive: 2, unused: 3 };

function sorted(tables: TableView[], key: SortKey): TableView[] {
  if (key.by === 'table') return [...tables].sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.id, b.id));
  const rank = (t: TableView): number => {
    if (key.by === 'writers') return -t.writers * 1000 - t.uses.length;
    if (key.by === 'services') return -t.uses.length * 1000 - t.writers;
    const use = t.uses.find((u) => u.service === key.name);
    return use ? (use.write ? 0 : 1) : 2;
  };
  return [...tables].sort(
    (a, b) => rank(a) - rank(b) || OWNERSHIP_RANK[a.ownership] - OWNERSHIP_RANK[b.ownership] || compareStrings(a.id, b.id),
  );
}

const mark = (use: TableUse | undefined): string => {
  if (!use) return '';
  if (use.reach === 'call') return '→';
  return (use.read ? 'R' : '') + (use.write ? 'W' : '') + (use.reach === 'repository' ? '*' : '');
};

const REACH_TITLE = {
  direct: '',
  repository: ' through a repository (counted)',
  call: ' only by calling another service (an integration, not counted)',
} as const;

export function mountSharedDatabase(app: App, pane: HTMLElement): void {
  let sortKey: SortKey = { by: 'writers' };
  let onlyShared = false;
  let open: { table: string; service: string } | null = null;

  const render = (): void => {
    const derived = app.derived;
    const services = [...app.bench.draft.services.map((s) => s.name)];
    if (derived.tables.some((t) => t.uses.some((u) => u.service === SHARED_KERNEL))) services.push(SHARED_KERNEL);
    const tables = sorted(
      derived.tables.filter((t) => !onlyShared || t.ownership === 'multi-writer' || t.ownership === 'shared-read'),
      sortKey,
    );
    const header = (label: string, key: SortKey, title?: string): HTMLElement => {
      const active = JSON.stringify(key) === JSON.stringify(sortKey);
      return el(
        'th',
        { scope: 'col', 'aria-sort': active ? 'ascending' : 'none', class: active ? 'sorted' : undefined },
        el('button', { class: 'link', title, on: { click: () => ((sortKey = key), render()) } }, label),
      );
    };
    const rows = tables.map((t) =>
      el(
        'tr',
        { class: `own-${t.ownership}`, data: { table: t.id } },
        el(
          'th',
          { scope: 'row', title: t.id },
          el('span', { class: `swatch own-${t.ownership}`, 'aria-hidden': 'true' }),
          t.name,
          el('span', { class: 'muted small' }, t.owner ? ` · ${t.owner}` : ' · unowned'),
        ),
        el('td', { class: 'ownership' }, t.ownership),
        el(
          'td',
          {
            class: `num${t.crossFks.length > 0 ? ' cross-fk' : ''}`,
            title: t.crossFks.map((r) => `${r.from} → ${r.to}${r.field ? ` (${r.field})` : ''}`).join('\n'),
          },
          t.crossFks.length > 0 ? String(t.crossFks.length) : '',
        ),
        services.map((service) => {
          const use = t.uses.find((u) => u.service === service);
          const owner = t.owner === service;
          return el(
            'td',
            {
              class: `cell${use ? (use.reach === 'call' ? ' via-call' : ` used${use.write ? ' write' : ' read'} via-${use.reach}`) : ''}${owner ? ' owner' : ''}${open?.table === t.id && open.service === service ? ' open' : ''}`,
              tabindex: use ? 0 : undefined,
              data: { service },
              title: use
                ? `${service} ${use.write ? 'writes' : 'reads'} ${t.name}${REACH_TITLE[use.reach]}: ${plural(use.sites.length, 'access site')}`
                : owner
                  ? `owned by ${service}`
                  : undefined,
              on: use ? { click: () => ((open = { table: t.id, service }), render()) } : undefined,
            },
            mark(use),
          );
        }),
      ),
    );
    const matrix = el(
      'table',
      { class: 'grid matrix' },
      el(
        'thead',
        null,
        el(
          'tr',
          null,
          header('Table', { by: 'table' }),
          header('Ownership', { by: 'writers' }, 'Sort by number of writing services'),
          el('th', { scope: 'col', class: 'num', title: 'Foreign keys to or from tables owned by another service' }, 'Cross FKs'),
          services.map((name) => header(name, { by: 'service', name }, `Tables ${name} writes, then reads`)),
        ),
      ),
      el('tbody', null, rows),
    );
    keyboardList(matrix, 'td[tabindex]');
    replaceChildren(
      pane,
      el(
        'div',
        { class: 'toolbar' },
        el(
          'label',
          null,
          el('input', {
            type: 'checkbox',
            checked: onlyShared,
            on: { change: (e: Event) => ((onlyShared = (e.target as HTMLInputElement).checked), render()) },
          }),
          ' only shared tables',
        ),
        el('span', { class: 'muted small' }, 'R/W direct · R*/W* through a repository · → only by calling another service'),
        el('button', { on: { click: () => ((sortKey = { by: 'services' }), render()) } }, 'Sort by services touching'),
        el(
          'span',
          { class: 'muted' },
          `${plural(derived.tables.filter((t) => t.ownership === 'multi-writer').length, 'multi-writer table')} · ${plural(derived.crossFks.length, 'cross-service foreign key')}`,
        ),
      ),
      coverageNote(app),
      derived.tables.length > 0 ? el('div', { class: 'scroll' }, matrix) : el('p', { class: 'muted' }, 'No database tables found.'),
      open
        ? accessSites(
            derived.tables.find((t) => t.id === open?.table),
            open.service,
          )
        : null,
    );
  };
  renderWhenShown(app, 'database', render);
}

/** How much of the code using a database carve read; when low, the matrix is incomplete and says so. */
function coverageNote(app: App): HTMLElement | null {
  const c = app.result.accessCoverage;
  if (!c || c.files === 0) return null;
  const text = `carve read access in ${c.read} of ${plural(c.files, 'file')} that use a database client (${Math.round(c.share * 100)}%)`;
  return el(
    'p',
    { class: c.low ? 'coverage low' : 'coverage muted', title: c.blind.map((b) => `${b.unit}: ${b.detail}`).join('\n') || undefined },
    c.low ? `Incomplete: ${text}; this matrix misses the rest.` : `${text}.`,
    c.blind.length > 0 ? ` ${plural(c.blind.length, 'file')} with no access read (hover for the list).` : '',
  );
}

function accessSites(table: TableView | undefined, service: string): HTMLElement | null {
  const use = table?.uses.find((u) => u.service === service);
  if (!table || !use) return null;
  return el(
    'section',
    { class: 'card access-sites' },
    el('h3', null, `${service} → ${table.name}`),
    el(
      'table',
      { class: 'grid' },
      el(
        'thead',
        null,
        el(
          'tr',
          null,
          ['Where', 'Symbol', 'Mode', 'Via'].map((h) => el('th', null, h)),
        ),
      ),
      el(
        'tbody',
        null,
        use.sites.map((site) =>
          el(
            'tr',
            null,
            el('td', { class: 'mono' }, `${site.unit}:${site.lines.join(',')}`),
            el('td', { class: 'mono' }, site.symbol),
            el('td', null, site.mode),
            el('td', { class: 'mono' }, site.via + (site.propagated ? ' (propagated)' : '')),
          ),
        ),
      ),
    ),
  );
}
