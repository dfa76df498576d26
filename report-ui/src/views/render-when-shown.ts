/**
 * Re-renders a view after each edit only when it is on screen; a hidden view
 * renders once it is shown again. Keeps an edit on a large monolith to the
 * work the visible view needs.
 */
import type { App, TabId } from '../app.js';

export function renderWhenShown(app: App, tab: TabId, render: () => void): void {
  let visible = false;
  let stale = false;
  app.onShow((shown) => {
    visible = shown === tab;
    if (visible && stale) {
      stale = false;
      render();
    }
  });
  app.bench.subscribe(() => {
    if (visible) render();
    else stale = true;
  });
  render();
}
