/** A real git repository in a temp folder, started from a fixture and evolved commit by commit. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixturePath } from './project.js';

export interface GitRepo {
  dir: string;
  git(...args: string[]): string;
  write(rel: string, text: string): void;
  read(rel: string): string;
  remove(rel: string): void;
  /** Stage everything and commit; returns the commit id. */
  commit(message: string, date?: string): string;
}

export function gitRepoFrom(fixture: string): GitRepo {
  const dir = mkdtempSync(path.join(tmpdir(), 'carve-git-'));
  cpSync(fixturePath(fixture), dir, { recursive: true });
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=carve test', '-c', 'user.email=test@carve.invalid', '-c', 'commit.gpgsign=false', ...args], {
      cwd: dir,
      encoding: 'utf8',
      env,
    });
  git('init', '-q', '-b', 'main');
  const repo: GitRepo = {
    dir,
    git,
    write(rel, text) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), text);
    },
    read: (rel) => readFileSync(path.join(dir, rel), 'utf8'),
    remove: (rel) => rmSync(path.join(dir, rel)),
    commit(message, date = '2026-01-01T12:00:00Z') {
      git('add', '-A');
      execFileSync(
        'git',
        ['-c', 'user.name=carve test', '-c', 'user.email=test@carve.invalid', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message],
        {
          cwd: dir,
          env: { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
        },
      );
      return git('rev-parse', 'HEAD').trim();
    },
  };
  return repo;
}
