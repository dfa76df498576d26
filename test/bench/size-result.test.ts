import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import type { Machine } from '../../bench/machine.js';
import { median } from '../../bench/measure.js';
import { summarise, type SizeRuns } from '../../bench/size-result.js';
import type { CarveRun } from '../../bench/tools.js';
import { pickTouched, touchText } from '../../bench/touch-files.js';

const machine: Machine = { cpu: 'test', cores: 2, memoryGb: 8, node: 'v20', platform: 'linux', loadAverage: 0 };
const carve = (wallMs: number, cpuMs: number, parse: number): CarveRun => ({
  wallMs,
  cpuMs,
  peakRssMb: wallMs / 10,
  stderr: '',
  phases: { discover: 10, parse, link: 20 },
  phaseRssPeakMb: { discover: 50, parse: wallMs / 10, link: wallMs / 10 },
  cache: { hits: 0, misses: 100 },
});

describe('summarise', () => {
  const runs: SizeRuns = {
    carveCommit: 'abc1234',
    machine,
    monolith: { files: 100, lines: 7000, domains: 1, seed: 1 },
    analysed: { files: 100, lines: 7000, edges: 300, unresolvedImports: 0, tables: 10, accesses: 50 },
    cold: [carve(1000, 900, 500), carve(1200, 1000, 700), carve(3000, 1100, 600)],
    startup: [{ wallMs: 200, cpuMs: 180, peakRssMb: 60, stderr: '' }],
    fill: carve(1100, 1000, 600),
    warm: [carve(300, 250, 5), carve(200, 150, 5), carve(250, 200, 5)],
    touchedFiles: 1,
    parseLimit: [400, 500, 600].map((ms) => ({ wallMs: ms, cpuMs: ms - 100, peakRssMb: 100, stderr: '', parseMs: ms - 200, nodes: 9 })),
    depcruise: [4000, 6000, 5000].map((ms) => ({ wallMs: ms, cpuMs: ms, peakRssMb: 300, stderr: '', modules: 100, dependencies: 200 })),
  };

  it('takes medians, the peak of peaks, and the wall time no phase explains as `other`', () => {
    const r = summarise(runs, new Date(0));
    expect(r.name).toBe('size-100');
    expect(r.carve.cold.wallMs).toBe(1200);
    expect(r.carve.cold.cpuMs).toBe(1000);
    expect(r.carve.cold.peakRssMb).toBe(300);
    expect([r.carve.cold.startupMs, r.carve.cold.startupCpuMs]).toEqual([200, 180]);
    expect(r.carve.cold.phasesMs).toEqual({ discover: 10, parse: 600, link: 20, other: 570 });
    expect(r.carve.cold.sharesPct.parse).toBe(50);
    expect(r.carve.cold.phaseRssPeakMb).toEqual({ discover: 50, parse: 300, link: 300 });
    expect(r.carve.warm.pctOfCold).toBe(20.8);
    expect(r.parseLimit).toMatchObject({ wallMs: 500, cpuMs: 400, inProcessMs: 300 });
    expect(r.ratios).toEqual({
      carveToParseLimit: 2.4,
      carveToDepcruise: 0.24,
      warmToCold: 0.21,
      cpu: { carveToParseLimit: 2.5, carveToDepcruise: 0.2, warmToCold: 0.2 },
    });
  });

  it('names a real repository’s row by its recipe and keeps where it came from', () => {
    const source = { name: 'gauzy', repo: 'o/gauzy', commit: 'c'.repeat(40), path: 'packages/core' };
    const r = summarise({ ...runs, source }, new Date(0));
    expect(r.name).toBe('real-gauzy');
    expect(r.source).toEqual(source);
    expect(summarise(runs, new Date(0)).source).toBeUndefined();
  });

  it('keeps carve’s numbers when dependency-cruiser did not finish, with no ratio to it', () => {
    const r = summarise({ ...runs, depcruise: [], depcruiseFailure: 'killed after 8.0 min (--timeout)' }, new Date(0));
    expect(r.depcruise).toEqual({ failed: 'killed after 8.0 min (--timeout)' });
    expect([r.ratios.carveToDepcruise, r.ratios.cpu.carveToDepcruise]).toEqual([null, null]);
    expect(r.ratios.carveToParseLimit).toBe(2.4);
  });

  it('takes the mean of the middle two for an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('the warm run edit', () => {
  const files = Array.from({ length: 450 }, (_, i) => `src/f${String(i).padStart(3, '0')}.ts`);

  it('touches 1% of the files (at least one), the same ones for a seed', () => {
    expect(pickTouched(files, 1)).toHaveLength(5);
    expect(pickTouched(files.slice(0, 20), 1)).toHaveLength(1);
    expect(pickTouched([...files].reverse(), 1)).toEqual(pickTouched(files, 1));
    expect(pickTouched(files, 2)).not.toEqual(pickTouched(files, 1));
  });

  it('changes the text differently each round, and keeps it valid TypeScript', () => {
    const original = 'export const a = 1;\n';
    expect(touchText(original, 1)).not.toBe(touchText(original, 2));
    const source = ts.createSourceFile('x.ts', touchText(original, 3), ts.ScriptTarget.Latest);
    expect((source as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics).toEqual([]);
    expect(source.statements).toHaveLength(2);
  });
});
