import { existsSync } from 'node:fs';
import path from 'node:path';
import { CarveError, HISTORY_FILE, formatTrend, readHistory } from '../../src/index.js';

export function trendCommand(root: string, flags: { history?: string }): number {
  if (!existsSync(path.resolve(root))) throw new CarveError(`path not found: ${root}`);
  const file = flags.history ? path.resolve(flags.history) : path.join(path.resolve(root), HISTORY_FILE);
  if (!existsSync(file)) throw new CarveError(`no ${path.relative(process.cwd(), file) || file} — record checks with carve check --record`);
  process.stdout.write(`${formatTrend(readHistory(file))}\n`);
  return 0;
}
