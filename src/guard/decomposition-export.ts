/** The decomposition as `carve export` writes it: declared boundaries when present, else carve's proposal. */
import type { CarveConfig } from '../config/options.js';
import type { DecompositionExport } from '../model/check-result.js';
import type { AnalysisResult } from '../model/result.js';
import { decompositionView } from './decomposition-view.js';

export function decompositionExport(result: AnalysisResult, options: Pick<CarveConfig, 'boundaries' | 'shared'>): DecompositionExport {
  const { assignment, map } = decompositionView(result, options);
  return {
    kind: 'carve-decomposition',
    version: 1,
    source: map.source,
    services: assignment.services,
    shared: assignment.shared,
    dependencies: map.dependencies,
    sharedTables: map.sharedTables,
  };
}
