/** Names come from the analysed code: control characters must not reach a terminal or a CI log as commands. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function formatFigure(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(3);
}
