/**
 * Every score of a decomposition, for any assignment of units and tables to
 * services. Pure and browser-safe (no Node imports): the browser report calls
 * it after each edit, so its figures are the engine's own.
 */
import { buildGraph } from '../graph/build-graph.js';
import { isTableNode, nodeId } from '../graph/weighted-graph.js';
import type { Weights } from '../graph/weights.js';
import { resolveWeights } from '../graph/weights.js';
import type {
  Assignment,
  DecompositionMetrics,
  IntegrationAdvice,
  MigrationStep,
  SagaPlan,
  ServiceContract,
} from '../model/decomposition.js';
import { indexAssignment, type ScoreInput } from './assignment-index.js';
import { dataCoverage } from './data-coverage.js';
import { codeLinks } from './code-links.js';
import { contracts } from './contracts.js';
import { interCallPercentage } from './icp.js';
import { interfaceNumber } from './ifn.js';
import { integrationAdvice } from './integration.js';
import { migrationPlan } from './migration-plan.js';
import { useCaseSagas } from './use-case-sagas.js';
import { newmanModularity } from './modularity.js';
import { DEFAULT_NED_BOUNDS, nonExtremeDistribution } from './ned.js';
import { serviceMetrics } from './service-metrics.js';
import { sharedDatabaseMetrics } from './shared-database.js';
import { sizeBalance } from './size-balance.js';
import { structuralModularity } from './structural-modularity.js';

export type { Assignment, DecompositionMetrics } from '../model/decomposition.js';
export type { ScoreInput } from './assignment-index.js';

export interface ScoreConfig {
  weights?: Partial<Weights>;
  /** Service sizes (in units) NED counts as non-extreme. */
  nedBounds?: [number, number];
}

export function scoreDecomposition(result: ScoreInput, assignment: Assignment, config: ScoreConfig = {}): DecompositionMetrics {
  const weights = resolveWeights(config.weights);
  const index = indexAssignment(result, assignment);
  const graph = buildGraph(result, config.weights);
  const links = codeLinks(result, index, weights);
  const coverage = dataCoverage(result.accessCoverage);
  const db = { ...sharedDatabaseMetrics(result, index), ...(coverage ? { coverage } : {}) };
  const perService = serviceMetrics(result, assignment, index, graph, links, db);

  const communityOf = (node: string): string | undefined =>
    isTableNode(node) ? index.ownerOfTable.get(nodeId(node)) : index.serviceOfUnit.get(nodeId(node));
  const sizes = new Map(perService.map((s) => [s.name, s.files]));
  const interfaces = new Map([...links.interfaces].map(([name, m]) => [name, new Set(m.keys())]));

  return {
    services: assignment.services.length,
    sharedUnits: countUnits(result, assignment.shared),
    modularity: newmanModularity(graph.edges(), communityOf),
    structuralModularity: structuralModularity(sizes, links.unitPairs),
    icp: interCallPercentage(links.links),
    ifn: interfaceNumber(index.names, interfaces),
    ned: nonExtremeDistribution([...sizes.values()], config.nedBounds ?? DEFAULT_NED_BOUNDS),
    sizeBalance: sizeBalance([...sizes.values()]),
    sharedDatabaseCoupling: db.score,
    perService,
    sharedDatabase: db,
  };
}

function countUnits(result: ScoreInput, ids: readonly string[]): number {
  const units = new Set(result.units.map((u) => u.id));
  return ids.filter((id) => units.has(id)).length;
}

export interface DecompositionPlan {
  integration: IntegrationAdvice[];
  contracts: ServiceContract[];
  sagas: SagaPlan[];
  migration: MigrationStep[];
}

/** How the services would talk after the split, the contracts to test first, and the extraction order. */
export function planDecomposition(
  result: ScoreInput,
  assignment: Assignment,
  metrics: DecompositionMetrics,
  config: ScoreConfig = {},
): DecompositionPlan {
  const index = indexAssignment(result, assignment);
  const links = codeLinks(result, index, resolveWeights(config.weights));
  const integration = integrationAdvice(result, index, links, metrics);
  const sagas = useCaseSagas(result, index);
  const tests = contracts(metrics);
  return {
    integration,
    contracts: tests,
    sagas,
    migration: migrationPlan({ metrics, links, integration, sagas, contracts: tests }),
  };
}
