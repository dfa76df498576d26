/**
 * Names from the analysed repo reach the terminal: escapes in them (OSC title,
 * clear screen, colours, C1 controls, bidi overrides) must print as visible
 * text, never as control sequences.
 */
import { describe, expect, it } from 'vitest';
import { escapeTerminal } from '../../src/util/terminal-text.js';
import { runCli } from '../helpers/cli.js';
import { writeProject } from '../helpers/project.js';

const TITLE = '\x1b]0;pwn\x07';
const CLEAR = '\x1b[2J';
// Any control character but newline and tab; DEL and C1 too.
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;

describe('escapeTerminal', () => {
  it('shows every control character as text, and only those', () => {
    expect(escapeTerminal(`a${TITLE}b${CLEAR}c\u009b31m\u202eé`)).toBe('a\\x1b]0;pwn\\x07b\\x1b[2Jc\\x9b31m\\u202eé');
    expect(escapeTerminal('one\ntwo\r')).toBe('one\\x0atwo\\x0d');
    expect(escapeTerminal('one\ntwo\r', true)).toBe('one\ntwo\\x0d');
    expect(escapeTerminal('tab\tand ünïcode ✔')).toBe('tab\tand ünïcode ✔');
  });
});

describe('carve prints no control sequence from the analysed repo', () => {
  it('file and folder names with OSC and CSI escapes appear escaped in the summary', () => {
    const dir = writeProject({
      'tsconfig.json': '{}',
      [`src/${TITLE}/a.ts`]: `import { b } from '../${CLEAR}/b';\nimport { c } from '../${CLEAR}/c';\nexport const a = b + c;\n`,
      [`src/${TITLE}/d.ts`]: `import { a } from './a';\nimport { x } from './${CLEAR}missing';\nexport const d = a + x;\n`,
      [`src/${CLEAR}/b.ts`]: `import { d } from '../${TITLE}/d';\nexport const b = 1 + d;\n`,
      [`src/${CLEAR}/c.ts`]: `export const c = 2;\n`,
    });
    const r = runCli(['analyze', dir, '--no-cache', '--out', `${dir}/out`]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('src/\\x1b]0;pwn\\x07'); // the most coupled folders
    expect(r.stdout).toContain("'./\\x1b[2Jmissing'"); // the unresolved import
  });

  it('error messages naming a path with escapes are escaped', () => {
    const r = runCli(['analyze', `/no/such/${CLEAR}${TITLE}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr).toContain('carve: path not found: /no/such/\\x1b[2J\\x1b]0;pwn\\x07');
    const key = runCli(['analyze', writeProject({ 'tsconfig.json': '{}', 'a.ts': '', 'carve.config.json': '{ "\\u001b[2J": 1 }' })]);
    expect(key.code).toBe(2);
    expect(key.stderr).not.toMatch(RAW_CONTROL);
    expect(key.stderr).toContain('unknown key "\\x1b[2J"');
    const flag = runCli(['analyze', '.', `--${CLEAR}`]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).not.toMatch(RAW_CONTROL);
  });
});
