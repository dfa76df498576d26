/** Scores of the draft with their change against the proposal: "shared tables 7 → 5". */
import { el } from '../dom.js';
import { formatChange } from '../format.js';
import type { Score } from '../state/scores.js';

export function changeClass(score: Score, before: number | undefined): string {
  if (before === undefined || before === score.value || score.better === 0) return 'same';
  return (score.value - before) * score.better > 0 ? 'better' : 'worse';
}

export function scoreList(scores: Score[], baseline: Score[], className: string): HTMLElement {
  const before = new Map(baseline.map((s) => [s.key, s.value]));
  if (scores.length === 0) return el('p', { class: 'muted' }, 'No scores in this analysis.');
  return el(
    'dl',
    { class: className },
    scores.map((score) => {
      const prior = before.get(score.key);
      return el(
        'div',
        { class: `score ${changeClass(score, prior)}`, data: { scoreKey: score.key, value: String(score.value) } },
        el('dt', null, score.label),
        el('dd', null, formatChange(prior, score.value)),
      );
    }),
  );
}
