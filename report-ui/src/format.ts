/** Number formatting shared by the views; deterministic (no locale). */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}

/** `7 → 5` when a value changed, else just the value. */
export function formatChange(before: number | undefined, after: number): string {
  if (before === undefined || before === after) return formatNumber(after);
  return `${formatNumber(before)} → ${formatNumber(after)}`;
}
