import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/extract/extract-file.js';

describe('extractFile', () => {
  it('collects every import form with its kind and names', () => {
    const f = extractFile(
      'src/a.ts',
      [
        "import { A, type B } from './a-b';",
        "import type { C } from './c';",
        "import D, * as ns from './d';",
        "import './side-effect';",
        "export { E as F } from './e';",
        "export * from './g';",
        "export * as H from './h';",
        "const { I } = require('./i');",
        "async function lazy() { return import('./lazy'); }",
        'const x: C = new A(); ns.run(D, I, A);',
      ].join('\n'),
    );
    expect(f.imports.map((i) => [i.specifier, i.kind])).toEqual([
      ['./a-b', 'import'],
      ['./c', 'type-only'],
      ['./d', 'import'],
      ['./side-effect', 'import'],
      ['./e', 're-export'],
      ['./g', 're-export'],
      ['./h', 're-export'],
      ['./i', 'require'],
      ['./lazy', 'dynamic'],
    ]);
    expect(f.imports[0].names).toEqual([
      { imported: 'A', local: 'A', typeOnly: false, refs: 2 },
      { imported: 'B', local: 'B', typeOnly: true, refs: 0 },
    ]);
    expect(f.imports[4].names).toEqual([{ imported: 'E', local: 'F', typeOnly: false }]);
    expect(f.imports[6].names).toEqual([{ imported: '*', local: 'H', typeOnly: false }]);
    expect(f.imports[7].names).toEqual([{ imported: 'I', local: 'I', typeOnly: false, refs: 1 }]);
  });

  it('records classes with decorators, injected constructor params and members', () => {
    const f = extractFile(
      'src/orders/orders.controller.ts',
      [
        "@Controller('orders')",
        'export class OrdersController extends Base<Order> implements OnInit {',
        '  private readonly tableName = "orders";',
        '  constructor(private readonly service: OrdersService, @InjectRepository(Order) private repo: Repository<Order>) { super(); }',
        "  @Get(':id') find(@Param('id') id: string) { return this.service.find(id); }",
        '  @Post() create() { return this.repo.save({}); }',
        '}',
      ].join('\n'),
    );
    const [cls] = f.classes;
    expect(cls.name).toBe('OrdersController');
    expect(cls.extends).toBe('Base<Order>');
    expect(cls.implements).toEqual(['OnInit']);
    expect(cls.decorators).toEqual([{ name: 'Controller', args: [{ k: 'str', v: 'orders' }] }]);
    const params = cls.members.filter((m) => m.kind === 'ctor-param');
    expect(params.map((p) => [p.name, p.type, p.decorators.map((d) => d.name)])).toEqual([
      ['service', 'OrdersService', []],
      ['repo', 'Repository<Order>', ['InjectRepository']],
    ]);
    expect(cls.members.find((m) => m.name === 'tableName')?.init).toEqual({ k: 'str', v: 'orders' });
    expect(f.entryPoints.map((e) => [e.kind, e.method, e.route, e.symbol])).toEqual([
      ['http', 'GET', '/orders/:id', 'OrdersController.find'],
      ['http', 'POST', '/orders', 'OrdersController.create'],
    ]);
    expect(f.calls.map((c) => [c.callee, c.symbol])).toEqual([
      ['super', 'OrdersController.constructor'],
      ['this.service.find', 'OrdersController.find'],
      ['this.repo.save', 'OrdersController.create'],
    ]);
  });

  it('links call chains and callback nesting', () => {
    const f = extractFile(
      'src/db.ts',
      [
        'export async function place(db: Db) {',
        "  const rows = await knex('orders').where({ id: 1 }).update({ paid: true });",
        '  await prisma.$transaction(async (tx) => { await tx.payment.create({ data: {} }); });',
        '}',
      ].join('\n'),
    );
    const byCallee = Object.fromEntries(f.calls.map((c) => [c.callee, c]));
    const knex = byCallee['knex'];
    const where = byCallee['knex().where'];
    const update = byCallee['knex().where().update'];
    expect(knex.args).toEqual([{ k: 'str', v: 'orders' }]);
    expect(where.receiver).toBe(knex.id);
    expect(knex.outer).toBe(where.id);
    expect(update.receiver).toBe(where.id);
    expect(update.assignedTo).toBe('rows');
    expect(knex.assignedTo).toBeUndefined();
    const tx = byCallee['prisma.$transaction'];
    expect(tx.args[0]).toEqual({ k: 'fn', params: ['tx'] });
    expect(byCallee['tx.payment.create'].within).toEqual([tx.id]);
    expect(byCallee['tx.payment.create'].symbol).toBe('place');
  });

  it('finds Express routes only on routers, not on HTTP clients', () => {
    const f = extractFile(
      'src/routes.ts',
      [
        "import express from 'express';",
        'const router = express.Router();',
        "router.get('/patients/:id', async (req, res) => res.json({}));",
        "router.post('/patients', handler);",
        "axios.get('/external', {});",
        "cache.get('/x', 1);",
      ].join('\n'),
    );
    expect(f.entryPoints.map((e) => `${e.method} ${e.route}`)).toEqual(['GET /patients/:id', 'POST /patients']);
  });

  it('counts syntax errors and still returns facts', () => {
    const f = extractFile('src/broken.ts', "import { a } from './a';\nexport function ok() { return a; }\nconst = = ;\n");
    expect(f.parseErrors).toBeGreaterThan(0);
    expect(f.imports.map((i) => i.specifier)).toEqual(['./a']);
    expect(f.functions.map((fn) => fn.name)).toEqual(['ok']);
  });
});

