/**
 * The report's shared state: the analysis, the workbench of edits, the derived
 * views of the current draft, the selection, and navigation between views.
 */
import type { AnalysisResult } from '../../src/model/result.js';
import type { DecompositionMetrics } from '../../src/model/decomposition.js';
import type { DecompositionPlan } from '../../src/score/score-decomposition.js';
import { derive, type Derived } from './state/derive.js';
import { draftFromResult, type Draft } from './state/draft.js';
import { Workbench } from './state/history.js';
import { headlineScores, planDraft, scoreDraft, type Score } from './state/scores.js';

export type TabId = 'overview' | 'map' | 'database' | 'sagas' | 'api' | 'search';

export type Selection =
  | { kind: 'unit'; id: string }
  | { kind: 'folder'; service: string; folder: string; units: string[] }
  | { kind: 'table'; id: string }
  | { kind: 'service'; name: string };

/** Something search (or a list) asks the map to show. */
export type Reveal = { kind: 'unit'; id: string } | { kind: 'table'; id: string } | { kind: 'service'; name: string };

type Listener<T> = (value: T) => void;

export class App {
  readonly bench: Workbench;
  /** Scores of the proposal as analysed: the reference every delta is shown against. */
  readonly baseline: Score[];
  /** Headline scores the analysis itself recorded, when they differ from the browser's: a warning sign. */
  readonly mismatch: string[];
  private cache?: { draft: Draft; metrics: DecompositionMetrics; derived: Derived; scores: Score[]; plan?: DecompositionPlan };
  private selected: Selection | null = null;
  private selectionListeners: Listener<Selection | null>[] = [];
  private tabListeners: Listener<TabId>[] = [];
  private revealListeners: Listener<Reveal>[] = [];

  constructor(readonly result: AnalysisResult) {
    this.bench = new Workbench(draftFromResult(result));
    this.baseline = headlineScores(this.current().metrics);
    const recorded = result.decomposition?.metrics;
    const before = recorded ? new Map(headlineScores(recorded).map((s) => [s.key, s.value])) : new Map<string, number>();
    this.mismatch = recorded
      ? this.baseline.filter((s) => !(Math.abs((before.get(s.key) ?? NaN) - s.value) <= 1e-9)).map((s) => s.label)
      : [];
  }

  private current(): NonNullable<App['cache']> {
    const draft = this.bench.draft;
    if (this.cache?.draft !== draft) {
      const metrics = scoreDraft(this.result, draft);
      this.cache = { draft, metrics, derived: derive(this.result, draft, metrics), scores: headlineScores(metrics) };
    }
    return this.cache;
  }

  get metrics(): DecompositionMetrics {
    return this.current().metrics;
  }

  /** Integration advice, contracts and migration order for the current draft (computed on first use). */
  get plan(): DecompositionPlan {
    const current = this.current();
    current.plan ??= planDraft(this.result, current.draft, current.metrics);
    return current.plan;
  }

  get derived(): Derived {
    return this.current().derived;
  }

  get scores(): Score[] {
    return this.current().scores;
  }

  get selection(): Selection | null {
    return this.selected;
  }

  select(selection: Selection | null): void {
    this.selected = selection;
    for (const listener of this.selectionListeners) listener(selection);
  }

  onSelection(listener: Listener<Selection | null>): void {
    this.selectionListeners.push(listener);
  }

  show(tab: TabId): void {
    for (const listener of this.tabListeners) listener(tab);
  }

  onShow(listener: Listener<TabId>): void {
    this.tabListeners.push(listener);
  }

  /** Switch to the map and point at `target` there. */
  reveal(target: Reveal): void {
    this.select(
      target.kind === 'unit'
        ? { kind: 'unit', id: target.id }
        : target.kind === 'table'
          ? { kind: 'table', id: target.id }
          : { kind: 'service', name: target.name },
    );
    this.show('map');
    for (const listener of this.revealListeners) listener(target);
  }

  onReveal(listener: Listener<Reveal>): void {
    this.revealListeners.push(listener);
  }
}
