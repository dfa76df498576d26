/** Run the built CLI (`dist/cli/main.js`, built by `npm test`'s pretest) as a user would. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './project.js';

/** The CLI's facts cache goes to a throwaway folder per test file, not to the user's ~/.cache. */
export const testCacheHome = mkdtempSync(path.join(tmpdir(), 'carve-xdg-'));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd = repoRoot, env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'dist/cli/main.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: '1', XDG_CACHE_HOME: testCacheHome, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
