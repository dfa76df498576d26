import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/model/result.js';
import { compareAccess, readExpectedAccess } from '../helpers/expected-access.js';
import { analyzeFixture, analyzeProject } from '../helpers/project.js';

const FIXTURE = 'typeorm-marketplace';

const project = (files: Record<string, string>): Promise<AnalysisResult> =>
  analyzeProject({
    'package.json': JSON.stringify({ name: 'snippet', dependencies: { typeorm: '^0.3.20', '@nestjs/typeorm': '^10.0.0' } }),
    'tsconfig.json': JSON.stringify({ compilerOptions: { experimentalDecorators: true, strict: true }, include: ['src'] }),
    ...files,
  });

const direct = (r: AnalysisResult): string[] =>
  [...new Set(r.accesses.filter((a) => !a.propagated && a.orm === 'typeorm').map((a) => `${a.table} ${a.mode}`))].sort();

const ENTITIES = `
import { Entity, PrimaryGeneratedColumn, Column, ManyToOne, BaseEntity } from 'typeorm';
@Entity('users') export class User extends BaseEntity { @PrimaryGeneratedColumn() id!: number; @Column() name!: string; }
@Entity() export class OrderItem { @PrimaryGeneratedColumn() id!: number; @ManyToOne(() => User) user!: User; }
`;

describe('typeorm fixture', () => {
  it(`${FIXTURE}: every table, relation, access and transaction, nothing else`, async () => {
    const result = await analyzeFixture(FIXTURE);
    const scores = compareAccess(result, readExpectedAccess(FIXTURE));
    for (const [category, s] of Object.entries(scores)) {
      expect({ category, missing: s.missing, extra: s.extra }).toEqual({ category, missing: [], extra: [] });
      expect(s.precision).toBe(1);
      expect(s.recall).toBe(1);
    }
    expect(result.unresolvedAccesses.filter((u) => u.orm === 'typeorm')).toEqual([]);
  });

  it('declares tables with entity, location and the store of their data source', async () => {
    const result = await analyzeFixture(FIXTURE);
    const customers = result.tables.filter((t) => t.name === 'customers').map((t) => [t.id, t.entity, t.declaredIn]);
    expect(customers).toEqual([
      ['billing:customers', 'Customer', 'src/billing/entities/customer.entity.ts:4'],
      ['default:customers', 'Customer', 'src/users/customer.entity.ts:6'],
    ]);
    expect(result.tables.find((t) => t.id === 'default:products')?.columns).toEqual([
      'createdAt',
      'id',
      'price',
      'stock',
      'title',
      'updatedAt',
    ]);
  });
});

interface Case {
  name: string;
  files: Record<string, string>;
  expected: string[];
}

