/** Drives ProgressView with ink on stderr; redraws are throttled so progress costs nothing measurable. */
import { render } from 'ink';
import { PHASES, type Phase, type ProgressEvent } from '../../src/index.js';
import { ProgressView, type PhaseState, type ProgressState } from './progress-view.js';

const FRAME_MS = 80;

export function inkProgress(): { onProgress: (e: ProgressEvent) => void; stop: () => void } {
  const state: ProgressState = {
    phases: Object.fromEntries(PHASES.map((p) => [p, { status: 'waiting' } satisfies PhaseState])) as Record<Phase, PhaseState>,
    parsed: 0,
    total: 0,
    now: Date.now(),
  };
  const app = render(<ProgressView state={state} />, { stdout: process.stderr, patchConsole: false, exitOnCtrlC: true });
  let last = 0;
  const redraw = (force = false): void => {
    const now = Date.now();
    if (!force && now - last < FRAME_MS) return;
    last = now;
    state.now = now;
    app.rerender(<ProgressView state={{ ...state }} />);
  };
  const timer = setInterval(() => redraw(), FRAME_MS);
  return {
    onProgress(e) {
      if (e.type === 'phase-start') {
        state.phases[e.phase] = { status: 'running' };
        if (e.phase === 'parse') state.parseStartedAt = Date.now();
      } else if (e.type === 'phase-end') {
        state.phases[e.phase] = { status: 'done', ms: e.ms, detail: e.detail };
      } else {
        state.parsed = e.done;
        state.total = e.total;
      }
      redraw(e.type === 'phase-end');
    },
    stop() {
      clearInterval(timer);
      redraw(true);
      app.unmount();
    },
  };
}
