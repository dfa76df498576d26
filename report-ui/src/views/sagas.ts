/** Saga candidates: transactions whose tables belong to more than one service in the draft. */
import type { App } from '../app.js';
import { renderWhenShown } from './render-when-shown.js';
import { el, replaceChildren } from '../dom.js';
import { plural } from '../format.js';

export function mountSagas(app: App, pane: HTMLElement): void {
  const render = (): void => {
    const sagas = app.derived.sagas;
    replaceChildren(
      pane,
      el(
        'p',
        { class: 'muted' },
        `${plural(sagas.length, 'transaction')} would span services: each becomes a saga (or a reason to keep the tables together).`,
      ),
      sagas.map((saga) =>
        el(
          'section',
          { class: 'card saga', data: { saga: saga.transaction } },
          el(
            'h3',
            null,
            el('span', { class: 'mono' }, saga.symbol),
            el('span', { class: 'muted small' }, ` · ${saga.kind} · ${saga.transaction}`),
          ),
          el(
            'p',
            null,
            'Spans ',
            saga.services.map((s) => el('span', { class: 'chip' }, s)),
          ),
          el(
            'table',
            { class: 'grid' },
            el(
              'thead',
              null,
              el(
                'tr',
                null,
                ['Step', 'Table', 'Mode', 'Owned by'].map((h) => el('th', null, h)),
              ),
            ),
            el(
              'tbody',
              null,
              saga.steps.map((step, i) =>
                el(
                  'tr',
                  null,
                  el('td', { class: 'num' }, String(i + 1)),
                  el('td', { class: 'mono' }, step.table),
                  el('td', null, step.mode),
                  el('td', null, step.service ?? 'unowned'),
                ),
              ),
            ),
          ),
        ),
      ),
    );
  };
  renderWhenShown(app, 'sagas', render);
}
