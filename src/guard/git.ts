/**
 * Read-only questions to git about the analysed repository, asked with the
 * analysed root as working folder. The repository is untrusted: its config
 * must not make git run a program (fsmonitor, external diff, textconv).
 */
import { execFileSync } from 'node:child_process';
import { CarveError } from '../util/errors.js';

const SAFE = ['-c', 'core.fsmonitor=false', '--no-pager'];

function git(root: string, args: string[]): string {
  try {
    return execFileSync('git', [...SAFE, ...args], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' },
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stderr?: string; code?: string };
    if (e.code === 'ENOENT') throw new CarveError('git is not installed; --affected and --record need it');
    throw new CarveError(`git ${args.join(' ')}: ${(e.stderr ?? String(error)).trim().split('\n')[0]}`);
  }
}

/** Files (relative to `root`, POSIX) changed since `rev`: committed, staged or in the working tree. */
export function changedFilesSince(root: string, rev: string): Set<string> {
  if (!/^[^-\s][^\s]*$/.test(rev)) throw new CarveError(`--affected: "${rev}" is not a git revision`);
  const commit = git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]).trim();
  const out = git(root, ['diff', '--name-only', '--no-renames', '--no-ext-diff', '--no-textconv', '--relative', '-z', commit, '--']);
  return new Set(out.split('\0').filter(Boolean));
}

/** The checked-out commit and its committer date (ISO 8601), or null outside a git repository. */
export function headCommit(root: string): { commit: string; date: string } | null {
  try {
    const [commit, date] = git(root, ['log', '-1', '--no-show-signature', '--format=%H%n%cI', 'HEAD']).trim().split('\n');
    return commit ? { commit, date } : null;
  } catch {
    return null;
  }
}