const finds: Case[] = [
  {
    name: '@Entity() default naming and @InjectRepository',
    files: {
      'src/entities.ts': ENTITIES,
      'src/items.service.ts': `import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OrderItem } from './entities';
export class ItemsService {
  constructor(@InjectRepository(OrderItem) private readonly items: Repository<OrderItem>) {}
  list() { return this.items.find(); }
  drop(id: number) { return this.items.softDelete(id); }
  build() { return this.items.create({}); }
}`,
    },
    expected: ['default:order_item read', 'default:order_item write'],
  },
  {
    name: 'EntityManager methods with the entity as first argument, and in a transaction with an isolation level',
    files: {
      'src/entities.ts': ENTITIES,
      'src/svc.ts': `import { DataSource, EntityManager } from 'typeorm';
import { User } from './entities';
export class Svc {
  constructor(private readonly manager: EntityManager, private readonly ds: DataSource) {}
  count() { return this.manager.count(User); }
  move() { return this.ds.transaction('SERIALIZABLE', async (m) => { await m.update(User, 1, { name: 'x' }); }); }
}`,
    },
    expected: ['default:users read', 'default:users write'],
  },
  {
    name: 'global getRepository (0.2 style) and ActiveRecord statics and instances',
    files: {
      'src/entities.ts': ENTITIES,
      'src/legacy.ts': `import { getRepository } from 'typeorm';
import { OrderItem, User } from './entities';
export async function legacy() {
  const items = await getRepository(OrderItem).findOne({ where: { id: 1 } });
  const u = new User();
  await u.save();
  return [items, await User.findBy({ name: 'a' })];
}`,
    },
    expected: ['default:order_item read', 'default:users read', 'default:users write'],
  },
  {
    name: 'query builders: insert().into, update(Entity), join by entity class, template SQL',
    files: {
      'src/entities.ts': ENTITIES,
      'src/qb.ts': `import { DataSource, Repository } from 'typeorm';
import { OrderItem, User } from './entities';
export class Qb {
  constructor(private readonly ds: DataSource, private readonly users: Repository<User>) {}
  add() { return this.ds.createQueryBuilder().insert().into(OrderItem).values({}).execute(); }
  rename() { return this.ds.createQueryBuilder().update(User).set({ name: 'x' }).execute(); }
  joined() { return this.users.createQueryBuilder('u').innerJoin(OrderItem, 'i', 'i.userId = u.id').getMany(); }
  purge(id: number) { return this.ds.query(\`DELETE FROM users WHERE id = \${id}\`); }
}`,
    },
    expected: ['default:order_item read', 'default:order_item write', 'default:users read', 'default:users write'],
  },
  {
    name: '@EntityRepository custom repository and @ChildEntity / @ViewEntity tables',
    files: {
      'src/entities.ts': `import { ChildEntity, Entity, PrimaryGeneratedColumn, TableInheritance, ViewEntity, ViewColumn } from 'typeorm';
@Entity() @TableInheritance({ column: 'type' }) export class Content { @PrimaryGeneratedColumn() id!: number; }
@ChildEntity() export class Photo extends Content {}
@ViewEntity({ name: 'content_stats', expression: 'select 1' }) export class ContentStats { @ViewColumn() total!: number; }`,
      'src/photo.repository.ts': `import { EntityRepository, Repository, getCustomRepository } from 'typeorm';
import { ContentStats, Photo } from './entities';
@EntityRepository(Photo)
export class PhotoRepository extends Repository<Photo> {
  recent() { return this.find({ take: 5 }); }
  stats() { return this.manager.find(ContentStats); }
}
export const photos = () => getCustomRepository(PhotoRepository).recent();`,
      'src/photo.service.ts': `import { InjectRepository } from '@nestjs/typeorm';
import { PhotoRepository } from './photo.repository';
export class PhotoService {
  constructor(@InjectRepository(PhotoRepository) private readonly photos: PhotoRepository) {}
  drop(id: number) { return this.photos.delete(id); }
}`,
    },
    expected: ['default:content read', 'default:content write', 'default:content_stats read'],
  },
  {
    name: 'relation query builders change the join table; project wrappers returning Repository<T> name their entity argument',
    files: {
      'src/entities.ts': `import { Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
@Entity() export class Tag { @PrimaryGeneratedColumn() id!: number; }
@Entity() export class Post { @PrimaryGeneratedColumn() id!: number; @ManyToMany(() => Tag) @JoinTable() tags!: Tag[]; }`,
      'src/connection.ts': `import { DataSource, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
export class Connection {
  constructor(private readonly ds: DataSource) {}
  getRepository<T extends ObjectLiteral>(ctx: unknown, target: EntityTarget<T>): Repository<T> { return this.ds.getRepository(target); }
  async getOrThrow<T extends ObjectLiteral>(ctx: unknown, target: EntityTarget<T>, id: number): Promise<T> { return this.getRepository(ctx, target).findOneOrFail({ where: { id } as never }); }
}`,
      'src/svc.ts': `import { DataSource } from 'typeorm';
import { Connection } from './connection';
import { Post, Tag } from './entities';
export class Svc {
  constructor(private readonly ds: DataSource, private readonly connection: Connection) {}
  tag(post: number, tag: number) { return this.ds.createQueryBuilder().relation(Post, 'tags').of(post).add(tag); }
  save(ctx: unknown, tag: Tag) { return this.connection.getRepository(ctx, Tag).save(tag); }
  one(ctx: unknown) { return this.connection.getOrThrow(ctx, Post, 1); }
}`,
      'src/count.ts': `import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { Tag } from './entities';
export function countOf<T extends ObjectLiteral>(ds: DataSource, target: EntityTarget<T>) { return ds.getRepository(target).count(); }
export const tags = (ds: DataSource) => countOf(ds, Tag);`,
    },
    expected: ['default:post read', 'default:post_tags_tag write', 'default:tag read', 'default:tag write'],
  },
  {
    name: 'a list-query helper typed SelectQueryBuilder<T>: the caller names the entity and runs it (then a .then)',
    files: {
      'src/entities.ts': ENTITIES,
      'src/list-query-builder.ts': `import { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
export class ListQueryBuilder {
  constructor(private readonly ds: DataSource) {}
  build<T extends ObjectLiteral>(entity: EntityTarget<T>, take = 10): SelectQueryBuilder<T> {
    return this.ds.getRepository(entity).createQueryBuilder('x').take(take);
  }
}`,
      'src/svc.ts': `import { ListQueryBuilder } from './list-query-builder';
import { User } from './entities';
export class Svc {
  constructor(private readonly lists: ListQueryBuilder) {}
  page() { return this.lists.build(User).getManyAndCount().then(([items, total]) => ({ items, total })); }
}`,
    },
    expected: ['default:users read'],
  },
  {
    name: 'a generic base service over Repository<T>: subclasses binding the entity inherit its accesses',
    files: {
      'src/entities.ts': ENTITIES,
      'src/base.service.ts': `import { ObjectLiteral, Repository } from 'typeorm';
export abstract class BaseService<T extends ObjectLiteral> {
  constructor(protected readonly repo: Repository<T>) {}
  all() { return this.repo.find(); }
  remove(id: number) { return this.repo.delete(id); }
}`,
      'src/users.service.ts': `import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { BaseService } from './base.service';
import { User } from './entities';
export class UsersService extends BaseService<User> {
  constructor(@InjectRepository(User) repo: Repository<User>) { super(repo); }
  remove(id: number) { return Promise.resolve(id); }
}`,
    },
    expected: ['default:users read'],
  },
  {
    name: 'a repository extended with custom methods (0.3 style), used through withRepository in a transaction',
    files: {
      'src/entities.ts': ENTITIES,
      'src/data-source.ts': `import { DataSource } from 'typeorm';
export const AppDataSource = new DataSource({ type: 'postgres' });`,
      'src/user.repository.ts': `import { AppDataSource } from './data-source';
import { User } from './entities';
export const UserRepository = AppDataSource.getRepository(User).extend({
  byName(name: string) { return this.findOneBy({ name }); },
  async rename(id: number, name: string) { await this.update(id, { name }); },
});`,
      'src/svc.ts': `import { AppDataSource } from './data-source';
import { UserRepository } from './user.repository';
export const run = () => AppDataSource.transaction(async (manager) => manager.withRepository(UserRepository).delete(1));`,
    },
    expected: ['default:users read', 'default:users write'],
  },
  {
    name: 'named data sources with their own entities become stores',
    files: {
      'src/entities.ts': `import { Entity, PrimaryGeneratedColumn } from 'typeorm';
@Entity() export class Ticket { @PrimaryGeneratedColumn() id!: number; }
@Entity() export class Ledger { @PrimaryGeneratedColumn() id!: number; }`,
      'src/db.ts': `import { DataSource } from 'typeorm';
import { Ledger, Ticket } from './entities';
export const Support = new DataSource({ type: 'postgres', name: 'support', entities: [Ticket] });
export const Finance = new DataSource({ type: 'postgres', name: 'finance', entities: [Ledger] });
export const open = () => Support.getRepository(Ticket).find();
export const book = () => Finance.manager.insert(Ledger, {});`,
    },
    expected: ['finance:ledger write', 'support:ticket read'],
  },
  {
    name: 'two unnamed data sources loading the same entities are one database (app and migrations CLI)',
    files: {
      'src/entities.ts': ENTITIES,
      'src/db.ts': `import { DataSource } from 'typeorm';
import { OrderItem, User } from './entities';
export const AppDataSource = new DataSource({ type: 'postgres', entities: [User, OrderItem] });
export const MigrationDataSource = new DataSource({ type: 'postgres', entities: ['src/**/*.ts'], migrations: ['migrations/*.ts'] });
export const count = () => AppDataSource.getRepository(User).count();`,
    },
    expected: ['default:users read'],
  },
  {
    name: 'named data sources loading entities by glob',
    files: {
      'src/billing/invoice.entity.ts': `import { Entity, PrimaryGeneratedColumn } from 'typeorm';
@Entity() export class Invoice { @PrimaryGeneratedColumn() id!: number; }`,
      'src/users/user.entity.ts': `import { Entity, PrimaryGeneratedColumn } from 'typeorm';
@Entity() export class Account { @PrimaryGeneratedColumn() id!: number; }`,
      'src/app.module.ts': `import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
@Module({ imports: [
  TypeOrmModule.forRoot({ type: 'postgres', entities: [__dirname + '/users/**/*.entity{.ts,.js}'] }),
  TypeOrmModule.forRoot({ name: 'billing', type: 'postgres', entities: ['dist/billing/**/*.entity.js'] }),
] })
export class AppModule {}`,
      'src/svc.ts': `import { DataSource } from 'typeorm';
import { Invoice } from './billing/invoice.entity';
import { Account } from './users/user.entity';
export const run = (ds: DataSource) => Promise.all([ds.getRepository(Invoice).count(), ds.manager.find(Account)]);`,
    },
    expected: ['billing:invoice read', 'default:account read'],
  },
];

