/** `carve trend`: one line per figure with a sparkline over the recorded checks, oldest first. */
import type { HistoryEntry } from '../model/check-result.js';
import { escapeTerminal } from '../util/terminal-text.js';
import { formatFigure } from './format-figure.js';

const BARS = '▁▂▃▄▅▆▇█';

export function sparkline(values: number[]): string {
  const min = Math.min(...values);
  const max = Math.max(...values);
  return values.map((v) => (max === min ? BARS[0] : BARS[Math.round(((v - min) / (max - min)) * (BARS.length - 1))])).join('');
}

/** The series `carve trend` and the report's chart draw, in this order. */
export function trendSeries(history: HistoryEntry[]): { name: string; values: number[] }[] {
  return [
    ...(Object.keys(history[0]?.figures ?? {}) as (keyof HistoryEntry['figures'])[]).map((name) => ({
      name,
      values: history.map((h) => h.figures[name]),
    })),
    { name: 'violations (errors)', values: history.map((h) => h.violations.errors) },
    { name: 'violations (warnings)', values: history.map((h) => h.violations.warnings) },
  ];
}

export function formatTrend(history: HistoryEntry[]): string {
  if (history.length === 0) return 'No recorded checks yet: run carve check --record (on the main branch, in CI).';
  const first = history[0];
  const last = history.at(-1)!;
  const span = (h: HistoryEntry): string =>
    `${h.commit ? escapeTerminal(h.commit.slice(0, 7)) : 'no commit'} ${escapeTerminal(h.date.slice(0, 10))}`;
  const series = trendSeries(history);
  const width = Math.max(...series.map((s) => s.name.length));
  const lines = [`carve trend: ${history.length} recorded checks, ${span(first)} → ${span(last)}`, ''];
  for (const s of series) {
    const a = s.values[0];
    const b = s.values.at(-1)!;
    const change = b === a ? 'unchanged' : b > a ? 'up' : 'down';
    lines.push(`${s.name.padEnd(width)}  ${sparkline(s.values)}  ${formatFigure(a)} → ${formatFigure(b)} (${change})`);
  }
  return lines.join('\n');
}
