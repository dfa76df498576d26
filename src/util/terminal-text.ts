/**
 * Text for a terminal. Names in messages and the summary come from the
 * analysed repo (file names, symbols): ANSI/OSC escapes, C0/C1 controls and
 * bidi overrides in them would clear the screen, set the title or reorder a
 * line. Each is shown as a visible `\xNN` / `\uNNNN` instead. The one escaper
 * for everything carve prints.
 */
// C0 except tab, DEL, C1, and the bidi embedding/override/isolate marks: control characters are the point here.
/* eslint-disable no-control-regex */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_BUT_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

const visible = (ch: string): string => {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** `text` with every control character made visible; newlines are kept only when `keepNewlines` (carve's own multi-line text). */
export function escapeTerminal(text: string, keepNewlines = false): string {
  return text.replace(keepNewlines ? CONTROL_BUT_NEWLINE : CONTROL, visible);
}
