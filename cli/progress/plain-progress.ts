/** Progress as plain lines on stderr, for CI logs and pipes: no redrawing. */
import type { ProgressEvent } from '../../src/index.js';
import { printErr } from '../print.js';

export function plainProgress(): { onProgress: (e: ProgressEvent) => void; stop: () => void } {
  let lastQuarter = 0;
  return {
    onProgress(e) {
      if (e.type === 'phase-end') printErr(`${e.phase.padEnd(9)} ${e.detail ?? ''} (${Math.round(e.ms)} ms)`);
      if (e.type === 'parse-progress' && e.total >= 2000) {
        // A line per quarter on big projects, so long runs show they are alive.
        const quarter = Math.floor((e.done / e.total) * 4);
        if (quarter > lastQuarter && quarter < 4) {
          lastQuarter = quarter;
          printErr(`parse     ${e.done}/${e.total} files`);
        }
      }
    },
    stop() {},
  };
}
