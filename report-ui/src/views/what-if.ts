/**
 * The what-if panel: live scores against the proposal, the selection and what
 * can be done with it (move, split, rename, merge), new services, undo/redo,
 * and the export of the edited decomposition.
 */
import type { App, Selection } from '../app.js';
import { el, replaceChildren } from '../dom.js';
import { plural } from '../format.js';
import { SHARED_KERNEL } from '../state/derive.js';
import { toDecompositionJson, toPinConfig } from '../state/draft.js';
import { createService, mergeServices, moveTables, moveUnits, renameService, splitService, type Target } from '../state/edits.js';
import type { Draft } from '../state/draft.js';
import { scoreList } from './score-list.js';

type ExportKind = 'config' | 'json';

export function mountWhatIf(app: App, panel: HTMLElement): { showError: (message: string) => void } {
  const error = el('p', { id: 'edit-error', class: 'error', role: 'alert' });
  let exporting: ExportKind | null = null;

  /** Applies an edit; `then` runs only when it succeeded (e.g. to follow a renamed service). */
  const attempt = (label: string, edit: (d: Draft) => Draft, then?: () => void): void => {
    try {
      app.bench.apply(label, edit);
      error.textContent = '';
    } catch (e) {
      error.textContent = e instanceof Error ? e.message : String(e);
      return;
    }
    then?.();
  };
  const value = (id: string): string => (panel.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)?.value ?? '').trim();
  const serviceOptions = (exclude?: string, withKernel = false): HTMLElement[] => [
    ...app.bench.draft.services.filter((s) => s.name !== exclude).map((s) => el('option', { value: `s:${s.name}` }, s.name)),
    ...(withKernel && exclude !== SHARED_KERNEL ? [el('option', { value: 'k:' }, SHARED_KERNEL)] : []),
  ];
  const target = (raw: string): Target => (raw.startsWith('k:') ? { shared: true } : { service: raw.slice(2) });

  const selectionBox = (selection: Selection | null): HTMLElement => {
    if (!selection) return el('p', { class: 'muted' }, 'Select a service, folder, file or table in the map, a list or search.');
    const derived = app.derived;
    if (selection.kind === 'service') {
      const name = selection.name;
      return el(
        'div',
        { class: 'selection' },
        el('p', null, el('span', { class: 'chip' }, 'service'), ' ', el('strong', null, name)),
        el(
          'div',
          { class: 'row' },
          el('input', { id: 'rename-input', value: name, 'aria-label': 'New name' }),
          el(
            'button',
            {
              id: 'rename-button',
              on: {
                click: () => {
                  const to = value('rename-input');
                  attempt(
                    `rename ${name}`,
                    (d) => renameService(d, name, to),
                    () => app.select({ kind: 'service', name: to }),
                  );
                },
              },
            },
            'Rename',
          ),
        ),
        el(
          'div',
          { class: 'row' },
          el('select', { id: 'merge-target', 'aria-label': 'Merge into' }, serviceOptions(name)),
          el(
            'button',
            {
              id: 'merge-button',
              on: {
                click: () => {
                  const into = value('merge-target').slice(2);
                  attempt(
                    `merge ${name} into ${into}`,
                    (d) => mergeServices(d, name, into),
                    () => app.select({ kind: 'service', name: into }),
                  );
                },
              },
            },
            'Merge into',
          ),
        ),
      );
    }
    if (selection.kind === 'table') {
      const id = selection.id;
      const table = derived.tables.find((t) => t.id === id);
      return el(
        'div',
        { class: 'selection' },
        el(
          'p',
          null,
          el('span', { class: 'chip' }, 'table'),
          ' ',
          el('strong', null, table?.name ?? id),
          el('span', { class: 'muted small' }, ` · ${table?.owner ?? 'unowned'} · ${table?.ownership ?? ''}`),
        ),
        el(
          'div',
          { class: 'row' },
          el('select', { id: 'move-target', 'aria-label': 'Move to service' }, serviceOptions(table?.owner)),
          el(
            'button',
            {
              id: 'move-button',
              on: { click: () => attempt(`move table ${id}`, (d) => moveTables(d, [id], value('move-target').slice(2))) },
            },
            'Move',
          ),
        ),
      );
    }
    const units = selection.kind === 'unit' ? [selection.id] : selection.units;
    const label = selection.kind === 'unit' ? selection.id : `${selection.folder}/ (${plural(units.length, 'file')})`;
    const from = selection.kind === 'unit' ? (derived.unitService.get(selection.id) ?? SHARED_KERNEL) : selection.service;
    return el(
      'div',
      { class: 'selection' },
      el(
        'p',
        null,
        el('span', { class: 'chip' }, selection.kind === 'unit' ? 'file' : 'folder'),
        ' ',
        el('strong', { class: 'mono' }, label),
        el('span', { class: 'muted small' }, ` · in ${from}`),
      ),
      el(
        'div',
        { class: 'row' },
        el('select', { id: 'move-target', 'aria-label': 'Move to service' }, serviceOptions(from, true)),
        el(
          'button',
          { id: 'move-button', on: { click: () => attempt(`move ${label}`, (d) => moveUnits(d, units, target(value('move-target')))) } },
          'Move',
        ),
      ),
      from === SHARED_KERNEL
        ? null
        : el(
            'div',
            { class: 'row' },
            el('input', { id: 'split-name', placeholder: 'new service name', 'aria-label': 'New service name' }),
            el(
              'button',
              {
                id: 'split-button',
                on: { click: () => attempt(`split ${label} out of ${from}`, (d) => splitService(d, from, units, [], value('split-name'))) },
              },
              'Split off',
            ),
          ),
    );
  };

  const exportBox = (): HTMLElement | null => {
    if (!exporting) return null;
    const text =
      JSON.stringify(exporting === 'config' ? toPinConfig(app.bench.draft) : toDecompositionJson(app.bench.draft), null, 2) + '\n';
    const area = el('textarea', { id: 'export-text', readonly: true, rows: 10, spellcheck: 'false', 'aria-label': 'Exported JSON' }, text);
    const copy = async (): Promise<void> => {
      area.select();
      try {
        await navigator.clipboard.writeText(text);
      } catch {
        // file:// pages may not get the async clipboard; the selected textarea still copies with the legacy command.
        document.execCommand('copy');
      }
    };
    return el(
      'div',
      { class: 'export' },
      area,
      el(
        'div',
        { class: 'row' },
        el('button', { id: 'copy-export', on: { click: () => void copy() } }, 'Copy'),
        el(
          'a',
          {
            id: 'download-export',
            class: 'button',
            download: exporting === 'config' ? 'carve.config.json' : 'decomposition.json',
            href: `data:application/json;charset=utf-8,${encodeURIComponent(text)}`,
          },
          'Download',
        ),
      ),
      exporting === 'config'
        ? el('p', { class: 'muted small' }, 'Save as carve.config.json next to the project: `carve analyze` keeps these services exactly.')
        : null,
    );
  };

  const render = (): void => {
    const bench = app.bench;
    replaceChildren(
      panel,
      el('h2', null, 'What-if'),
      el(
        'div',
        { class: 'row' },
        el('button', { id: 'undo', disabled: !bench.canUndo, title: 'Undo (Ctrl+Z)', on: { click: () => bench.undo() } }, 'Undo'),
        el('button', { id: 'redo', disabled: !bench.canRedo, title: 'Redo (Ctrl+Shift+Z)', on: { click: () => bench.redo() } }, 'Redo'),
        el(
          'span',
          { class: 'muted small', id: 'edit-count' },
          bench.log.length === 0 ? 'the proposal as analysed' : plural(bench.log.length, 'edit'),
        ),
      ),
      el('h3', null, 'Scores vs proposal'),
      scoreList(app.scores, app.baseline, 'score-rows'),
      el('h3', null, 'Selection'),
      selectionBox(app.selection),
      error,
      el('h3', null, 'New service'),
      el(
        'div',
        { class: 'row' },
        el('input', { id: 'new-service-name', placeholder: 'name', 'aria-label': 'New service name' }),
        el(
          'button',
          { id: 'create-service', on: { click: () => attempt('create service', (d) => createService(d, value('new-service-name'))) } },
          'Create',
        ),
      ),
      el('h3', null, 'Export'),
      el(
        'div',
        { class: 'row' },
        el('button', { id: 'export-config', on: { click: () => ((exporting = 'config'), render()) } }, 'carve config'),
        el('button', { id: 'export-json', on: { click: () => ((exporting = 'json'), render()) } }, 'Decomposition JSON'),
      ),
      exportBox(),
      bench.log.length > 0
        ? el(
            'details',
            null,
            el('summary', null, 'Edit history'),
            el(
              'ol',
              { class: 'small' },
              bench.log.map((l) => el('li', null, l)),
            ),
          )
        : null,
    );
  };

  document.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || (event.target as HTMLElement).matches('input, textarea')) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) app.bench.undo();
    else if (key === 'y' || (key === 'z' && event.shiftKey)) app.bench.redo();
    else return;
    event.preventDefault();
  });
  app.bench.subscribe(render);
  app.onSelection(render);
  render();
  return { showError: (message) => (error.textContent = message) };
}
