/** One store per database: deployables that connect on their own get their own store. */
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/model/result.js';
import { analyzeFixture, analyzeProject } from '../helpers/project.js';

const direct = (r: AnalysisResult): string[] =>
  [...new Set(r.accesses.filter((a) => !a.propagated).map((a) => `${a.unit} ${a.table} ${a.mode}`))].sort();

describe('deployable stores (mongoose-deployables)', () => {
  it('a model declared in two deployables is two tables, each in its deployable store', async () => {
    const r = await analyzeFixture('mongoose-deployables');
    expect(r.tables.map((t) => `${t.id} ${t.declaredIn}`)).toEqual([
      'auth:users auth/src/models/user.ts:4',
      'orders:orders orders/src/models/order.ts:4',
      'orders:tickets orders/src/models/ticket.ts:5',
      'tickets:tickets tickets/src/models/ticket.ts:4',
    ]);
    expect(direct(r)).toEqual([
      'auth/src/routes/signup.ts auth:users read',
      'auth/src/routes/signup.ts auth:users write',
      'orders/src/routes/create-order.ts orders:orders write',
      'orders/src/routes/create-order.ts orders:tickets read',
      'tickets/src/routes/update-ticket.ts tickets:tickets read',
      'tickets/src/routes/update-ticket.ts tickets:tickets write',
    ]);
  });
});

const pkg = (name: string): string => JSON.stringify({ name, dependencies: { mongoose: '^7.0.0' } });
const MODEL = (name: string): string =>
  `import mongoose from 'mongoose';\nexport const ${name} = mongoose.model('${name}', new mongoose.Schema({ n: String }));`;

describe('deployable stores: when packages share one database', () => {
  it('only one package connects: every model stays in the default store', async () => {
    const r = await analyzeProject({
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['api', 'worker'] }),
      'api/package.json': pkg('api'),
      'api/src/index.ts': `import mongoose from 'mongoose';\nexport const start = () => mongoose.connect(process.env.MONGO_URI ?? '');`,
      'api/src/user.ts': MODEL('User'),
      'worker/package.json': pkg('worker'),
      'worker/src/job.ts': MODEL('Job'),
    });
    expect(r.tables.map((t) => t.id)).toEqual(['default:jobs', 'default:users']);
  });

  it('connections in test set-up only: the default store', async () => {
    const r = await analyzeProject({
      'a/package.json': pkg('a'),
      'a/src/user.ts': MODEL('User'),
      'a/test/setup.ts': `import mongoose from 'mongoose';\nexport const s = () => mongoose.connect('x');`,
      'b/package.json': pkg('b'),
      'b/src/job.ts': MODEL('Job'),
      'b/src/job.spec.ts': `import mongoose from 'mongoose';\nexport const s = () => mongoose.connect('x');`,
    });
    expect(r.tables.map((t) => t.id)).toEqual(['default:jobs', 'default:users']);
  });
});

describe('deployable stores: typeorm', () => {
  it('two deployables with their own DataSource: an entity of each lands in its own store', async () => {
    const pkgT = (name: string): string => JSON.stringify({ name, dependencies: { typeorm: '^0.3.20' } });
    const app = (entity: string): string => `import { DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';
@Entity() export class ${entity} { @PrimaryGeneratedColumn() id!: number; }
export const ds = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });
export const all = () => ds.getRepository(${entity}).find();`;
    const r = await analyzeProject({
      'billing/package.json': pkgT('@shop/billing'),
      'billing/tsconfig.json': JSON.stringify({ compilerOptions: { experimentalDecorators: true } }),
      'billing/src/app.ts': app('Invoice'),
      'catalog/package.json': pkgT('@shop/catalog'),
      'catalog/tsconfig.json': JSON.stringify({ compilerOptions: { experimentalDecorators: true } }),
      'catalog/src/app.ts': app('Product'),
    });
    expect(r.tables.map((t) => t.id)).toEqual(['billing:invoice', 'catalog:product']);
    expect(direct(r)).toEqual(['billing/src/app.ts billing:invoice read', 'catalog/src/app.ts catalog:product read']);
  });
});
