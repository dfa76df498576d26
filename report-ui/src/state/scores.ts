/**
 * Live scores. The browser runs the engine's own scoring module on the draft
 * (bundled by esbuild), so a score here is exactly what `carve analyze`
 * computes for the same assignment.
 */
import type { DecompositionMetrics } from '../../../src/model/decomposition.js';
import type { AnalysisResult } from '../../../src/model/result.js';
import { planDecomposition, scoreDecomposition, type DecompositionPlan } from '../../../src/score/score-decomposition.js';
import { scoreInput, type Draft } from './draft.js';

export interface Score {
  key: string;
  label: string;
  value: number;
  /** +1 when higher is better, -1 when lower is better, 0 when neither. */
  better: 1 | -1 | 0;
  hint: string;
}

type Headline = [key: string, label: string, better: Score['better'], hint: string, read: (m: DecompositionMetrics) => number];

const HEADLINES: Headline[] = [
  ['modularity', 'Modularity', 1, 'Newman modularity of the services on the dependency and data graph', (m) => m.modularity],
  [
    'sharedDatabaseCoupling',
    'Shared-DB coupling',
    -1,
    'Weighted share of data access that crosses table ownership',
    (m) => m.sharedDatabaseCoupling,
  ],
  ['sharedTables', 'Shared tables', -1, 'Tables touched by more than one service', (m) => m.sharedDatabase.sharedTables.length],
  [
    'multiWriterTables',
    'Multi-writer tables',
    -1,
    'Tables written by more than one service',
    (m) => m.sharedDatabase.multiWriterTables.length,
  ],
  ['sagaCandidates', 'Saga candidates', -1, 'Transactions that would span services', (m) => m.sharedDatabase.sagaCandidates.length],
  [
    'crossServiceRelations',
    'Cross-service FKs',
    -1,
    'Foreign keys between tables of different services',
    (m) => m.sharedDatabase.crossServiceRelations.length,
  ],
  ['icp', 'ICP', -1, 'Inter-call percentage: share of code dependency weight crossing services', (m) => m.icp],
  ['ifn', 'IFN', -1, 'Interface number: mean symbols a service exposes to others', (m) => m.ifn],
  [
    'structuralModularity',
    'Structural modularity',
    1,
    'Cohesion within services against coupling between them',
    (m) => m.structuralModularity,
  ],
  ['ned', 'NED', -1, 'Share of units in services of extreme size', (m) => m.ned],
  ['sizeBalance', 'Size balance', 1, '1 − Gini of service sizes', (m) => m.sizeBalance],
  ['services', 'Services', 0, 'Number of services', (m) => m.services],
  ['sharedUnits', 'Shared kernel files', 0, 'Files kept out of every service', (m) => m.sharedUnits],
];

export function headlineScores(metrics: DecompositionMetrics): Score[] {
  return HEADLINES.map(([key, label, better, hint, read]) => ({ key, label, better, hint, value: read(metrics) }));
}

export function scoreDraft(result: AnalysisResult, draft: Draft): DecompositionMetrics {
  return scoreDecomposition(result, scoreInput(draft));
}

export function planDraft(result: AnalysisResult, draft: Draft, metrics: DecompositionMetrics): DecompositionPlan {
  return planDecomposition(result, scoreInput(draft), metrics);
}
