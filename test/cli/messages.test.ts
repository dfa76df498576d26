/** Bad input is described as what it is, where it is, and before the analysis spends any time. */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/model/result.js';
import { runCli } from '../helpers/cli.js';
import { writeProject } from '../helpers/project.js';

const code = { 'tsconfig.json': '{}', 'src/a.ts': "import { b } from './b';\nexport const a = b;\n", 'src/b.ts': 'export const b = 1;\n' };

function withConfig(text: string, ...args: string[]): ReturnType<typeof runCli> {
  return runCli(['analyze', writeProject({ ...code, 'carve.config.json': text }), '--json', '--no-cache', ...args]);
}

describe('config files', () => {
  it.each([
    ['[]', 'must hold a JSON object ({ … }), not an array'],
    ['"out"', 'must hold a JSON object ({ … }), not a string'],
    ['{\n  "seed": 4,\n  "exclude": ["a"', 'is not valid JSON at line 3, column 18:'],
    ['', 'is empty — write {} for the defaults, or delete the file'],
    ['  // nothing but a comment\n', 'holds only comments — write {} for the defaults, or delete the file'],
  ])('%j is described as it is', (text, problem) => {
    const r = withConfig(text);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`carve.config.json ${problem}`);
    expect(r.stderr).not.toContain('tsconfig');
    expect(r.stderr).not.toMatch(/carve: discover/);
  });

  it('a __proto__ pin is kept and honoured; a bad one is named; a top-level __proto__ is an unknown key', () => {
    const ok = withConfig('{ "pins": { "__proto__": ["src/b.ts"], "constructor": ["src/a.ts"] }, "minServiceSize": 1 }');
    expect(ok.code).toBe(0);
    const services = (JSON.parse(ok.stdout) as AnalysisResult).decomposition?.services.map((s) => [s.name, s.units]);
    expect(services).toEqual([
      ['__proto__', ['src/b.ts']],
      ['constructor', ['src/a.ts']],
    ]);
    const bad = withConfig('{ "pins": { "__proto__": 5 } }');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'carve: invalid config — carve.config.json: pins.__proto__: Invalid input: expected array, received number',
    );
    const top = withConfig('{ "__proto__": { "seed": 1 } }');
    expect(top.code).toBe(2);
    expect(top.stderr).toContain('carve: invalid config — carve.config.json: (root): unknown key "__proto__"');
  });
});

describe('flags', () => {
  it("--seed '' is a usage error, not seed 0", () => {
    const r = runCli(['analyze', writeProject(code), '--json', '--no-cache', '--seed', '']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('carve: --seed: expected an integer, got ""');
  });

  it('--no-cache says what it does', () => {
    const help = runCli(['analyze', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('--no-cache do not read or write the per-file facts cache');
  });
});

describe('saved results (carve report, --baseline)', () => {
  const saved = (): { dir: string; result: AnalysisResult; repo: string } => {
    const repo = writeProject(code);
    const r = runCli(['analyze', repo, '--json', '--no-cache']);
    expect(r.code).toBe(0);
    return { dir: mkdtempSync(path.join(tmpdir(), 'carve-saved-')), result: JSON.parse(r.stdout) as AnalysisResult, repo };
  };

  it('a missing --baseline fails before the analysis', () => {
    const r = runCli(['analyze', writeProject(code), '--json', '--no-cache', '--baseline', '/no/such/baseline.json']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('carve: cannot read baseline /no/such/baseline.json: ENOENT');
  });

  it('a baseline with summary: null, or truncated, is an input error naming the problem', () => {
    const { dir, result, repo } = saved();
    writeFileSync(path.join(dir, 'null.json'), JSON.stringify({ ...result, summary: null }));
    const r = runCli(['analyze', repo, '--json', '--no-cache', '--baseline', 'null.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'carve: baseline null.json does not match the result schema — summary: Invalid input: expected object, received null',
    );
    writeFileSync(path.join(dir, 'cut.json'), JSON.stringify(result, null, 2).slice(0, 200));
    const cut = runCli(['analyze', repo, '--json', '--no-cache', '--baseline', 'cut.json'], dir);
    expect(cut.code).toBe(2);
    expect(cut.stderr).toMatch(/^carve: baseline cut\.json is not valid JSON: .* at line \d+, column \d+/);
    writeFileSync(
      path.join(dir, 'metrics.json'),
      JSON.stringify({ ...result, decomposition: { ...result.decomposition, metrics: { icp: 'low' } } }),
    );
    const metrics = runCli(['analyze', repo, '--json', '--no-cache', '--baseline', 'metrics.json'], dir);
    expect(metrics.code).toBe(2);
    expect(metrics.stderr).toContain('decomposition.metrics.services: Invalid input: expected number, received undefined');
    expect(metrics.stderr).not.toContain('internal error');
  });

  it('carve report on a hand-broken analysis.json exits 2 naming the problem and writes no page', () => {
    const { dir, result } = saved();
    const broken = { ...result, units: result.units.map((u, i) => (i === 0 ? { ...u, lines: 'many' } : u)) };
    writeFileSync(path.join(dir, 'analysis.json'), JSON.stringify(broken));
    const r = runCli(['report', 'analysis.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'carve: analysis.json does not match the result schema — units.0.lines: Invalid input: expected number, received string',
    );
    expect(existsSync(path.join(dir, 'index.html'))).toBe(false);
  });

  it('a baseline from another project or other settings is used with a warning', () => {
    const { dir, result, repo } = saved();
    writeFileSync(path.join(dir, 'other.json'), JSON.stringify({ ...result, project: 'someone-else', configHash: '0123456789abcdef' }));
    const r = runCli(['analyze', repo, '--json', '--no-cache', '--baseline', 'other.json'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`carve: baseline: the baseline is of project "someone-else", this run of "${result.project}"`);
    expect(r.stderr).toContain(
      `carve: baseline: the baseline was made with other settings (config hash 0123456789abcdef, now ${result.configHash})`,
    );
    writeFileSync(path.join(dir, 'same.json'), JSON.stringify(result));
    const same = runCli(['analyze', repo, '--json', '--no-cache', '--baseline', 'same.json'], dir);
    expect(same.code).toBe(0);
    expect(same.stderr).not.toContain('carve: baseline:');
    expect(readFileSync(path.join(dir, 'same.json'), 'utf8')).toBe(JSON.stringify(result));
  });
});
