/** A small Mermaid flowchart of a service map: services as boxes, their tables as cylinders, dependencies as arrows. */
import type { ServiceMap } from '../model/check-result.js';

/** Mermaid ids must be plain; labels are quoted, with `"` as an entity. */
const nodeId = (prefix: string, name: string, i: number): string => `${prefix}${i}_${name.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 40)}`;
const label = (s: string): string => `"${s.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'))}"`;

export interface MermaidOptions {
  /** Draw each service's tables as a second node shape. */
  tables: boolean;
  /** Keep the heaviest dependencies only (the rest are counted in a comment). */
  maxDependencies?: number;
  /** Keep the most connected services only. */
  maxServices?: number;
}

/** The `max` services with the heaviest dependencies in and out (ties by name). */
function mostConnected(map: ServiceMap, max: number): Set<string> {
  const weight = new Map(map.services.map((s) => [s.name, 0]));
  for (const d of map.dependencies) {
    const w = d.weight + d.tables.length;
    weight.set(d.from, (weight.get(d.from) ?? 0) + w);
    weight.set(d.to, (weight.get(d.to) ?? 0) + w);
  }
  return new Set(
    [...weight]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, max)
      .map(([name]) => name),
  );
}

export function mermaidServiceMap(full: ServiceMap, options: MermaidOptions): string[] {
  const lines = ['flowchart LR'];
  let map = full;
  if (options.maxServices !== undefined && full.services.length > options.maxServices) {
    const keep = mostConnected(full, options.maxServices);
    map = {
      ...full,
      services: full.services.filter((s) => keep.has(s.name)),
      dependencies: full.dependencies.filter((d) => keep.has(d.from) && keep.has(d.to)),
    };
    lines.push(`  %% the ${keep.size} most connected of ${full.services.length} services`);
  }
  const ids = new Map(map.services.map((s, i) => [s.name, nodeId('s', s.name, i)]));
  for (const s of map.services) lines.push(`  ${ids.get(s.name)}[${label(`${s.name} (${s.files} files)`)}]`);
  if (options.tables) {
    let i = 0;
    for (const s of map.services)
      for (const t of s.tables) {
        const id = nodeId('t', t, i++);
        lines.push(`  ${id}[(${label(t)})]`, `  ${ids.get(s.name)} --- ${id}`);
      }
  }
  const deps = [...map.dependencies].sort((a, b) => b.weight + b.tables.length - (a.weight + a.tables.length) || 0);
  const shown = options.maxDependencies === undefined ? deps : deps.slice(0, options.maxDependencies);
  for (const d of shown) {
    const text = [
      d.weight ? `${Math.round(d.weight)}` : '',
      d.tables.length ? `${d.tables.length} table${d.tables.length === 1 ? '' : 's'}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(`  ${ids.get(d.from)} -->${text ? `|${label(text)}|` : ''} ${ids.get(d.to)}`);
  }
  if (shown.length < deps.length) lines.push(`  %% ${deps.length - shown.length} lighter dependencies left out`);
  return lines;
}
