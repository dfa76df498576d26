/** Assemble the AnalysisResult from the stages' outputs: sorted, relative, free of timestamps. */
import path from 'node:path';
import type { AccessResult } from './access/index.js';
import type { ResolvedConfig } from './config/load-config.js';
import type { Discovery } from './discover/index.js';
import type { Extracted } from './extract/index.js';
import type { Linked } from './link/index.js';
import { compareStrings } from './util/sort.js';
import { EDGE_KINDS, SCHEMA_VERSION, type AnalysisResult, type EdgeKind } from './model/result.js';
import { TOOL_VERSION } from './model/tool-version.js';

export interface ResultParts {
  config: ResolvedConfig;
  found: Discovery;
  extracted: Extracted;
  linked: Linked;
  access: AccessResult;
}

export function buildResult({ config, found, extracted, linked, access }: ResultParts): Omit<AnalysisResult, 'decomposition'> {
  const edgesByKind = Object.fromEntries(EDGE_KINDS.map((k) => [k, 0])) as Record<EdgeKind, number>;
  for (const e of linked.edges) edgesByKind[e.kind]++;
  const skipped = [...found.skipped, ...extracted.skipped].sort((a, b) => compareStrings(a.path, b.path));
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'carve', version: TOOL_VERSION },
    configHash: config.hash,
    project: path.basename(config.root),
    summary: {
      files: linked.units.length,
      lines: linked.units.reduce((s, u) => s + u.lines, 0),
      skipped,
      parseErrors: extracted.facts.filter((f) => f.parseErrors > 0).map((f) => ({ path: f.path, diagnostics: f.parseErrors })),
      edgesByKind,
      unresolvedImports: linked.unresolvedImports.length,
      assetImports: linked.assetImports,
      externalPackages: linked.externalPackages,
      tsconfigs: found.tsconfigs.map((t) => t.file),
      workspaces: found.workspaces.map((w) => ({ name: w.name, path: w.dir })),
      entryPoints: linked.units.reduce((s, u) => s + u.entryPoints.length, 0),
      unresolvedTopics: linked.units.reduce((s, u) => s + u.entryPoints.filter((e) => e.topicRef).length, 0),
    },
    units: linked.units,
    edges: linked.edges,
    unresolvedImports: linked.unresolvedImports,
    tables: access.tables,
    relations: access.relations,
    accesses: access.accesses,
    unresolvedAccesses: access.unresolvedAccesses,
    transactions: access.transactions,
    flows: linked.flows,
    adapters: access.adapters,
    accessCoverage: access.coverage,
    problems: [...found.problems, ...linked.problems, ...access.problems].sort(
      (a, b) => compareStrings(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0),
    ),
  };
}
