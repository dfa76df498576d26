/**
 * Saga candidates (transactions whose tables belong to more than one service
 * in the draft) and the message flows: each topic with the services that
 * publish and consume it.
 */
import type { App } from '../app.js';
import { renderWhenShown } from './render-when-shown.js';
import { el, replaceChildren } from '../dom.js';
import { plural } from '../format.js';
import { SHARED_KERNEL } from '../state/derive.js';
import { compareStrings } from '../../../src/util/sort.js';

export function mountSagas(app: App, pane: HTMLElement): void {
  const render = (): void => {
    const sagas = app.derived.sagas;
    const serviceOf = (unit: string): string => app.derived.unitService.get(unit) ?? SHARED_KERNEL;
    const servicesOf = (units: string[]): string[] => [...new Set(units.map(serviceOf))].sort(compareStrings);
    const flows = app.result.flows ?? [];
    replaceChildren(
      pane,
      el('h3', null, 'Message flows'),
      flows.length === 0
        ? el('p', { class: 'muted' }, 'No message, queue or socket flows found.')
        : el(
            'table',
            { class: 'grid flows' },
            el(
              'thead',
              null,
              el(
                'tr',
                null,
                ['Topic', 'Transport', 'Producers', 'Consumers'].map((h) => el('th', null, h)),
              ),
            ),
            el(
              'tbody',
              null,
              flows.map((f) =>
                el(
                  'tr',
                  { data: { topic: f.topic, transport: f.transport } },
                  el('td', { class: 'mono' }, f.topic),
                  el('td', null, f.transport),
                  el(
                    'td',
                    { title: f.sites.producers.map((s) => `${s.unit}:${s.line}`).join('\n') },
                    servicesOf(f.producers).join(', ') || '(outside)',
                  ),
                  el(
                    'td',
                    { title: f.sites.consumers.map((s) => `${s.unit}:${s.line}`).join('\n') },
                    servicesOf(f.consumers).join(', ') || '(outside)',
                  ),
                ),
              ),
            ),
          ),
      el('h3', null, 'Saga candidates'),
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
