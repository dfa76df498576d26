import { existsSync, lstatSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE, CarveError } from '../../src/index.js';
import { printOut } from '../print.js';

/** A starter config: JSON with comments, which carve reads (as tsconfig does). */
const STARTER = `{
  // Editor completion and checking for this file.
  "$schema": "./node_modules/carve/schema/carve.config.schema.json",

  // Files to leave out on top of the defaults (node_modules, build output, *.d.ts, generated code, tests).
  "exclude": [],

  // Analyse tests too (*.spec.ts, *.test.ts, __tests__/, test/, e2e/).
  "includeTests": false,

  // Files that are shared kernel / platform (logger, config, base classes): kept out of services.
  "shared": [],

  // Pin files (globs) or tables ("store:name") to a named service; honoured exactly.
  "pins": {},

  // Target number of services; leave out to let carve choose and show the alternatives.
  // "services": 4,

  // CI guard: exceeding any of these exits with code 1.
  "thresholds": {
    // "sharedDatabaseCoupling": 0.4,
    // "multiWriterTables": 3
  }
}
`;

export function initCommand(root: string, opts: { force?: boolean }): number {
  const file = path.resolve(root, CONFIG_FILE);
  if (!existsSync(path.resolve(root))) throw new CarveError(`path not found: ${root}`);
  const present = existsSync(file) || lstatSync(file, { throwIfNoEntry: false }) !== undefined;
  if (present && !opts.force) throw new CarveError(`${path.relative(process.cwd(), file)} exists — pass --force to overwrite it`);
  // A temp file renamed over the old one: a carve.config.json that is a link is replaced, never written through.
  const temp = `${file}.carve-${process.pid}.tmp`;
  try {
    writeFileSync(temp, STARTER, { flag: 'wx' });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new CarveError(`cannot write ${path.relative(process.cwd(), file)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  printOut(`Wrote ${path.relative(process.cwd(), file)}\n`);
  return 0;
}
