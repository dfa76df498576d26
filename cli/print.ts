/** Every line carve prints to a terminal goes through here, escaped (names in it come from the analysed repo). */
import { escapeTerminal } from '../src/index.js';

/** carve's own multi-line text on stdout (the summary, "Wrote …"). */
export function printOut(text: string): void {
  process.stdout.write(escapeTerminal(text, true));
}

/** A message on stderr, `carve: ` first: one line, whatever the message holds. */
export function printErr(message: string): void {
  process.stderr.write(`carve: ${escapeTerminal(message)}\n`);
}

/** Text on stderr that is already lines (commander's help and errors, stack traces). */
export function printErrText(text: string): void {
  process.stderr.write(escapeTerminal(text, true));
}