describe('typeorm finds', () => {
  for (const c of finds) {
    it(c.name, async () => {
      expect(direct(await project(c.files))).toEqual(c.expected);
    });
  }
});

/** Look-alikes: no access, no unresolved access; `expected` lists the tables still declared. */
const ignores: Case[] = [
  {
    name: 'look-alikes: a cache, a Map, arrays, a local Repository class',
    files: {
      'src/entities.ts': ENTITIES,
      'src/svc.ts': `import { User } from './entities';
class Repository<T> { find(): T[] { return []; } save(x: T) { return x; } }
export class Svc {
  private readonly users = new Map<number, User>();
  private readonly local = new Repository<User>();
  constructor(private readonly cache: { find(k: string): unknown; delete(k: string): void }) {}
  run(list: User[]) {
    this.cache.find('a');
    this.cache.delete('a');
    this.users.delete(1);
    this.local.find();
    return list.find((u) => u.id === 1);
  }
}`,
    },
    expected: ['default:order_item', 'default:users'],
  },
  {
    name: "a data-mapper entity's own methods named like ActiveRecord ones",
    files: {
      'src/cart.entity.ts': `import { Entity, PrimaryGeneratedColumn } from 'typeorm';
@Entity() export class Cart {
  @PrimaryGeneratedColumn() id!: number;
  items: string[] = [];
  static update(cart: Cart, item: string): Cart { cart.items.push(item); return cart; }
  remove(item: string): void { this.items = this.items.filter((i) => i !== item); }
}`,
      'src/svc.ts': `import { Cart } from './cart.entity';
export const edit = (cart: Cart) => { Cart.update(cart, 'a'); cart.remove('b'); };`,
    },
    expected: ['default:cart'],
  },
  {
    name: 'an Entity decorator that is not TypeORM declares nothing',
    files: {
      'src/decorators.ts': `export const Entity = (): ClassDecorator => () => undefined;`,
      'src/model.ts': `import { Entity } from './decorators';
import { DataSource } from 'typeorm';
@Entity() export class Widget {}
export const n = (ds: DataSource) => ds.manager.getRepository('Gadget');`,
    },
    expected: [],
  },
];

