/** Overview: the verdict and why, headline scores, the services, the migration plan. */
import type { App } from '../app.js';
import { renderWhenShown } from './render-when-shown.js';
import { el, keyboardList, replaceChildren, type Child } from '../dom.js';
import { formatNumber, plural } from '../format.js';
import type { ServiceMetrics } from '../../../src/model/decomposition.js';
import type { DecompositionPlan } from '../../../src/score/score-decomposition.js';
import { scoreList } from './score-list.js';

const VERDICT: Record<string, string> = {
  split: 'Split into services',
  'modular-monolith': 'Keep a modular monolith',
  'dont-split': 'Do not split',
  'already-distributed': 'Already split: mind the coupling between its deployables',
};

const COLUMNS: [label: string, hint: string, read: (s: ServiceMetrics) => number][] = [
  ['Files', 'Files in the service', (s) => s.files],
  ['Lines', 'Lines of code', (s) => s.lines],
  ['Tables owned', 'Tables assigned to the service', (s) => s.tablesOwned.length],
  ['Shared tables', 'Tables it touches that other services touch too', (s) => s.sharedTables.length],
  ['API size', 'Symbols other services use today', (s) => s.apiSize],
  ['Inbound', 'Dependency weight from other services', (s) => s.inWeight],
  ['Outbound', 'Dependency weight on other services', (s) => s.outWeight],
  ['Cohesion', 'Internal weight / (internal + boundary weight)', (s) => s.cohesion],
];

export function mountOverview(app: App, pane: HTMLElement): void {
  const render = (): void => {
    const { result } = app;
    const verdict = result.decomposition?.verdict;
    const services = app.derived.services;
    const table = el(
      'table',
      { class: 'grid services-table' },
      el(
        'thead',
        null,
        el(
          'tr',
          null,
          el('th', null, 'Service'),
          COLUMNS.map(([label, hint]) => el('th', { class: 'num', title: hint }, label)),
        ),
      ),
      el(
        'tbody',
        null,
        services.map((s) =>
          el(
            'tr',
            { tabindex: 0, data: { service: s.name }, on: { click: () => app.reveal({ kind: 'service', name: s.name }) } },
            el('th', { scope: 'row' }, s.name),
            COLUMNS.map(([, , read]) => el('td', { class: 'num' }, formatNumber(read(s)))),
          ),
        ),
      ),
    );
    keyboardList(table, 'tbody tr');
    replaceChildren(
      pane,
      el(
        'section',
        { class: `card verdict verdict-${verdict?.kind ?? 'none'}` },
        el('h2', { id: 'verdict' }, verdict ? (VERDICT[verdict.kind] ?? verdict.kind) : 'No decomposition in this analysis'),
        verdict && verdict.reasons.length > 0
          ? el(
              'ul',
              { class: 'reasons' },
              verdict.reasons.map((r) => el('li', null, r)),
            )
          : null,
        el(
          'p',
          { class: 'muted' },
          [
            plural(result.summary?.files ?? result.units.length, 'file'),
            plural(result.summary?.lines ?? 0, 'line'),
            plural(result.edges.length, 'dependency', 'dependencies'),
            plural(result.tables.length, 'table'),
            plural(app.bench.draft.services.length, 'service'),
          ].join(' · '),
        ),
      ),
      el(
        'section',
        { class: 'card' },
        el('h2', null, 'Headline scores'),
        app.mismatch.length > 0
          ? el(
              'p',
              { class: 'note', id: 'score-mismatch' },
              `Recomputed here with default weights, these differ from the analysis: ${app.mismatch.join(', ')}.`,
            )
          : null,
        scoreList(app.scores, app.baseline, 'score-cards'),
      ),
      el(
        'section',
        { class: 'card' },
        el('h2', null, 'Services'),
        services.length > 0 ? table : el('p', { class: 'muted' }, 'No services proposed.'),
      ),
      el(
        'section',
        { class: 'card' },
        el('h2', null, 'Migration plan'),
        services.length > 1 ? migration(app.plan) : el('p', { class: 'muted' }, 'Nothing to extract: one service or none.'),
      ),
    );
  };
  renderWhenShown(app, 'overview', render);
}

function migration(plan: DecompositionPlan): Child {
  const talks = new Map(plan.integration.map((i) => [`${i.from}\u0000${i.to}`, i]));
  return el(
    'ol',
    { class: 'migration' },
    plan.migration.map((step) =>
      el(
        'li',
        { data: { service: step.service } },
        el(
          'strong',
          null,
          step.kind === 'merge'
            ? `Merge ${step.service}${step.mergeInto ? ` into ${step.mergeInto}` : ''}`
            : step.kind === 'fix'
              ? 'Fix hot spots inside the monolith'
              : `Extract ${step.service}`,
        ),
        el('span', { class: 'muted small' }, ` · effort ${formatNumber(step.effort)} · ${step.why}`),
        el(
          'ul',
          null,
          (step.hotSpots ?? []).map((h) => el('li', null, h)),
          step.foreignKeys.length > 0 ? el('li', null, 'Cut foreign keys: ', step.foreignKeys.join(', ')) : null,
          step.contracts.length > 0
            ? el('li', null, 'Write contract tests first: ', step.contracts.slice(0, 6).join(', '), step.contracts.length > 6 ? ', …' : '')
            : null,
          step.handOverTables.length > 0 ? el('li', null, 'Hand over tables: ', step.handOverTables.join(', ')) : null,
          step.replicateTables.length > 0 ? el('li', null, 'Replicate or expose: ', step.replicateTables.join(', ')) : null,
          step.sagas.length > 0 ? el('li', null, 'Turn into sagas: ', step.sagas.join(', ')) : null,
          step.replaceImports.map((r) => {
            const advice = talks.get(`${r.from}\u0000${r.to}`) ?? talks.get(`${r.to}\u0000${r.from}`);
            return el(
              'li',
              null,
              `Replace imports ${r.from} → ${r.to}`,
              r.symbols.length > 0
                ? el('span', { class: 'mono' }, ` (${r.symbols.slice(0, 6).join(', ')}${r.symbols.length > 6 ? ', …' : ''})`)
                : null,
              advice ? el('span', { class: 'muted small' }, ` — ${advice.kind}: ${advice.why}`) : null,
            );
          }),
        ),
      ),
    ),
  );
}
