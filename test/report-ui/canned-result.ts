/**
 * Canned analysis results for the report tests: a small hand-made monolith,
 * and a synthetic one of any size (seeded, so every run builds the same one).
 */
import type { Decomposition } from '../../src/model/decomposition.js';
import { EDGE_KINDS, SCHEMA_VERSION, type Access, type AnalysisResult, type Edge, type Unit } from '../../src/model/result.js';
import { scoreDecomposition } from '../../src/score/score-decomposition.js';
import { compareStrings } from '../../src/util/sort.js';

const folderOf = (id: string): string => id.slice(0, id.lastIndexOf('/'));

function unit(id: string, lines: number, entryPoints: Unit['entryPoints'] = []): Unit {
  return { id, folder: folderOf(id), lines, tags: [], entryPoints };
}

function shell(project: string, units: Unit[], edges: Edge[]): AnalysisResult {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'carve', version: '0.0.0-test' },
    configHash: 'test',
    project,
    summary: {
      files: units.length,
      lines: units.reduce((sum, u) => sum + u.lines, 0),
      skipped: [],
      parseErrors: [],
      edgesByKind: Object.fromEntries(
        EDGE_KINDS.map((k) => [k, edges.filter((e) => e.kind === k).length]),
      ) as AnalysisResult['summary']['edgesByKind'],
      unresolvedImports: 0,
      assetImports: 0,
      externalPackages: [],
      tsconfigs: [],
      workspaces: [],
      entryPoints: units.reduce((sum, u) => sum + u.entryPoints.length, 0),
    },
    units,
    edges,
    unresolvedImports: [],
    tables: [],
    relations: [],
    accesses: [],
    unresolvedAccesses: [],
    transactions: [],
    flows: [],
    adapters: [],
    problems: [],
  };
}

/** Adds a decomposition whose recorded metrics are the engine's for that assignment. */
export function withDecomposition(result: AnalysisResult, decomposition: Omit<Decomposition, 'metrics'>): AnalysisResult {
  const assignment = { services: decomposition.services, shared: (decomposition.shared ?? []).map((s) => s.unit) };
  return { ...result, decomposition: { ...decomposition, metrics: scoreDecomposition(result, assignment) } };
}

/** Orders, billing and catalog sharing a database the way real monoliths do. */
export function shopResult(): AnalysisResult {
  const units = [
    unit('src/orders/orders.controller.ts', 80, [
      { kind: 'http', framework: 'nestjs', method: 'POST', route: '/orders', symbol: 'OrdersController.create', line: 12 },
    ]),
    unit('src/orders/orders.service.ts', 140),
    unit('src/orders/order.repository.ts', 60),
    unit('src/billing/billing.service.ts', 120),
    unit('src/billing/invoice.repository.ts', 50),
    unit('src/billing/billing.controller.ts', 40, [
      { kind: 'http', framework: 'nestjs', method: 'GET', route: '/invoices/:id', symbol: 'BillingController.get', line: 9 },
    ]),
    unit('src/catalog/catalog.service.ts', 90),
    unit('src/catalog/product.repository.ts', 45),
    unit('src/shared/db.ts', 20),
  ];
  const edge = (from: string, to: string, weight: number, symbols: string[]): Edge => ({ from, to, kind: 'import', weight, symbols });
  const edges = [
    edge('src/orders/orders.controller.ts', 'src/orders/orders.service.ts', 3, ['OrdersService']),
    edge('src/orders/orders.service.ts', 'src/orders/order.repository.ts', 3, ['OrderRepository']),
    edge('src/orders/orders.service.ts', 'src/billing/billing.service.ts', 2, ['BillingService']),
    edge('src/orders/orders.service.ts', 'src/catalog/catalog.service.ts', 2, ['CatalogService']),
    edge('src/billing/billing.controller.ts', 'src/billing/billing.service.ts', 3, ['BillingService']),
    edge('src/billing/billing.service.ts', 'src/billing/invoice.repository.ts', 3, ['InvoiceRepository']),
    edge('src/catalog/catalog.service.ts', 'src/catalog/product.repository.ts', 3, ['ProductRepository']),
    edge('src/orders/order.repository.ts', 'src/shared/db.ts', 1, ['db']),
    edge('src/billing/invoice.repository.ts', 'src/shared/db.ts', 1, ['db']),
    edge('src/catalog/product.repository.ts', 'src/shared/db.ts', 1, ['db']),
  ].sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
  const result = shell('shop', units, edges);
  const table = (name: string): AnalysisResult['tables'][number] => ({ id: `db:${name}`, store: 'db', name, orm: 'prisma' });
  result.tables = [table('invoices'), table('orders'), table('products')];
  result.relations = [{ from: 'db:invoices', to: 'db:orders', kind: 'many-to-one', field: 'orderId', orm: 'prisma' }];
  const access = (
    u: string,
    symbol: string,
    t: string,
    mode: 'read' | 'write',
    line: number,
    via: string,
  ): AnalysisResult['accesses'][number] => ({
    unit: u,
    symbol,
    table: `db:${t}`,
    mode,
    count: 1,
    lines: [line],
    orm: 'prisma',
    via,
    propagated: false,
  });
  result.accesses = [
    access('src/billing/billing.service.ts', 'BillingService.settle', 'orders', 'write', 30, 'prisma.order.update'),
    access('src/billing/invoice.repository.ts', 'InvoiceRepository.create', 'invoices', 'write', 12, 'prisma.invoice.create'),
    access('src/catalog/product.repository.ts', 'ProductRepository.find', 'products', 'read', 8, 'prisma.product.findMany'),
    access('src/orders/order.repository.ts', 'OrderRepository.find', 'orders', 'read', 10, 'prisma.order.findMany'),
    access('src/orders/order.repository.ts', 'OrderRepository.save', 'orders', 'write', 20, 'prisma.order.create'),
    access('src/orders/orders.service.ts', 'OrdersService.place', 'products', 'write', 44, 'prisma.product.update'),
  ];
  result.transactions = [
    {
      id: 'src/orders/orders.service.ts:40',
      unit: 'src/orders/orders.service.ts',
      symbol: 'OrdersService.place',
      line: 40,
      orm: 'prisma',
      kind: 'prisma.$transaction',
      tables: [
        { table: 'db:orders', mode: 'write', propagated: true },
        { table: 'db:products', mode: 'write', propagated: false },
      ],
    },
  ];
  return withDecomposition(result, {
    services: [
      { name: 'billing', units: units.filter((u) => u.folder === 'src/billing').map((u) => u.id), tables: ['db:invoices'] },
      { name: 'catalog', units: units.filter((u) => u.folder === 'src/catalog').map((u) => u.id), tables: ['db:products'] },
      { name: 'orders', units: units.filter((u) => u.folder === 'src/orders').map((u) => u.id), tables: ['db:orders'] },
    ],
    shared: [{ unit: 'src/shared/db.ts', reasons: ['used by every service'] }],
    verdict: { kind: 'split', reasons: ['three domains with little coupling', 'orders table is written by two services'] },
  });
}

