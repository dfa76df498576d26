/** Search across files, symbols, tables and routes; a hit is shown in the map. */
import type { App, Reveal } from '../app.js';
import { el, keyboardList, replaceChildren } from '../dom.js';
import { compareStrings } from '../../../src/util/sort.js';
import type { AnalysisResult } from '../../../src/model/result.js';

export interface SearchEntry {
  kind: 'file' | 'symbol' | 'table' | 'route';
  text: string;
  detail: string;
  target: Reveal;
}

const MAX_HITS = 200;

export function searchIndex(result: AnalysisResult): SearchEntry[] {
  const entries = new Map<string, SearchEntry>();
  const add = (entry: SearchEntry): void => {
    const key = `${entry.kind}\u0000${entry.text}\u0000${entry.detail}`;
    if (!entries.has(key)) entries.set(key, entry);
  };
  for (const unit of result.units) {
    add({ kind: 'file', text: unit.id, detail: `${unit.lines} lines`, target: { kind: 'unit', id: unit.id } });
    for (const e of unit.entryPoints ?? []) {
      const text = `${e.method ? `${e.method} ` : ''}${e.route ?? e.topic ?? e.symbol}`;
      add({ kind: 'route', text, detail: `${e.symbol} · ${unit.id}:${e.line}`, target: { kind: 'unit', id: unit.id } });
    }
  }
  for (const edge of result.edges)
    for (const symbol of edge.symbols) add({ kind: 'symbol', text: symbol, detail: edge.to, target: { kind: 'unit', id: edge.to } });
  for (const access of result.accesses)
    add({ kind: 'symbol', text: access.symbol, detail: access.unit, target: { kind: 'unit', id: access.unit } });
  for (const table of result.tables) add({ kind: 'table', text: table.name, detail: table.id, target: { kind: 'table', id: table.id } });
  return Array.from(entries.values()).sort(
    (a, b) => compareStrings(a.kind, b.kind) || compareStrings(a.text, b.text) || compareStrings(a.detail, b.detail),
  );
}

export function mountSearch(app: App, pane: HTMLElement): void {
  const index = searchIndex(app.result);
  const results = el('ul', { class: 'search-results', role: 'listbox', 'aria-label': 'Search results' });
  const count = el('p', { class: 'muted' });
  const input = el('input', {
    type: 'search',
    placeholder: 'Files, symbols, tables, routes…',
    'aria-label': 'Search',
    class: 'search-input',
  });
  const run = (): void => {
    const query = input.value.trim().toLowerCase();
    const hits = query === '' ? [] : index.filter((e) => e.text.toLowerCase().includes(query) || e.detail.toLowerCase().includes(query));
    count.textContent =
      query === ''
        ? `${index.length.toLocaleString('en-US')} entries`
        : `${hits.length} hits${hits.length > MAX_HITS ? `, first ${MAX_HITS} shown` : ''}`;
    replaceChildren(
      results,
      hits
        .slice(0, MAX_HITS)
        .map((hit) =>
          el(
            'li',
            { tabindex: 0, role: 'option', data: { kind: hit.kind }, on: { click: () => app.reveal(hit.target) } },
            el('span', { class: `chip kind-${hit.kind}` }, hit.kind),
            ' ',
            el('span', { class: 'mono' }, hit.text),
            el('span', { class: 'muted small' }, ` ${hit.detail}`),
          ),
        ),
    );
  };
  input.addEventListener('input', run);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      results.querySelector<HTMLElement>('li')?.focus();
    } else if (event.key === 'Enter') {
      results.querySelector<HTMLElement>('li')?.click();
    }
  });
  keyboardList(results, 'li');
  run();
  replaceChildren(pane, input, count, results);
  app.onShow((tab) => tab === 'search' && input.focus());
}