describe('typeorm project decorators', () => {
  it("a project decorator whose body applies TypeORM's @Entity declares the table; one that does not, nothing", async () => {
    const r = await project({
      'src/core/entity.decorator.ts': [
        "import { Entity as TypeOrmEntity } from 'typeorm';",
        'export function MultiORMEntity(name?: string): ClassDecorator {',
        '  return (target: any) => { TypeOrmEntity(name)(target); };',
        '}',
        'export function Audited(): ClassDecorator { return (target: any) => target; }',
      ].join('\n'),
      'src/candidate/candidate.entity.ts': [
        "import { MultiORMEntity, Audited } from '../core/entity.decorator';",
        "@MultiORMEntity('candidate') export class Candidate { id!: string; }",
        '@Audited() export class NotAnEntity { id!: string; }',
      ].join('\n'),
      'src/candidate/candidate.service.ts': [
        "import { InjectRepository } from '@nestjs/typeorm';",
        "import { Repository } from 'typeorm';",
        "import { Candidate } from './candidate.entity';",
        'export class CandidateService {',
        '  constructor(@InjectRepository(Candidate) private readonly repo: Repository<Candidate>) {}',
        '  list() { return this.repo.find(); }',
        '}',
      ].join('\n'),
    });
    expect(r.tables.map((t) => [t.id, t.entity])).toEqual([['default:candidate', 'Candidate']]);
    expect(direct(r)).toEqual(['default:candidate read']);
  });
});

describe('typeorm ignores', () => {
  for (const c of ignores) {
    it(c.name, async () => {
      const r = await project(c.files);
      expect(direct(r)).toEqual([]);
      expect(r.tables.filter((t) => t.orm === 'typeorm').map((t) => t.id)).toEqual(c.expected);
      expect(r.unresolvedAccesses.filter((u) => u.orm === 'typeorm')).toEqual([]);
    });
  }
});

