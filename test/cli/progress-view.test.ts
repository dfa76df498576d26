/** The live ink view shows phase details through the same escaper as every other terminal line. */
import { Writable } from 'node:stream';
import { render } from 'ink';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { ProgressView, type ProgressState } from '../../cli/progress/progress-view.js';
import { PHASES } from '../../src/analyze.js';

describe('ProgressView', () => {
  it('prints a detail holding OSC and CSI escapes as visible text', async () => {
    let written = '';
    const stream = Object.assign(
      new Writable({
        write(chunk, _encoding, done) {
          written += String(chunk);
          done();
        },
      }),
      { columns: 120, rows: 40, isTTY: true },
    );
    const state: ProgressState = {
      phases: Object.fromEntries(PHASES.map((p) => [p, { status: 'waiting' }])) as ProgressState['phases'],
      parsed: 0,
      total: 0,
      now: 0,
    };
    state.phases.discover = { status: 'done', ms: 12, detail: '3 files \x1b]0;pwn\x07 \x1b[2J' };
    const app = render(createElement(ProgressView, { state }), { stdout: stream as unknown as NodeJS.WriteStream, patchConsole: false });
    app.unmount();
    await app.waitUntilExit();
    expect(written).toContain('3 files \\x1b]0;pwn\\x07 \\x1b[2J');
    expect(written).not.toContain('\x1b]0;');
    expect(written).not.toContain('\x07');
    expect(written).not.toContain('\x1b[2J');
  });
});
