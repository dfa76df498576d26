import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../src/model/result.js';
import { analyzeProject } from '../../helpers/project.js';

const base = {
  'package.json': JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { pg: '^8.0.0' } }),
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true } }),
  'src/db.ts': `import { Pool } from 'pg';\nexport const pool = new Pool();\n`,
  'src/orders.repo.ts': `import { pool } from './db';\nexport const ordersRepo = {\n  async findAll() { return pool.query('SELECT * FROM orders'); },\n  save: async () => pool.query('INSERT INTO orders (id) VALUES (1)'),\n};\n`,
  'src/carts.repo.ts': `import { pool } from './db';\nexport default { list: () => pool.query('SELECT * FROM carts') };\n`,
  'src/users.repo.ts': `import { pool } from './db';\nconst usersRepo = { create: () => pool.query('INSERT INTO users (id) VALUES (1)') };\nexport default usersRepo;\n`,
  'src/orders.repository.ts': [
    `import { pool } from './db';`,
    `export class OrderRepository {`,
    `  async save() { await pool.query('INSERT INTO orders (id) VALUES (1)'); }`,
    `  async find() { return pool.query('SELECT * FROM orders'); }`,
    `  static async purge() { await pool.query('DELETE FROM orders'); }`,
    `}`,
    `export const orderRepository = new OrderRepository();`,
    `export async function countOrders() { return pool.query('SELECT count(*) FROM orders'); }`,
    `export default async function archive() { await pool.query('INSERT INTO orders_archive SELECT * FROM orders'); }`,
    ``,
  ].join('\n'),
};

/** Propagated edges as `unit symbol table:mode via`. */
const propagated = (r: AnalysisResult): string[] =>
  r.accesses.filter((a) => a.propagated).map((a) => `${a.unit} ${a.symbol} ${a.table.replace('default:', '')}:${a.mode} via ${a.via}`);

