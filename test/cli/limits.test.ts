/** Values and sizes that used to crash carve or exhaust the machine are refused early, with the limit named. */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { writeProject } from '../helpers/project.js';

const code = { 'tsconfig.json': '{}', 'src/a.ts': "import { b } from './b';\nexport const a = b;\n", 'src/b.ts': 'export const b = 1;\n' };

function withConfig(text: string): ReturnType<typeof runCli> {
  const dir = writeProject({ ...code, 'carve.config.json': text });
  return runCli(['analyze', dir, '--json', '--no-cache']);
}

describe('numbers that would overflow to Infinity or NaN', () => {
  it.each([
    ['{ "weights": { "import": 1e308 } }', 'weights.import: Too big: expected number to be <=1000'],
    ['{ "weights": { "write": 1e400 } }', 'weights.write: Invalid input: expected number, received Infinity'],
    ['{ "resolution": 1e308 }', 'resolution: Too big: expected number to be <=100'],
    ['{ "resolution": -1e400 }', 'resolution: Invalid input: expected number, received -Infinity'],
    ['{ "thresholds": { "icp": 1e400 } }', 'thresholds.icp: Invalid input: expected number, received Infinity'],
    ['{ "thresholds": { "multiWriterTables": 1e308 } }', 'thresholds.multiWriterTables: Too big: expected int to be <=9007199254740991'],
    ['{ "seed": 1e300 }', 'seed: Too big: expected int to be <=9007199254740991'],
    ['{ "services": 1e9 }', 'services: Too big: expected number to be <=10000'],
  ])('%s is refused with the key and the limit', (config, message) => {
    const r = withConfig(config);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`carve: invalid config — carve.config.json: ${message}`);
    expect(r.stderr).not.toContain('internal error');
  });
});

describe('a huge config is refused before it is parsed into memory', () => {
  it('over 16 MB: refused by its size', () => {
    const dir = writeProject(code);
    const glob = '"src/**/x.ts",';
    writeFileSync(path.join(dir, 'carve.config.json'), `{ "exclude": [${glob.repeat(Math.ceil((17 * 1024 * 1024) / glob.length))} "y"] }`);
    const r = runCli(['analyze', dir, '--json', '--no-cache']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/carve: config .*carve\.config\.json is 17 MB; carve reads at most 16 MB/);
  });

  it('over 200,000 globs: refused by their count', () => {
    const r = withConfig(JSON.stringify({ shared: Array.from({ length: 250_001 }, (_, i) => `s${i % 10}`) }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/carve: config .*carve\.config\.json holds 250001 globs and ids; carve takes at most 200000/);
  });
});

describe('--workers', () => {
  it('over the documented maximum (64) is refused', () => {
    const dir = writeProject(code);
    const r = runCli(['analyze', dir, '--json', '--no-cache', '--workers', '94']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('carve: invalid config — command line: workers: Too big: expected number to be <=64');
  });

  it('more than the cores is cut to the cores, and said', () => {
    const cores = availableParallelism();
    const dir = writeProject(code);
    const r = runCli(['analyze', dir, '--json', '--no-cache', '--workers', String(cores + 1)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`carve: workers: ${cores + 1} is more than the ${cores} cores here; using ${cores}`);
  });
});
