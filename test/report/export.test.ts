/** `carve export`: the decomposition as CML (parsed back), Mermaid, DOT and JSON; `carve init --boundaries` adopts it. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport, DecompositionExport } from '../../src/model/check-result.js';
import { runCli } from '../helpers/cli.js';
import { shopWithBoundaries } from '../helpers/shop-boundaries.js';

interface ParsedCml {
  contains: string[];
  contexts: Map<string, string[]>; // context → aggregates
  relationships: { left: string; leftRole: string; arrow: string; rightRole: string; right: string }[];
}

/** Just enough of a Context Mapper CML parser: blocks by brace depth, the `contains` list, relationship lines. */
function parseCml(text: string): ParsedCml {
  const body = text.replace(/\/\*[\s\S]*?\*\//g, '');
  const contexts = new Map<string, string[]>();
  const relationships: ParsedCml['relationships'] = [];
  let contains: string[] = [];
  const stack: { kind: string; name: string }[] = [];
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const open = /^(ContextMap|BoundedContext|Aggregate|Entity)\s+([A-Za-z_][A-Za-z0-9_]*)\s*\{$/.exec(line);
    const rel = /^([A-Za-z_]\w*)\s*\[(SK|U|S)\](<->|->)\[(SK|D|C)\]\s*([A-Za-z_]\w*)\s*\{?$/.exec(line);
    if (open) {
      stack.push({ kind: open[1], name: open[2] });
      if (open[1] === 'BoundedContext') contexts.set(open[2], []);
      if (open[1] === 'Aggregate') contexts.get(stack.find((s) => s.kind === 'BoundedContext')!.name)!.push(open[2]);
    } else if (rel && stack.at(-1)?.kind === 'ContextMap') {
      relationships.push({ left: rel[1], leftRole: rel[2], arrow: rel[3], rightRole: rel[4], right: rel[5] });
      stack.push({ kind: 'Relationship', name: '' });
    } else if (line.startsWith('contains ')) contains = line.slice('contains '.length).split(/\s*,\s*/);
    else if (line === '}') {
      if (!stack.pop()) throw new Error('unbalanced }');
    } else if (!/^(type|state|implementationTechnology|domainVisionStatement)\s*=|^aggregateRoot$/.test(line))
      throw new Error(`unexpected CML line: ${line}`);
  }
  if (stack.length) throw new Error('unclosed block');
  return { contains, contexts, relationships };
}

describe('carve export', () => {
  let dir: string;
  let json: DecompositionExport;
  beforeAll(() => {
    dir = shopWithBoundaries();
    const r = runCli(['export', dir, '--format', 'json', '--no-cache']);
    expect(r.code).toBe(0);
    json = JSON.parse(r.stdout) as DecompositionExport;
  });

  it('json holds the declared boundaries with their files, tables and dependencies', () => {
    expect(json.source).toBe('boundaries');
    expect(json.services.map((s) => s.name)).toEqual(['carts', 'catalog', 'customers', 'orders', 'payments', 'shipping']);
    expect(json.services.find((s) => s.name === 'orders')!.tables).toEqual(['default:order_items', 'default:orders']);
    expect(json.dependencies).toContainEqual(expect.objectContaining({ from: 'orders', to: 'carts', declared: true }));
    expect(json.dependencies).toContainEqual(
      expect.objectContaining({ from: 'shipping', to: 'orders', tables: ['default:orders'], declared: false }),
    );
  });

  it('CML parses back: one bounded context per service with its tables, relationships from the dependencies', () => {
    const r = runCli(['export', dir, '--format', 'cml', '--no-cache']);
    expect(r.code).toBe(0);
    const cml = parseCml(r.stdout);
    expect(cml.contains).toEqual(['Carts', 'Catalog', 'Customers', 'Orders', 'Payments', 'Shipping']);
    expect([...cml.contexts.keys()]).toEqual(cml.contains);
    expect(cml.contexts.get('Orders')).toEqual(['OrderItems', 'Orders']);
    expect(cml.contexts.get('Shipping')).toEqual(['Shipments']);
    for (const rel of cml.relationships) expect(cml.contexts.has(rel.left) && cml.contexts.has(rel.right)).toBe(true);
    // orders declares carts in dependsOn: customer-supplier, carts supplies; shipping writes orders undeclared: upstream-downstream.
    expect(cml.relationships).toContainEqual({ left: 'Carts', leftRole: 'S', arrow: '->', rightRole: 'C', right: 'Orders' });
    expect(cml.relationships).toContainEqual({ left: 'Orders', leftRole: 'U', arrow: '->', rightRole: 'D', right: 'Shipping' });
    // orders.orders is read by catalog and shipping too: a shared kernel between the services touching it.
    expect(cml.relationships).toContainEqual({ left: 'Orders', leftRole: 'SK', arrow: '<->', rightRole: 'SK', right: 'Shipping' });
    const expectedRelationships =
      json.dependencies.length +
      new Set(json.sharedTables.flatMap((t) => t.services.flatMap((a, i) => t.services.slice(i + 1).map((b) => `${a}|${b}`)))).size;
    expect(cml.relationships).toHaveLength(expectedRelationships);
  });

  it('mermaid and dot draw services and tables as two node shapes with the dependencies', () => {
    const mermaid = runCli(['export', dir, '--format', 'mermaid', '--no-cache']).stdout;
    expect(mermaid.split('\n')[0]).toBe('flowchart LR');
    expect(mermaid).toContain('s3_orders["orders (11 files)"]');
    expect(mermaid).toMatch(/ {2}t\d+_default_orders\[\("default:orders"\)\]\n {2}s3_orders --- t\d+_default_orders/);
    const dot = runCli(['export', dir, '--format', 'dot', '--no-cache']).stdout;
    expect(dot.startsWith('digraph carve {\n')).toBe(true);
    expect(dot).toContain('"service:orders" [label="orders (11 files)"];');
    expect(dot).toContain('"table:default:orders" [shape=cylinder, label="orders"];');
    expect(dot).toMatch(/"service:shipping" -> "service:orders" \[label="1 table"\];/);
    expect(dot.split('\n').filter((l) => l.includes('-> "service:')).length).toBe(json.dependencies.length);
  });

  it('an unknown format is a usage error', () => {
    const r = runCli(['export', dir, '--format', 'svg', '--no-cache']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('carve: --format: "svg" is not one of cml, mermaid, dot, json');
  });
});

describe('carve init --boundaries', () => {
  it("declares carve's proposal, which carve check then holds; the report's decomposition export is read back too", () => {
    const dir = shopWithBoundaries({});
    const exists = runCli(['init', dir, '--boundaries']);
    expect(exists.code).toBe(2);
    expect(exists.stderr).toContain('exists — pass --force');
    const proposal = JSON.parse(runCli(['export', dir, '--format', 'json', '--no-cache']).stdout) as DecompositionExport;
    expect(proposal.source).toBe('proposal');

    const r = runCli(['init', dir, '--boundaries', '--force']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote 6 boundaries to .*carve\.config\.json \(from carve's proposal\)/);
    const config = JSON.parse(readFileSync(path.join(dir, 'carve.config.json'), 'utf8')) as {
      boundaries: Record<string, { paths: string[] }>;
    };
    expect(Object.keys(config.boundaries)).toEqual(proposal.services.map((s) => s.name));
    expect(config.boundaries.shipping.paths).toEqual(['src/shipping/**']);
    const check = runCli(['check', dir, '--format', 'json', '--no-cache', '--quiet', '--update-baseline']);
    expect(check.code).toBe(0);
    const report = JSON.parse(check.stdout) as CheckReport;
    expect(report.map.services.map((s) => [s.name, s.files])).toEqual(proposal.services.map((s) => [s.name, s.units.length]));

    // The report's "Decomposition JSON": one file moved to another service.
    const edited = { services: proposal.services.map((s) => ({ ...s })), shared: proposal.shared };
    const [a, b] = edited.services;
    b.units = [...b.units, a.units[0]].sort();
    a.units = a.units.slice(1);
    const file = path.join(dir, 'decomposition.json');
    writeFileSync(file, JSON.stringify(edited));
    expect(runCli(['init', dir, '--boundaries', '--force', '--from', file]).code).toBe(0);
    const moved = JSON.parse(runCli(['export', dir, '--format', 'json', '--no-cache']).stdout) as DecompositionExport;
    expect(moved.services.find((s) => s.name === b.name)!.units).toEqual(b.units);
  }, 300_000);
});
