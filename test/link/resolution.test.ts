import { describe, expect, it } from 'vitest';
import type { AnalysisResult, Edge } from '../../src/model/result.js';
import path from 'node:path';
import { analyze } from '../../src/analyze.js';
import { analyzeProject, writeProject } from '../helpers/project.js';

const edge = (r: AnalysisResult, from: string, to: string): Edge[] => r.edges.filter((e) => e.from === from && e.to === to);
const kinds = (r: AnalysisResult, from: string, to: string): string[] =>
  edge(r, from, to)
    .map((e) => e.kind)
    .sort();

describe('module resolution and barrels', () => {
  it('resolves tsconfig paths through an extends chain, with baseUrl', async () => {
    const r = await analyzeProject({
      'tsconfig.base.json': JSON.stringify({
        compilerOptions: {
          baseUrl: '.',
          paths: { '@shared/*': ['src/shared/*'], '@db': ['src/db/client.ts'], '@angular/*': ['node_modules/@angular/*'] },
        },
      }),
      // comments and trailing commas, as real tsconfigs have
      'tsconfig.json': '{\n  // app config\n  "extends": "./tsconfig.base.json",\n  "include": ["src"],\n}\n',
      'src/app.ts':
        "import { log } from '@shared/logger';\nimport { db } from '@db';\nimport { cfg } from 'src/config';\nimport { Component } from '@angular/core';\nlog(db, cfg, Component);\n",
      'src/shared/logger.ts': 'export const log = (...a: unknown[]) => a;\n',
      'src/db/client.ts': 'export const db = {};\n',
      'src/config.ts': 'export const cfg = {};\n',
      'scripts/outside.ts': 'export const notIncluded = 1;\n',
    });
    expect(kinds(r, 'src/app.ts', 'src/shared/logger.ts')).toEqual(['import']);
    expect(kinds(r, 'src/app.ts', 'src/db/client.ts')).toEqual(['import']);
    expect(kinds(r, 'src/app.ts', 'src/config.ts')).toEqual(['import']);
    expect(r.units.map((u) => u.id)).not.toContain('scripts/outside.ts'); // tsconfig include honoured
    expect(r.unresolvedImports).toEqual([]);
    expect(r.summary.externalPackages).toEqual(['@angular/core']); // an alias into node_modules is a dependency
  });

  it('follows a solution-style tsconfig to the configs it references for inclusion and paths', async () => {
    const r = await analyzeProject({
      'tsconfig.json': JSON.stringify({
        files: [],
        include: [],
        references: [{ path: './tsconfig.app.json' }, { path: './tsconfig.spec.json' }],
      }),
      'tsconfig.app.json': JSON.stringify({
        compilerOptions: { baseUrl: '.', paths: { '@app/*': ['src/app/*'] } },
        include: ['src/**/*.ts'],
      }),
      'tsconfig.spec.json': JSON.stringify({ include: ['src/**/*.spec.ts'] }),
      'src/main.ts': "import { routes } from '@app/routes';\nexport default routes;\n",
      'src/app/routes.ts': 'export const routes = [];\n',
      'tools/gen.ts': 'export const gen = 1;\n',
    });
    expect(r.units.map((u) => u.id)).toEqual(['src/app/routes.ts', 'src/main.ts']);
    expect(kinds(r, 'src/main.ts', 'src/app/routes.ts')).toEqual(['import']);
  });

  it('treats a declarations-only files list as no restriction, and never ends up with nothing to analyse', async () => {
    const r = await analyzeProject({
      'tsconfig.json': JSON.stringify({ files: ['definitions/type.d.ts'] }),
      'definitions/type.d.ts': 'declare const x: number;\n',
      'apps/api/main.ts': "import { x } from '../../libs/util';\nexport default x;\n",
      'libs/util.ts': 'export const x = 1;\n',
    });
    expect(r.units.map((u) => u.id)).toEqual(['apps/api/main.ts', 'libs/util.ts']);
    const nothing = await analyzeProject({ 'tsconfig.json': JSON.stringify({ include: ['src'] }), 'lib/a.ts': 'export const a = 1;\n' });
    expect(nothing.units.map((u) => u.id)).toEqual(['lib/a.ts']);
    expect(nothing.problems.map((p) => p.message)).toEqual(['include/files rules match no source file; analysing all source files']);
  });

  it('analysing a sub-folder treats aliases into the rest of the monorepo as dependencies', async () => {
    const repo = writeProject({
      'tsconfig.base.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@acme/common': ['libs/common/src/index.ts'] } } }),
      'apps/api/tsconfig.json': JSON.stringify({ extends: '../../tsconfig.base.json' }),
      'apps/api/src/main.ts': "import { util } from '@acme/common';\nexport default util;\n",
      'libs/common/src/index.ts': 'export const util = 1;\n',
    });
    const { result } = await analyze({ root: path.join(repo, 'apps/api'), overrides: { cache: false } });
    expect(result.units.map((u) => u.id)).toEqual(['src/main.ts']);
    expect(result.unresolvedImports).toEqual([]);
    expect(result.summary.externalPackages).toEqual(['@acme/common']);
  });

  it('sees through nested barrels, export * and renamed re-exports', async () => {
    const r = await analyzeProject({
      'tsconfig.json': '{}',
      'src/orders/order.service.ts': 'export class OrderService {}\n',
      'src/orders/order.types.ts': 'export interface Order { id: string }\n',
      'src/orders/internal/index.ts': "export * from '../order.service';\n",
      'src/orders/index.ts': "export * from './internal';\nexport type { Order as OrderShape } from './order.types';\n",
      'src/api.ts':
        "import { OrderService, type OrderShape } from './orders';\nexport const s: OrderShape = new OrderService() as never;\n",
    });
    const toService = edge(r, 'src/api.ts', 'src/orders/order.service.ts');
    expect(toService.map((e) => [e.kind, e.symbols])).toEqual([['import', ['OrderService']]]);
    expect(edge(r, 'src/api.ts', 'src/orders/order.types.ts').map((e) => [e.kind, e.symbols])).toEqual([['type-only', ['Order']]]);
    expect(edge(r, 'src/api.ts', 'src/orders/index.ts')).toEqual([]); // not to the barrel
    expect(kinds(r, 'src/orders/index.ts', 'src/orders/order.service.ts')).toEqual(['re-export']);
  });

  it('spreads a namespace import of a barrel over the files it re-exports', async () => {
    const r = await analyzeProject({
      'tsconfig.json': '{}',
      'src/lib/a.ts': 'export const a = 1;\n',
      'src/lib/b.ts': 'export const b = 2;\n',
      'src/lib/index.ts': "export * from './a';\nexport * from './b';\n",
      'src/main.ts': "import * as lib from './lib';\nconsole.log(lib.a, lib.b);\n",
    });
    expect(edge(r, 'src/main.ts', 'src/lib/a.ts')).toHaveLength(1);
    expect(edge(r, 'src/main.ts', 'src/lib/b.ts')).toHaveLength(1);
    expect(edge(r, 'src/main.ts', 'src/lib/index.ts')).toEqual([]);
  });

  it('resolves ESM-style .js specifiers, require, dynamic import, and counts the unresolved', async () => {
    const r = await analyzeProject({
      'tsconfig.json': '{}',
      'src/a.ts':
        "import { b } from './b.js';\nconst c = require('./c');\nconst lazy = () => import('./d');\nimport { gone } from './missing';\nexport default [b, c, lazy, gone];\n",
      'src/b.ts': 'export const b = 1;\n',
      'src/c.cts': 'module.exports = 3;\n',
      'src/d.tsx': 'export const D = () => null;\n',
    });
    expect(kinds(r, 'src/a.ts', 'src/b.ts')).toEqual(['import']);
    expect(kinds(r, 'src/a.ts', 'src/c.cts')).toEqual(['require']);
    expect(kinds(r, 'src/a.ts', 'src/d.tsx')).toEqual(['dynamic']);
    expect(r.unresolvedImports).toEqual([{ from: 'src/a.ts', specifier: './missing', line: 4 }]);
    expect(r.summary.unresolvedImports).toBe(1);
  });

  it('resolves a workspace package imported by name to its source, not dist', async () => {
    const r = await analyzeProject({
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
      'packages/orders/package.json': JSON.stringify({ name: '@acme/orders', main: 'dist/index.js', types: 'dist/index.d.ts' }),
      'packages/orders/src/index.ts': "export { placeOrder } from './place-order';\n",
      'packages/orders/src/place-order.ts': 'export function placeOrder() {}\n',
      'packages/orders/src/util/money.ts': 'export const money = 1;\n',
      'packages/orders/dist/index.js': 'exports.placeOrder = () => {};\n',
      'packages/api/package.json': JSON.stringify({ name: '@acme/api', dependencies: { '@acme/orders': '*' } }),
      'packages/api/src/main.ts':
        "import { placeOrder } from '@acme/orders';\nimport { money } from '@acme/orders/util/money';\nplaceOrder(); money;\n",
    });
    expect(kinds(r, 'packages/api/src/main.ts', 'packages/orders/src/place-order.ts')).toEqual(['import']);
    expect(kinds(r, 'packages/api/src/main.ts', 'packages/orders/src/util/money.ts')).toEqual(['import']);
    expect(r.units.map((u) => u.id)).not.toContain('packages/orders/dist/index.js');
    expect(r.units.find((u) => u.id === 'packages/api/src/main.ts')?.workspace).toBe('@acme/api');
    expect(r.summary.externalPackages).not.toContain('@acme/orders');
  });

  it('resolves each file with its nearest tsconfig when packages have their own and no root config', async () => {
    const r = await analyzeProject({
      'billing/tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '~/*': ['src/*'] } } }),
      'billing/src/invoice.ts': "import { tax } from '~/tax';\nexport const invoice = tax;\n",
      'billing/src/tax.ts': 'export const tax = 0.2;\n',
      'crm/tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '~/*': ['lib/*'] } } }),
      'crm/lib/contact.ts': "import { tax } from '~/tax';\nexport const c = tax;\n",
      'crm/lib/tax.ts': 'export const tax = 0;\n',
    });
    expect(kinds(r, 'billing/src/invoice.ts', 'billing/src/tax.ts')).toEqual(['import']);
    expect(kinds(r, 'crm/lib/contact.ts', 'crm/lib/tax.ts')).toEqual(['import']);
    expect(edge(r, 'crm/lib/contact.ts', 'billing/src/tax.ts')).toEqual([]);
  });

  it('honours .gitignore, leaves tests out by default and takes them in on request', async () => {
    const files = {
      'tsconfig.json': '{}',
      '.gitignore': 'src/generated-client/\n*.local.ts\n',
      'src/a.ts': 'export const a = 1;\n',
      'src/a.spec.ts': "import { a } from './a';\n",
      'src/__tests__/b.ts': "import { a } from '../a';\n",
      'src/generated-client/x.ts': 'export const x = 1;\n',
      'src/dev.local.ts': 'export const dev = 1;\n',
      'src/types.d.ts': 'declare const y: number;\n',
    };
    const r = await analyzeProject(files);
    expect(r.units.map((u) => u.id)).toEqual(['src/a.ts']);
    const withTests = await analyzeProject(files, { includeTests: true });
    expect(withTests.units.map((u) => u.id)).toEqual(['src/__tests__/b.ts', 'src/a.spec.ts', 'src/a.ts']);
  });

  it('joins Express mount prefixes, nested routers and route() chains into served routes', async () => {
    const r = await analyzeProject({
      'tsconfig.json': '{}',
      'src/app.ts': "import express from 'express';\nimport { api } from './api';\nconst app = express();\napp.use('/v1', api);\n",
      'src/api.ts':
        "import { Router } from 'express';\nimport { billingRouter } from './billing/routes';\nexport const api = Router();\napi.use('/billing', auth, billingRouter);\n",
      'src/billing/routes.ts': [
        "import { Router } from 'express';",
        'export const billingRouter = Router();',
        "billingRouter.get('/invoices', list);",
        "billingRouter.route('/invoices/:id').get(show).delete(remove);",
      ].join('\n'),
    });
    const routes = r.units.find((u) => u.id === 'src/billing/routes.ts')?.entryPoints.map((e) => `${e.method} ${e.route}`);
    expect(routes).toEqual(['GET /v1/billing/invoices', 'GET /v1/billing/invoices/:id', 'DELETE /v1/billing/invoices/:id']);
  });

  it('weighs edges by symbols used and adds dependency-injection edges', async () => {
    const r = await analyzeProject({
      'tsconfig.json': '{}',
      'src/orders.service.ts':
        "import { Injectable } from '@nestjs/common';\n@Injectable()\nexport class OrdersService { list() { return []; } }\n",
      'src/helpers.ts': 'export const one = 1;\nexport const two = 2;\n',
      'src/orders.controller.ts': [
        "import { Controller, Get } from '@nestjs/common';",
        "import { OrdersService } from './orders.service';",
        "import { one, two } from './helpers';",
        "@Controller('orders')",
        'export class OrdersController {',
        '  constructor(private readonly orders: OrdersService) {}',
        '  @Get() list() { return [one, two, one, one]; }',
        '}',
      ].join('\n'),
    });
    const helpers = edge(r, 'src/orders.controller.ts', 'src/helpers.ts')[0];
    const service = edge(r, 'src/orders.controller.ts', 'src/orders.service.ts');
    // one: 1 + 3 refs, two: 1 + 1 ref
    expect(helpers.weight).toBe(6);
    expect(helpers.symbols).toEqual(['one', 'two']);
    expect(service.map((e) => e.kind).sort()).toEqual(['di', 'import']);
    const unit = r.units.find((u) => u.id === 'src/orders.controller.ts');
    expect(unit?.tags).toEqual(['controller', 'entry']);
    expect(unit?.entryPoints.map((e) => `${e.method} ${e.route}`)).toEqual(['GET /orders']);
  });
});
