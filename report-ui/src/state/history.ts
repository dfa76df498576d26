/** The workbench: the proposal, the current draft, undo/redo, and who to tell. */
import type { Draft } from './draft.js';

export interface Change {
  label: string;
  draft: Draft;
}

export class Workbench {
  private past: Change[] = [];
  private future: Change[] = [];
  private current: Draft;
  private listeners: ((draft: Draft) => void)[] = [];

  constructor(readonly proposal: Draft) {
    this.current = proposal;
  }

  get draft(): Draft {
    return this.current;
  }

  /** Labels of the applied edits, oldest first. */
  get log(): string[] {
    return this.past.map((c) => c.label);
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  subscribe(listener: (draft: Draft) => void): void {
    this.listeners.push(listener);
  }

  /** Applies an edit; a throwing edit changes nothing and rethrows. */
  apply(label: string, edit: (draft: Draft) => Draft): void {
    const next = edit(this.current);
    if (next === this.current) return;
    this.past.push({ label, draft: this.current });
    this.future = [];
    this.set(next);
  }

  undo(): void {
    const change = this.past.pop();
    if (!change) return;
    this.future.push({ label: change.label, draft: this.current });
    this.set(change.draft);
  }

  redo(): void {
    const change = this.future.pop();
    if (!change) return;
    this.past.push({ label: change.label, draft: this.current });
    this.set(change.draft);
  }

  private set(draft: Draft): void {
    this.current = draft;
    for (const listener of this.listeners) listener(draft);
  }
}
