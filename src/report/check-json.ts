/** `carve check --format json`: the report, as described by schema/check.schema.json. */
import type { CheckReport } from '../model/check-result.js';

export function formatCheckJson(report: CheckReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
