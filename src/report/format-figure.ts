export function formatFigure(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(3);
}
