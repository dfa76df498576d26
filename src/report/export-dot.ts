/** A Graphviz digraph of a decomposition at service level: services as boxes, their tables as cylinders. */
import type { DecompositionExport } from '../model/check-result.js';

/** A DOT double-quoted string: backslashes and quotes escaped, no raw newlines. */
const q = (s: string): string =>
  `"${s
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ')}"`;

export function formatDot(d: DecompositionExport): string {
  const lines = [
    'digraph carve {',
    '  rankdir=LR;',
    '  node [shape=box, fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  for (const s of d.services) {
    lines.push(`  ${q(`service:${s.name}`)} [label=${q(`${s.name} (${s.units.length} files)`)}];`);
    for (const t of s.tables) {
      lines.push(
        `  ${q(`table:${t}`)} [shape=cylinder, label=${q(t.replace(/^default:/, ''))}];`,
        `  ${q(`service:${s.name}`)} -> ${q(`table:${t}`)} [arrowhead=none, style=dashed];`,
      );
    }
  }
  for (const dep of d.dependencies) {
    const label = [
      dep.weight ? String(Math.round(dep.weight)) : '',
      dep.tables.length ? `${dep.tables.length} table${dep.tables.length === 1 ? '' : 's'}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(`  ${q(`service:${dep.from}`)} -> ${q(`service:${dep.to}`)}${label ? ` [label=${q(label)}]` : ''};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
