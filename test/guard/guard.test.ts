import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGuard } from '../../src/guard/check-guard.js';
import type { AnalysisResult } from '../../src/model/result.js';
import { runCli } from '../helpers/cli.js';
import { writeProject } from '../helpers/project.js';

function result(coupling: number, multiWriter: string[], unresolved: number): AnalysisResult {
  return {
    summary: { unresolvedImports: unresolved },
    decomposition: {
      services: [],
      verdict: { kind: 'split', reasons: [] },
      metrics: { sharedDatabaseCoupling: coupling, icp: 0.2, sharedDatabase: { multiWriterTables: multiWriter, sagaCandidates: [] } },
    },
  } as unknown as AnalysisResult;
}

describe('CI guard', () => {
  it('reports each threshold exceeded, and nothing at or under it', () => {
    const r = result(0.42, ['default:orders', 'default:users'], 0);
    expect(checkGuard(r, { sharedDatabaseCoupling: 0.42, multiWriterTables: 2 })).toEqual([]);
    expect(checkGuard(r, { sharedDatabaseCoupling: 0.4, multiWriterTables: 1, icp: 0.5 })).toEqual([
      { metric: 'sharedDatabaseCoupling', value: 0.42, limit: 0.4, source: 'threshold' },
      { metric: 'multiWriterTables', value: 2, limit: 1, source: 'threshold' },
    ]);
  });

  it('ratchets against a baseline: worse fails, equal or better passes', () => {
    const before = result(0.3, ['default:orders'], 1);
    expect(checkGuard(result(0.3, ['default:orders'], 1), {}, before)).toEqual([]);
    expect(checkGuard(result(0.2, [], 0), {}, before)).toEqual([]);
    expect(checkGuard(result(0.35, ['default:orders'], 2), {}, before).map((f) => f.metric)).toEqual([
      'sharedDatabaseCoupling',
      'unresolvedImports',
    ]);
  });

  it('exits 1 from the CLI when a threshold or the baseline is exceeded, 0 otherwise', () => {
    const files = {
      'tsconfig.json': '{}',
      'src/a.ts': "import { b } from './b';\nexport const a = b;\n",
      'src/b.ts': 'export const b = 1;\n',
    };
    const dir = writeProject(files);
    const baseline = path.join(dir, 'baseline.json');
    const first = runCli(['analyze', dir, '--json', '--no-cache']);
    expect(first.code).toBe(0);
    writeFileSync(baseline, first.stdout);

    writeFileSync(path.join(dir, 'src/c.ts'), "import { gone } from './gone';\nexport const c = gone;\n");
    const worse = runCli(['analyze', dir, '--json', '--no-cache', '--baseline', baseline]);
    expect(worse.code).toBe(1);
    expect(worse.stderr).toContain('carve: worse than baseline: unresolvedImports 0 → 1');

    writeFileSync(path.join(dir, 'carve.config.json'), JSON.stringify({ thresholds: { unresolvedImports: 0 } }));
    const over = runCli(['analyze', dir, '--no-cache', '--out', path.join(dir, 'out')]);
    expect(over.code).toBe(1);
    expect(over.stdout).toContain('over threshold: unresolvedImports 1 > 0');

    writeFileSync(path.join(dir, 'carve.config.json'), JSON.stringify({ thresholds: { unresolvedImports: 1 } }));
    expect(runCli(['analyze', dir, '--json', '--no-cache']).code).toBe(0);
    expect(runCli(['analyze', dir, '--json', '--no-cache', '--baseline', path.join(dir, 'missing.json')]).code).toBe(2);
  });
});
