/**
 * A config file found in the analysed tree is untrusted: its `out` and
 * `baseline` may only name paths under the folder carve runs in. Only flags
 * and an explicit `--config` may point elsewhere.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { writeProject } from '../helpers/project.js';

const code = { 'tsconfig.json': '{}', 'src/a.ts': "import { b } from './b';\nexport const a = b;\n", 'src/b.ts': 'export const b = 1;\n' };

/** A hostile repo with its own carve.config.json, a folder the user runs carve in, and a victim folder elsewhere. */
function setup(config: Record<string, unknown>): { repo: string; cwd: string; victim: string } {
  const repo = writeProject({ ...code, 'carve.config.json': JSON.stringify(config) });
  const cwd = mkdtempSync(path.join(tmpdir(), 'carve-cwd-'));
  const victim = mkdtempSync(path.join(tmpdir(), 'carve-victim-'));
  writeFileSync(path.join(victim, 'index.html'), '<h1>the victim site</h1>\n');
  return { repo, cwd, victim };
}

const analyze = (cwd: string, ...args: string[]) => runCli(['analyze', ...args, '--no-cache'], cwd);

describe('out from a config found in the analysed repo', () => {
  it('an absolute path is refused, naming the key, and nothing is written there', () => {
    const { repo, cwd, victim } = setup({ out: '' });
    writeFileSync(path.join(repo, 'carve.config.json'), JSON.stringify({ out: victim }));
    const r = analyze(cwd, repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`carve: carve.config.json: out: "${victim}" is an absolute path`);
    expect(r.stderr).not.toMatch(/carve: discover/); // refused before the analysis
    expect(readFileSync(path.join(victim, 'index.html'), 'utf8')).toBe('<h1>the victim site</h1>\n');
    expect(existsSync(path.join(victim, 'analysis.json'))).toBe(false);
  });

  it('a path with .. out of the current folder is refused', () => {
    const { repo, cwd } = setup({ out: '../../x' });
    const r = analyze(cwd, repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('out: "../../x" leads out of the current folder');
    expect(existsSync(path.resolve(cwd, '../../x'))).toBe(false);
  });

  it('a path through a symbolic link out of the current folder is refused', () => {
    const { repo, cwd, victim } = setup({ out: 'site/report' });
    symlinkSync(victim, path.join(cwd, 'site'));
    const r = analyze(cwd, repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('out: "site/report" goes through a symbolic link out of the current folder (site)');
    expect(existsSync(path.join(victim, 'report'))).toBe(false);
  });

  it('a relative path inside the current folder is used, relative to that folder (not the repo)', () => {
    const { repo, cwd } = setup({ out: 'reports/carve' });
    const r = analyze(cwd, repo);
    expect(r.code).toBe(0);
    expect(existsSync(path.join(cwd, 'reports/carve/analysis.json'))).toBe(true);
    expect(existsSync(path.join(repo, 'reports'))).toBe(false);
  });

  it('a flag or an explicit --config may point anywhere', () => {
    const { repo, cwd, victim } = setup({ out: '/somewhere/else' });
    const out = path.join(victim, 'by-flag');
    expect(analyze(cwd, repo, '--out', out).code).toBe(0);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    const trusted = path.join(cwd, 'my.config.json');
    writeFileSync(trusted, JSON.stringify({ out: path.join(victim, 'by-config') }));
    expect(analyze(cwd, repo, '--config', trusted).code).toBe(0);
    expect(existsSync(path.join(victim, 'by-config', 'analysis.json'))).toBe(true);
  });
});

describe('baseline from a config found in the analysed repo', () => {
  it('an absolute path (/dev/zero) is refused at once', () => {
    const { repo, cwd } = setup({ baseline: '/dev/zero' });
    const r = analyze(cwd, repo, '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('carve: carve.config.json: baseline: "/dev/zero" is an absolute path');
  });

  it('.. out of the current folder and a link to /etc/passwd are refused, and nothing of the file is printed', () => {
    const up = setup({ baseline: '../../../../../../etc/passwd' });
    const r = analyze(up.cwd, up.repo, '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('baseline: "../../../../../../etc/passwd" leads out of the current folder');
    const linked = setup({ baseline: 'base.json' });
    symlinkSync('/etc/passwd', path.join(linked.cwd, 'base.json'));
    const l = analyze(linked.cwd, linked.repo, '--json');
    expect(l.code).toBe(2);
    expect(l.stderr).toContain('baseline: "base.json" goes through a symbolic link out of the current folder (base.json)');
    expect(l.stderr + l.stdout).not.toContain('root:');
  });
});

describe('baseline reads are bounded, whoever names the file', () => {
  it('a device, a folder and a file over the size limit are refused before the analysis', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'carve-cwd-'));
    const repo = writeProject(code);
    const zero = analyze(cwd, repo, '--json', '--baseline', '/dev/zero');
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('carve: baseline /dev/zero is not a regular file');
    mkdirSync(path.join(cwd, 'dir.json'));
    expect(analyze(cwd, repo, '--json', '--baseline', 'dir.json').stderr).toContain('baseline dir.json is not a regular file');
    const big = path.join(cwd, 'big.json');
    writeFileSync(big, '');
    truncateSync(big, 300 * 1024 * 1024); // sparse: costs no disk
    const r = analyze(cwd, repo, '--json', '--baseline', 'big.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('carve: baseline big.json is 300 MB; carve reads at most 256 MB');
    expect(r.stderr).not.toMatch(/carve: discover/);
    const passwd = analyze(cwd, repo, '--json', '--baseline', '/etc/passwd');
    expect(passwd.code).toBe(2);
    expect(passwd.stderr.trim()).toBe("carve: baseline /etc/passwd is not valid JSON: Unexpected token 'r'"); // no bytes of the file
  });
});
