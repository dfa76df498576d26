/**
 * The output folder of a run. Checked before the analysis (so a folder carve
 * cannot write costs no waiting and shows as an input error), never
 * overwriting files carve did not write, and written all-or-nothing: every
 * file goes to a temp name first and is renamed only once all are written.
 */
import { closeSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { CarveError } from '../src/index.js';

export const REPORT_FILES = ['analysis.json', 'index.html'] as const;
export type ReportFile = (typeof REPORT_FILES)[number];

/** How each file carve writes starts: what tells carve's own files from a project's. */
const OWN_FILE: Record<ReportFile, RegExp> = {
  'analysis.json': /^\{\s*"schemaVersion":\s*\d+,\s*"tool":\s*\{\s*"name":\s*"carve"/,
  'index.html': /<meta name="generator" content="carve">|<title>carve report<\/title>/,
};
const HEAD_BYTES = 4096;
const TEMP = /^\.(.+)\.carve-(\d+)-[0-9a-f]+\.tmp$/;

const code = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? String(error);
const shown = (abs: string): string => path.relative(process.cwd(), abs) || '.';

function head(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    return buffer.subarray(0, readSync(fd, buffer, 0, HEAD_BYTES, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function isCarveFile(file: string, name: ReportFile): boolean {
  try {
    return lstatSync(file).isFile() && OWN_FILE[name].test(head(file));
  } catch {
    return false;
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Temp files of runs that were killed before they could remove them. */
function removeStaleTemps(dir: string): void {
  for (const name of readdirSync(dir)) {
    const m = TEMP.exec(name);
    if (m && (REPORT_FILES as readonly string[]).includes(m[1]) && !alive(Number(m[2]))) rmSync(path.join(dir, name), { force: true });
  }
}

/** `mkdir -p`, one level at a time: Node's recursive mkdirSync loops forever where mkdir answers ENOENT (under /proc). */
function makeFolder(abs: string): void {
  const missing: string[] = [];
  for (let at = abs; ; at = path.dirname(at)) {
    try {
      if (statSync(at).isDirectory()) break;
      throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || path.dirname(at) === at) throw error;
      missing.unshift(at);
    }
  }
  for (const dir of missing) mkdirSync(dir);
}

const tempName = (dir: string, name: string): string =>
  path.join(dir, `.${name}.carve-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);

/** Creates `dir` if needed and checks carve may write `names` into it; returns its absolute path. */
export function prepareOutputFolder(dir: string, names: readonly ReportFile[], force = false): string {
  const abs = path.resolve(dir);
  try {
    if (!statSync(abs).isDirectory()) throw new CarveError(`output folder ${dir} is not a folder`);
  } catch (error) {
    if (error instanceof CarveError) throw error;
  }
  try {
    makeFolder(abs);
  } catch (error) {
    throw new CarveError(`cannot create the output folder ${dir}: ${code(error)}`);
  }
  const probe = tempName(abs, 'probe');
  try {
    writeFileSync(probe, '', { flag: 'wx' });
  } catch (error) {
    throw new CarveError(`cannot write to the output folder ${dir}: ${code(error)}`);
  } finally {
    rmSync(probe, { force: true });
  }
  removeStaleTemps(abs);
  if (force) return abs;
  for (const name of names) {
    const file = path.join(abs, name);
    let exists = true;
    try {
      lstatSync(file);
    } catch {
      exists = false;
    }
    if (exists && !isCarveFile(file, name)) {
      throw new CarveError(`${shown(file)} exists and was not written by carve — choose another --out, or pass --force to overwrite it`);
    }
  }
  return abs;
}

/** Writes every file to a temp name, then renames them into place; on failure nothing is left behind. */
export function writeOutputFiles(dir: string, files: readonly (readonly [ReportFile, string])[]): void {
  const temps: [string, string][] = [];
  try {
    for (const [name, text] of files) {
      const temp = tempName(dir, name);
      temps.push([temp, path.join(dir, name)]);
      writeFileSync(temp, text, { flag: 'wx' });
    }
  } catch (error) {
    for (const [temp] of temps) rmSync(temp, { force: true });
    throw new CarveError(`cannot write the report into ${shown(dir)}: ${code(error)}`);
  }
  try {
    for (const [temp, target] of temps) renameSync(temp, target);
  } catch (error) {
    for (const [temp] of temps) rmSync(temp, { force: true });
    throw new CarveError(`cannot write the report into ${shown(dir)}: ${code(error)}`);
  }
}
