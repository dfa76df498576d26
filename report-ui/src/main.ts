/**
 * The report's entry point: read the embedded analysis, lay out the shell
 * (header, tabs, views, what-if panel), and mark the page ready.
 */
import './styles.css';
import { App, type TabId } from './app.js';
import { readEmbeddedResult } from './data.js';
import { el, replaceChildren } from './dom.js';
import { mountApiSurface } from './views/api-surface.js';
import { mountOverview } from './views/overview.js';
import { mountSagas } from './views/sagas.js';
import { mountSearch } from './views/search.js';
import { mountServiceMap } from './views/service-map.js';
import { mountSharedDatabase } from './views/shared-database.js';
import { mountWhatIf } from './views/what-if.js';

const TABS: [TabId, string][] = [
  ['overview', 'Overview'],
  ['map', 'Service map'],
  ['database', 'Shared database'],
  ['sagas', 'Saga candidates'],
  ['api', 'API surface'],
  ['search', 'Search'],
];

function boot(): void {
  const root = document.getElementById('app') as HTMLElement;
  const started = performance.now();
  try {
    const app = new App(readEmbeddedResult(document));
    document.title = `carve — ${app.result.project}`;
    const panes = new Map(
      TABS.map(([id]) => [id, el('section', { id: `pane-${id}`, class: 'pane', role: 'tabpanel', 'aria-labelledby': `tab-${id}` })]),
    );
    const tabs = TABS.map(([id, label]) =>
      el(
        'button',
        { id: `tab-${id}`, role: 'tab', 'aria-controls': `pane-${id}`, data: { tab: id }, on: { click: () => app.show(id) } },
        label,
      ),
    );
    const tablist = el('nav', { class: 'tabs', role: 'tablist', 'aria-label': 'Views' }, tabs);
    tablist.addEventListener('keydown', (event) => {
      const i = tabs.indexOf(document.activeElement as HTMLButtonElement);
      if (i === -1 || (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft')) return;
      const next = tabs[(i + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
      next.focus();
      next.click();
    });
    app.onShow((active) => {
      for (const [id, pane] of panes) pane.classList.toggle('active', id === active);
      for (const tab of tabs) {
        const selected = tab.dataset.tab === active;
        tab.setAttribute('aria-selected', String(selected));
        tab.tabIndex = selected ? 0 : -1;
      }
    });
    const panel = el('aside', { class: 'what-if', 'aria-label': 'What-if editing' });
    replaceChildren(
      root,
      el(
        'header',
        { class: 'top' },
        el('h1', null, el('span', { class: 'brand' }, 'carve'), ' ', el('span', { class: 'project' }, app.result.project)),
        el(
          'span',
          { class: 'muted small' },
          `${app.result.tool?.name ?? 'carve'} ${app.result.tool?.version ?? ''} · schema ${app.result.schemaVersion}`,
        ),
      ),
      tablist,
      el('main', { class: 'layout' }, el('div', { class: 'panes' }, Array.from(panes.values())), panel),
    );
    const whatIf = mountWhatIf(app, panel);
    mountOverview(app, panes.get('overview') as HTMLElement);
    mountServiceMap(app, panes.get('map') as HTMLElement, whatIf.showError);
    mountSharedDatabase(app, panes.get('database') as HTMLElement);
    mountSagas(app, panes.get('sagas') as HTMLElement);
    mountApiSurface(app, panes.get('api') as HTMLElement);
    mountSearch(app, panes.get('search') as HTMLElement);
    app.show('overview');
    root.removeAttribute('aria-busy');
    root.dataset.ready = String(Math.round(performance.now() - started));
  } catch (error) {
    replaceChildren(
      root,
      el('p', { class: 'error' }, `The report could not start: ${error instanceof Error ? error.message : String(error)}`),
    );
    throw error;
  }
}

boot();