/** mulberry32: a tiny seeded RNG, so synthetic monoliths are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A monolith of `files` files in `services` domains, ~`edgesPerFile` dependencies each, mostly within a domain. */
export function syntheticResult(files: number, services = 20, edgesPerFile = 10, seed = 7): AnalysisResult {
  const random = rng(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const units: Unit[] = [];
  for (let i = 0; i < files; i++) {
    const domain = i % services;
    units.push(unit(`src/domain-${domain}/part-${i % 7}/file-${i}.ts`, 20 + Math.floor(random() * 300)));
  }
  units.sort((a, b) => compareStrings(a.id, b.id));
  const byDomain = new Map<string, Unit[]>();
  for (const u of units) byDomain.set(u.id.split('/')[1], [...(byDomain.get(u.id.split('/')[1]) ?? []), u]);
  const edgeMap = new Map<string, Edge>();
  for (const u of units) {
    const own = byDomain.get(u.id.split('/')[1]) ?? [];
    for (let k = 0; k < edgesPerFile; k++) {
      const to = random() < 0.9 ? pick(own) : pick(units);
      if (to.id === u.id) continue;
      const key = `${u.id}\u0000${to.id}`;
      if (!edgeMap.has(key)) edgeMap.set(key, { from: u.id, to: to.id, kind: 'import', weight: 1, symbols: [`Sym${to.id.length}`] });
    }
  }
  const edges = Array.from(edgeMap.values()).sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
  const result = shell(`synthetic-${files}`, units, edges);
  const tableCount = services * 5;
  result.tables = Array.from({ length: tableCount }, (_, i) => ({
    id: `db:t${String(i).padStart(3, '0')}`,
    store: 'db',
    name: `t${String(i).padStart(3, '0')}`,
    orm: 'prisma',
  }));
  result.accesses = units
    .filter((_, i) => i % 4 === 0)
    .map((u): Access => {
      const domain = Number(u.id.split('/')[1].slice('domain-'.length));
      const t = random() < 0.85 ? domain * 5 + Math.floor(random() * 5) : Math.floor(random() * tableCount);
      return {
        unit: u.id,
        symbol: '<module>',
        table: result.tables[t].id,
        mode: random() < 0.5 ? 'read' : 'write',
        count: 1,
        lines: [1],
        orm: 'prisma',
        via: 'prisma',
        propagated: false,
      };
    })
    .sort((a, b) => compareStrings(a.unit, b.unit));
  const names = Array.from(byDomain.keys()).sort(compareStrings);
  return withDecomposition(result, {
    services: names.map((name) => ({
      name,
      units: (byDomain.get(name) ?? []).map((u) => u.id),
      tables: result.tables.filter((_, i) => Math.floor(i / 5) === Number(name.slice('domain-'.length))).map((t) => t.id),
    })),
    verdict: { kind: 'split', reasons: ['synthetic'] },
  });
}
