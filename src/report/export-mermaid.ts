/** A Mermaid flowchart of a decomposition at service level, tables as cylinders. */
import type { DecompositionExport } from '../model/check-result.js';
import { mermaidServiceMap } from './mermaid-services.js';

export function formatMermaid(d: DecompositionExport): string {
  const map = {
    source: d.source,
    services: d.services.map((s) => ({ name: s.name, files: s.units.length, tables: s.tables })),
    dependencies: d.dependencies,
    sharedTables: d.sharedTables,
  };
  return `${mermaidServiceMap(map, { tables: true }).join('\n')}\n`;
}