describe('propagation through the data layer', () => {
  const cases: [name: string, code: string, expected: string[]][] = [
    [
      'a typed constructor field',
      `import { OrderRepository } from './orders.repository';\nexport class OrderService {\n  constructor(private readonly repo: OrderRepository) {}\n  place() { return this.repo.save(); }\n}\n`,
      ['src/service.ts OrderService.place orders:write via OrderRepository.save'],
    ],
    [
      'an @Inject(Class) field without a type',
      `import { Inject } from '@nestjs/common';\nimport { OrderRepository } from './orders.repository';\nexport class OrderService {\n  constructor(@Inject(OrderRepository) private readonly repo: any) {}\n  list() { return this.repo.find(); }\n}\n`,
      ['src/service.ts OrderService.list orders:read via OrderRepository.find'],
    ],
    [
      'a field initialised with new',
      `import { OrderRepository } from './orders.repository';\nexport class OrderService {\n  private repo = new OrderRepository();\n  list() { return this.repo.find(); }\n}\n`,
      ['src/service.ts OrderService.list orders:read via OrderRepository.find'],
    ],
    [
      'a static method, an exported instance, a function, an aliased default import',
      `import archiveAll from './orders.repository';\nimport { OrderRepository, orderRepository, countOrders as total } from './orders.repository';\nexport async function run() {\n  await OrderRepository.purge();\n  await orderRepository.save();\n  await total();\n  await archiveAll();\n}\n`,
      [
        'src/service.ts run orders:read via archive',
        'src/service.ts run orders:read via countOrders',
        'src/service.ts run orders:write via OrderRepository.purge',
        'src/service.ts run orders:write via OrderRepository.save',
        'src/service.ts run orders_archive:write via archive',
      ],
    ],
    [
      'a namespace import and a typed function parameter',
      `import * as orders from './orders.repository';\nimport type { OrderRepository } from './orders.repository';\nexport const n = () => orders.countOrders();\nexport const m = (repo: OrderRepository) => repo.find();\n`,
      ['src/service.ts m orders:read via OrderRepository.find', 'src/service.ts n orders:read via countOrders'],
    ],
    [
      'an inherited method found on the base class',
      `import { OrderRepository } from './orders.repository';\nclass SpecialRepository extends OrderRepository {}\nexport class OrderService {\n  constructor(private readonly repo: SpecialRepository) {}\n  list() { return this.repo.find(); }\n}\n`,
      ['src/service.ts OrderService.list orders:read via OrderRepository.find'],
    ],
    [
      'a field typed by an interface with one implementation (@Inject(TOKEN))',
      `import { Inject } from '@nestjs/common';\nimport { pool } from './db';\nexport interface IJobRepository { load(): Promise<unknown>; }\nexport class PgJobRepository implements IJobRepository {\n  load() { return pool.query('SELECT * FROM jobs'); }\n}\nexport class Jobs {\n  constructor(@Inject('JOBS') private readonly repo: IJobRepository) {}\n  run() { return this.repo.load(); }\n}\n`,
      ['src/service.ts Jobs.run jobs:read via PgJobRepository.load'],
    ],
    [
      'an abstract method with one override',
      `import { pool } from './db';\nexport abstract class JobRepository { abstract load(): Promise<unknown>; }\nexport class PgJobRepository extends JobRepository {\n  load() { return pool.query('SELECT * FROM jobs'); }\n}\nexport class Jobs {\n  constructor(private readonly repo: JobRepository) {}\n  run() { return this.repo.load(); }\n}\n`,
      ['src/service.ts Jobs.run jobs:read via PgJobRepository.load'],
    ],
    [
      'NestJS CQRS: a command sent on the bus runs its handler',
      `import { CommandBus, CommandHandler, EventsHandler } from '@nestjs/cqrs';\nimport { OrderRepository } from './orders.repository';\nexport class PlaceOrder { constructor(readonly id: number) {} }\nexport class OrderPlaced {}\n@CommandHandler(PlaceOrder)\nexport class PlaceOrderHandler {\n  constructor(private readonly repo: OrderRepository) {}\n  execute(cmd: PlaceOrder) { return this.repo.save(); }\n}\n@EventsHandler(OrderPlaced)\nexport class OrderPlacedHandler {\n  constructor(private readonly repo: OrderRepository) {}\n  handle() { return this.repo.find(); }\n}\nexport class OrdersController {\n  constructor(private readonly commandBus: CommandBus, private readonly eventBus: any) {}\n  post() { this.eventBus.publish(new OrderPlaced()); return this.commandBus.execute(new PlaceOrder(1)); }\n}\n`,
      [
        'src/service.ts OrderPlacedHandler.handle orders:read via OrderRepository.find',
        'src/service.ts OrdersController.post orders:read via OrderPlacedHandler.handle',
        'src/service.ts OrdersController.post orders:write via PlaceOrderHandler.execute',
        'src/service.ts PlaceOrderHandler.execute orders:write via OrderRepository.save',
      ],
    ],
    [
      'this.method() inside the same class',
      `import { pool } from './db';\nexport class Jobs {\n  private load() { return pool.query('SELECT * FROM jobs'); }\n  run() { return this.load(); }\n}\n`,
      ['src/service.ts Jobs.run jobs:read via Jobs.load'],
    ],
    [
      'an object-literal repository: imported, local, default-exported (named or not), and this.method() inside it',
      [
        `import { ordersRepo } from './orders.repo';`,
        `import usersRepo from './users.repo';`,
        `import carts from './carts.repo';`,
        `import { pool } from './db';`,
        `const jobs = { load: () => pool.query('SELECT * FROM jobs'), run() { return this.load(); } };`,
        `export async function handler() {`,
        `  await ordersRepo.findAll();`,
        `  await usersRepo.create();`,
        `  await jobs.run();`,
        `  await carts.list();`,
        `}`,
        ``,
      ].join('\n'),
      [
        'src/service.ts handler carts:read via default.list',
        'src/service.ts handler jobs:read via jobs.run',
        'src/service.ts handler orders:read via ordersRepo.findAll',
        'src/service.ts handler users:write via usersRepo.create',
        'src/service.ts jobs.run jobs:read via jobs.load',
      ],
    ],
  ];
  it.each(cases)('%s', async (_name, code, expected) => {
    const result = await analyzeProject({ ...base, 'src/service.ts': code });
    expect(propagated(result).filter((p) => p.startsWith('src/service.ts'))).toEqual(expected);
  });

  it('is transitive with via = the first hop, and keeps the direct facts', async () => {
    const result = await analyzeProject({
      ...base,
      'src/service.ts': `import { OrderRepository } from './orders.repository';\nexport class OrderService {\n  constructor(private readonly repo: OrderRepository) {}\n  place() { return this.repo.save(); }\n}\n`,
      'src/controller.ts': `import { OrderService } from './service';\nexport class OrderController {\n  constructor(private readonly orders: OrderService) {}\n  post() { return this.orders.place(); }\n}\n`,
    });
    expect(propagated(result)).toEqual([
      'src/controller.ts OrderController.post orders:write via OrderService.place',
      'src/service.ts OrderService.place orders:write via OrderRepository.save',
    ]);
    expect(result.accesses.filter((a) => !a.propagated && a.unit === 'src/orders.repository.ts').length).toBeGreaterThan(0);
    const post = result.accesses.find((a) => a.symbol === 'OrderController.post');
    expect(post?.lines).toEqual([4]);
  });

  it('terminates on cycles and reaches through them', async () => {
    const result = await analyzeProject({
      ...base,
      'src/service.ts': `import { pool } from './db';\nexport function ping(n: number): unknown { return n > 0 ? pong(n - 1) : pool.query('SELECT * FROM beats'); }\nexport function pong(n: number): unknown { return ping(n); }\nexport const start = () => pong(3);\n`,
    });
    expect(propagated(result)).toEqual([
      'src/service.ts ping beats:read via pong',
      'src/service.ts pong beats:read via ping',
      'src/service.ts start beats:read via pong',
    ]);
  });

  it('does not guess between two implementations of an interface', async () => {
    const result = await analyzeProject({
      ...base,
      'src/service.ts': `import { pool } from './db';\nexport interface Store { load(): Promise<unknown>; }\nexport class A implements Store { load() { return pool.query('SELECT * FROM a'); } }\nexport class B implements Store { load() { return pool.query('SELECT * FROM b'); } }\nexport class Jobs {\n  constructor(private readonly store: Store) {}\n  run() { return this.store.load(); }\n}\n`,
    });
    expect(propagated(result)).toEqual([]);
  });

  it('does not propagate through look-alike names', async () => {
    const result = await analyzeProject({
      ...base,
      'src/service.ts': `const cache = new Map<string, number>();\nexport class Other { save() { return 1; } }\nexport function run(o: Other) { cache.set('a', 1); o.save(); return [1].find((x) => x); }\n`,
    });
    expect(propagated(result)).toEqual([]);
  });
});