describe('facts for following values', () => {
  it('records enum members, default-exported values, getter returns, constructor defaults and string concatenation', () => {
    const f = extractFile(
      'src/repo.ts',
      [
        "export enum Tables { Users = 'users', Orders = 'orders' }",
        'export default new Pool();',
        'class UsersRepo extends Base {',
        "  get tableName() { return 'users'; }",
        '  constructor(private readonly loans = new LoansRepository()) { super(); }',
        "  find(id: string) { return db.query('SELECT * FROM ' + this.tableName + ' WHERE id = $1', [id]); }",
        '}',
      ].join('\n'),
    );
    const vars = Object.fromEntries(f.variables.map((v) => [v.name, v.init]));
    expect(vars['Tables.Users']).toEqual({ k: 'str', v: 'users' });
    expect(vars['default']).toEqual({ k: 'call', callee: 'new Pool', args: [] });
    const members = Object.fromEntries(f.classes[0].members.map((m) => [m.name, m]));
    expect(members.tableName.returns).toEqual({ k: 'str', v: 'users' });
    expect(members.loans.init).toEqual({ k: 'call', callee: 'new LoansRepository', args: [] });
    const query = f.calls.find((c) => c.callee === 'db.query');
    expect(query?.args[0]).toEqual({ k: 'tpl', parts: ['SELECT * FROM ', ' WHERE id = $1'], exprs: ['this.tableName'] });
  });

  it('names functions of an exported object literal as symbols, and records interfaces and aliases', () => {
    const f = extractFile(
      'src/orders.repo.ts',
      [
        'export interface Database { users: UsersTable; orders: OrdersTable }',
        'type DbClient = Knex;',
        'export const ordersRepo = {',
        "  async findAll() { return pool.query('SELECT * FROM orders'); },",
        '  save: async (o: Order) => pool.query("INSERT INTO orders VALUES ($1)", [o]),',
        '};',
        'withClient((client: PoolClient) => client.query("SELECT 1"));',
      ].join('\n'),
    );
    expect(f.calls.filter((c) => c.callee === 'pool.query').map((c) => c.symbol)).toEqual(['ordersRepo.findAll', 'ordersRepo.save']);
    expect(f.functions.map((fn) => fn.name)).toEqual(['ordersRepo.findAll', 'ordersRepo.save']);
    expect(f.types).toEqual([
      {
        name: 'Database',
        kind: 'interface',
        line: 1,
        exported: true,
        members: [
          { name: 'users', type: 'UsersTable' },
          { name: 'orders', type: 'OrdersTable' },
        ],
      },
      { name: 'DbClient', kind: 'alias', line: 2, exported: false, aliasOf: 'Knex' },
    ]);
    expect(f.calls.find((c) => c.callee === 'withClient')?.args[0]).toMatchObject({ k: 'fn', params: ['client'], types: ['PoolClient'] });
  });
});

describe('variable scopes', () => {
  it('keeps locals of module-level callbacks out of the module scope', () => {
    const f = extractFile(
      'src/routes.ts',
      [
        "import { environments } from './schema';",
        'const limit = 10;',
        "app.get('/envs', async (req, res) => { const environments = await db.select().from(envTable); res.json(environments); });",
      ].join('\n'),
    );
    expect(f.variables.map((v) => [v.name, v.scope])).toEqual([
      ['limit', '<module>'],
      ['environments', '<callback>'],
    ]);
  });
});
