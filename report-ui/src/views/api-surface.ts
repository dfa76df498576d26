/** API surface: per service, what other services use of it and from where, and its routes. */
import type { App } from '../app.js';
import { renderWhenShown } from './render-when-shown.js';
import { el, keyboardList, replaceChildren } from '../dom.js';
import { plural } from '../format.js';

const MAX_FROM = 5;

export function mountApiSurface(app: App, pane: HTMLElement): void {
  const render = (): void => {
    replaceChildren(
      pane,
      app.derived.api.map((api) => {
        const list = el(
          'table',
          { class: 'grid' },
          el(
            'thead',
            null,
            el(
              'tr',
              null,
              ['Symbol', 'Defined in', 'Used from'].map((h) => el('th', null, h)),
            ),
          ),
          el(
            'tbody',
            null,
            api.uses.map((use) =>
              el(
                'tr',
                { tabindex: 0, on: { click: () => app.reveal({ kind: 'unit', id: use.unit }) } },
                el('td', { class: 'mono' }, use.symbol),
                el('td', { class: 'mono' }, use.unit),
                el(
                  'td',
                  { title: use.from.join('\n') },
                  use.consumers.map((c) => el('span', { class: 'chip' }, c)),
                  el(
                    'span',
                    { class: 'mono small' },
                    use.from.slice(0, MAX_FROM).join(', ') + (use.from.length > MAX_FROM ? ` +${use.from.length - MAX_FROM} more` : ''),
                  ),
                ),
              ),
            ),
          ),
        );
        keyboardList(list, 'tbody tr');
        return el(
          'section',
          { class: 'card', data: { service: api.service } },
          el(
            'h3',
            null,
            api.service,
            el(
              'span',
              { class: 'muted small' },
              ` · ${plural(api.uses.length, 'symbol')} used by other services · ${plural(api.routes.length, 'route')}`,
            ),
          ),
          api.uses.length > 0 ? list : null,
          api.routes.length > 0
            ? el(
                'ul',
                { class: 'routes' },
                api.routes.map((r) =>
                  el(
                    'li',
                    null,
                    el('span', { class: 'chip' }, r.method ?? r.kind),
                    ' ',
                    el('span', { class: 'mono' }, r.route ?? r.topic ?? ''),
                    el('span', { class: 'muted small' }, ` → ${r.symbol} · ${r.unit}:${r.line}`),
                  ),
                ),
              )
            : null,
        );
      }),
    );
  };
  renderWhenShown(app, 'api', render);
}