const unresolved: { name: string; files: Record<string, string>; reasons: string[] }[] = [
  {
    name: 'manager.save of an untyped value: unknown-model',
    files: {
      'src/entities.ts': ENTITIES,
      'src/svc.ts': `import { EntityManager } from 'typeorm';
export class Svc { constructor(private readonly manager: EntityManager) {} put(dto: any) { return this.manager.save(dto); } }`,
    },
    reasons: ['unknown-model'],
  },
  {
    name: 'a generic base repository: generic-model',
    files: {
      'src/entities.ts': ENTITIES,
      'src/base.ts': `import { Repository, ObjectLiteral } from 'typeorm';
export abstract class BaseService<T extends ObjectLiteral> {
  constructor(protected readonly repo: Repository<T>) {}
  all() { return this.repo.find(); }
}`,
    },
    reasons: ['generic-model'],
  },
  {
    name: 'SQL that is not a literal: dynamic-sql',
    files: {
      'src/svc.ts': `import { DataSource } from 'typeorm';
export class Svc { constructor(private readonly ds: DataSource) {} run(sql: string) { return this.ds.query(sql); } }`,
    },
    reasons: ['dynamic-sql'],
  },
];

describe('typeorm unresolved', () => {
  for (const c of unresolved) {
    it(c.name, async () => {
      const r = await project(c.files);
      expect(r.unresolvedAccesses.filter((u) => u.orm === 'typeorm').map((u) => u.reason)).toEqual(c.reasons);
      expect(direct(r)).toEqual([]);
    });
  }

  it('malformed SQL is a problem with its location, and the run goes on', async () => {
    const r = await project({
      'src/entities.ts': ENTITIES,
      'src/svc.ts': `import { DataSource } from 'typeorm';
import { User } from './entities';
export class Svc {
  constructor(private readonly ds: DataSource) {}
  broken() { return this.ds.query('SELEC wat FRM;;'); }
  fine() { return this.ds.getRepository(User).find(); }
}`,
    });
    expect(r.problems.filter((p) => p.source === 'sql').map((p) => [p.path, p.line])).toEqual([['src/svc.ts', 5]]);
    expect(r.unresolvedAccesses.map((u) => u.reason)).toEqual(['unparsable-sql']);
    expect(direct(r)).toEqual(['default:users read']);
  });
});

describe('typeorm transactions', () => {
  it('manager.transaction, a QueryRunner pair, @Transaction with @TransactionManager and a project @Transactional each scope their accesses', async () => {
    const r = await project({
      'src/entities.ts': ENTITIES,
      'src/svc.ts': `import { DataSource, EntityManager, Transaction, TransactionManager } from 'typeorm';
import { OrderItem, User } from './entities';
import { Transactional } from './tx';
export class Svc {
  constructor(private readonly ds: DataSource) {}
  a() { return this.ds.manager.transaction(async (m) => { await m.insert(OrderItem, {}); }); }
  async b() {
    const qr = this.ds.createQueryRunner();
    await qr.startTransaction();
    const users = qr.manager.getRepository(User);
    await users.delete(1);
    await qr.commitTransaction();
    await this.ds.getRepository(OrderItem).count();
  }
  @Transaction()
  c(@TransactionManager() manager: EntityManager) { return manager.find(User); }
  @Transactional()
  d() { return this.ds.getRepository(OrderItem).clear(); }
  inTx<T>(work: (m: EntityManager) => Promise<T>) { return this.ds.transaction(work); }
  e() { return this.inTx(async (m) => m.delete(User, 1)); }
}`,
      'src/tx.ts': `export const Transactional = (): MethodDecorator => () => undefined;`,
    });
    expect(r.transactions.map((t) => [t.symbol, t.kind, t.tables.map((x) => `${x.table}:${x.mode}`)])).toEqual([
      ['Svc.a', 'typeorm.transaction', ['default:order_item:write']],
      ['Svc.b', 'typeorm.queryRunner', ['default:users:write']],
      ['Svc.c', 'typeorm.@Transactional', ['default:users:read']],
      ['Svc.d', 'typeorm.@Transactional', ['default:order_item:write']],
      ['Svc.inTx', 'typeorm.transaction', []],
      ['Svc.e', 'typeorm.transaction-wrapper', ['default:users:write']],
    ]);
  });
});
