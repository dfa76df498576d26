/**
 * The output folder: checked before the analysis, never overwriting files
 * carve did not write, written all-or-nothing, no temp file left behind.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { repoRoot, writeProject } from '../helpers/project.js';

const code = { 'tsconfig.json': '{}', 'src/a.ts': "import { b } from './b';\nexport const a = b;\n", 'src/b.ts': 'export const b = 1;\n' };
const tempDir = (): string => mkdtempSync(path.join(tmpdir(), 'carve-out-'));

describe('an output folder carve cannot use fails before the analysis', () => {
  it.each([
    ['/proc/self', /carve: cannot write to the output folder \/proc\/self: E[A-Z]+/],
    ['/proc/carve-report', /carve: cannot create the output folder \/proc\/carve-report: E[A-Z]+/],
  ])('--out %s', (out, message) => {
    const r = runCli(['analyze', writeProject(code), '--no-cache', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/carve: discover|internal error/);
  });

  it('--out naming a file, or a folder under a file', () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'notes.txt'), 'mine\n');
    const file = runCli(['analyze', writeProject(code), '--no-cache', '--out', 'notes.txt'], cwd);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('carve: output folder notes.txt is not a folder');
    const under = runCli(['analyze', writeProject(code), '--no-cache', '--out', 'notes.txt/report'], cwd);
    expect(under.code).toBe(2);
    expect(under.stderr).toContain('carve: cannot create the output folder notes.txt/report: ENOTDIR');
    expect(readFileSync(path.join(cwd, 'notes.txt'), 'utf8')).toBe('mine\n');
  });
});

describe('files carve did not write are not overwritten', () => {
  it('--out . beside a project’s own index.html is refused unless --force', () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'index.html'), '<h1>my project</h1>\n');
    const repo = writeProject(code);
    const r = runCli(['analyze', repo, '--no-cache', '--out', '.'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'carve: index.html exists and was not written by carve — choose another --out, or pass --force to overwrite it',
    );
    expect(r.stderr).not.toMatch(/carve: discover/);
    expect(readFileSync(path.join(cwd, 'index.html'), 'utf8')).toBe('<h1>my project</h1>\n');
    expect(existsSync(path.join(cwd, 'analysis.json'))).toBe(false);

    const forced = runCli(['analyze', repo, '--no-cache', '--out', '.', '--force'], cwd);
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(cwd, 'index.html'), 'utf8')).toContain('<meta name="generator" content="carve">');
  });

  it('a foreign analysis.json is refused too; carve’s own report is replaced without a word', () => {
    const cwd = tempDir();
    const repo = writeProject(code);
    writeFileSync(path.join(cwd, 'analysis.json'), '{ "my": "data" }\n');
    const r = runCli(['analyze', repo, '--no-cache', '--out', '.'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('carve: analysis.json exists and was not written by carve');

    expect(runCli(['analyze', repo, '--no-cache'], cwd).code).toBe(0);
    const again = runCli(['analyze', repo, '--no-cache'], cwd);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Wrote carve-report/analysis.json and index.html');
  });

  it('carve report will not overwrite a foreign index.html next to the result', () => {
    const cwd = tempDir();
    const result = runCli(['analyze', writeProject(code), '--json', '--no-cache']);
    writeFileSync(path.join(cwd, 'analysis.json'), result.stdout);
    writeFileSync(path.join(cwd, 'index.html'), '<h1>my project</h1>\n');
    const r = runCli(['report', 'analysis.json'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('carve: index.html exists and was not written by carve');
    expect(readFileSync(path.join(cwd, 'index.html'), 'utf8')).toBe('<h1>my project</h1>\n');
  });
});

describe('the report is written all-or-nothing', () => {
  it('when index.html cannot be written, the old analysis.json and index.html stay and no temp file is left', () => {
    const cwd = tempDir();
    const repo = writeProject(code);
    expect(runCli(['analyze', repo, '--no-cache'], cwd).code).toBe(0);
    const out = path.join(cwd, 'carve-report');
    const before = {
      json: readFileSync(path.join(out, 'analysis.json'), 'utf8'),
      html: readFileSync(path.join(out, 'index.html'), 'utf8'),
    };
    writeFileSync(path.join(repo, 'src/c.ts'), "import { a } from './a';\nexport const c = a;\n");

    // A file size limit of 300 KB: analysis.json (a few KB) fits, index.html (over 600 KB) does not.
    const cli = path.join(repoRoot, 'dist/cli/main.js');
    const r = spawnSync('bash', ['-c', `ulimit -f 300 && exec "${process.execPath}" "${cli}" analyze "${repo}" --no-cache`], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, CI: '1' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('carve: cannot write the report into carve-report: EFBIG');
    expect(readFileSync(path.join(out, 'analysis.json'), 'utf8')).toBe(before.json);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe(before.html);
    expect(readdirSync(out).sort()).toEqual(['analysis.json', 'index.html']);
  });

  it('temp files of a killed run are removed by the next run; a live run’s are left alone', () => {
    const cwd = tempDir();
    const out = path.join(cwd, 'carve-report');
    const repo = writeProject(code);
    expect(runCli(['analyze', repo, '--no-cache'], cwd).code).toBe(0);
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const stale = `.analysis.json.carve-${dead}-0badf00d.tmp`;
    const live = `.index.html.carve-${process.pid}-0badf00d.tmp`;
    writeFileSync(path.join(out, stale), 'x'.repeat(1000));
    writeFileSync(path.join(out, live), 'x');
    expect(runCli(['analyze', repo, '--no-cache'], cwd).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([live, 'analysis.json', 'index.html']);
  });
});

describe('carve init', () => {
  it('replaces a carve.config.json that is a link instead of writing through it', () => {
    const repo = writeProject(code);
    const victim = path.join(tempDir(), 'bashrc');
    writeFileSync(victim, 'export PATH=/usr/bin\n');
    symlinkSync(victim, path.join(repo, 'carve.config.json'));
    expect(runCli(['init', repo]).code).toBe(2);
    const r = runCli(['init', repo, '--force']);
    expect(r.code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('export PATH=/usr/bin\n');
    expect(lstatSync(path.join(repo, 'carve.config.json')).isFile()).toBe(true);
  });
});
