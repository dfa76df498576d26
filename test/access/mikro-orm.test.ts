import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/model/result.js';
import { compareAccess, readExpectedAccess } from '../helpers/expected-access.js';
import { analyzeFixture, analyzeProject } from '../helpers/project.js';

const FIXTURE = 'mikro-orm-library';

const project = (files: Record<string, string>, driver = '@mikro-orm/postgresql'): Promise<AnalysisResult> =>
  analyzeProject({
    'package.json': JSON.stringify({ name: 'snippet', dependencies: { '@mikro-orm/core': '^6.3.0', [driver]: '^6.3.0' } }),
    'tsconfig.json': JSON.stringify({ compilerOptions: { experimentalDecorators: true, strict: true }, include: ['src'] }),
    ...files,
  });

const direct = (r: AnalysisResult): string[] =>
  [...new Set(r.accesses.filter((a) => !a.propagated && a.orm === 'mikro-orm').map((a) => `${a.table} ${a.mode}`))].sort();

const ENTITIES = `
import { Entity, PrimaryKey, Property, ManyToOne } from '@mikro-orm/core';
@Entity() export class Publisher { @PrimaryKey() id!: number; }
@Entity() export class BookItem { @PrimaryKey() id!: number; @Property() title!: string; @ManyToOne(() => Publisher) publisher!: Publisher; }
`;

describe('mikro-orm fixture', () => {
  it(`${FIXTURE}: every table, relation, access and transaction, nothing else`, async () => {
    const result = await analyzeFixture(FIXTURE);
    const scores = compareAccess(result, readExpectedAccess(FIXTURE));
    for (const [category, s] of Object.entries(scores)) {
      expect({ category, missing: s.missing, extra: s.extra }).toEqual({ category, missing: [], extra: [] });
      expect(s.precision).toBe(1);
      expect(s.recall).toBe(1);
    }
    expect(result.unresolvedAccesses.filter((u) => u.orm === 'mikro-orm')).toEqual([]);
  });

  it('keeps abstract bases and STI children out of the tables, with inherited columns', async () => {
    const result = await analyzeFixture(FIXTURE);
    const entities = result.tables.filter((t) => t.orm === 'mikro-orm' && t.entity).map((t) => t.entity);
    expect(entities).not.toContain('BaseEntity');
    expect(entities).not.toContain('EmailNotification');
    expect(result.tables.find((t) => t.id === 'default:members')?.columns).toEqual(['createdAt', 'email', 'fullName', 'id', 'updatedAt']);
  });
});

interface Case {
  name: string;
  files: Record<string, string>;
  expected: string[];
  driver?: string;
}

const finds: Case[] = [
  {
    name: 'em methods with the entity named: class, string name, create → write',
    files: {
      'src/entities.ts': ENTITIES,
      'src/svc.ts': `import { EntityManager } from '@mikro-orm/core';
import { BookItem, Publisher } from './entities';
export class Svc {
  constructor(private readonly em: EntityManager) {}
  list() { return this.em.findAll(BookItem); }
  byName() { return this.em.findOne('Publisher', 1); }
  add() { return this.em.create(Publisher, {}); }
}`,
    },
    expected: ['default:book_item read', 'default:publisher read', 'default:publisher write'],
  },
  {
    name: 'persist traced to new T(), em.getReference and a typed parameter; flush alone is nothing',
    files: {
      'src/entities.ts': ENTITIES,
      'src/svc.ts': `import { EntityManager } from '@mikro-orm/postgresql';
import { BookItem, Publisher } from './entities';
export class Svc {
  constructor(private readonly em: EntityManager) {}
  async a() { const b = new BookItem(); this.em.persist(b); await this.em.flush(); }
  async b() { const p = this.em.getReference(Publisher, 1); await this.em.removeAndFlush(p); }
  async c(item: BookItem) { await this.em.flush(); }
}`,
    },
    expected: ['default:book_item write', 'default:publisher write'],
  },
  {
    name: 'em.getRepository, a custom EntityRepository subclass using this.em, and the query builder',
    files: {
      'src/entities.ts': ENTITIES,
      'src/publisher.repository.ts': `import { EntityRepository } from '@mikro-orm/postgresql';
import { BookItem, Publisher } from './entities';
export class PublisherRepository extends EntityRepository<Publisher> {
  titles() { return this.em.createQueryBuilder(BookItem, 'b').select('title').join('b.publisher', 'p').execute(); }
  wipe() { return this.nativeDelete({}); }
}`,
      'src/svc.ts': `import { MikroORM } from '@mikro-orm/core';
import { BookItem } from './entities';
export async function main() {
  const orm = await MikroORM.init({});
  return orm.em.getRepository(BookItem).count();
}`,
    },
    expected: ['default:book_item read', 'default:publisher read', 'default:publisher write'],
  },
  {
    name: 'a generic base repository: subclasses binding the entity inherit its accesses',
    files: {
      'src/entities.ts': ENTITIES,
      'src/base.repo.ts': `import { EntityManager } from '@mikro-orm/postgresql';
export abstract class BaseRepo<T extends object> {
  constructor(protected readonly em: EntityManager) {}
  async save(entity: T): Promise<void> { await this.em.persistAndFlush(entity); }
}`,
      'src/publisher.repo.ts': `import { BaseRepo } from './base.repo';
import { Publisher } from './entities';
export class PublisherRepo extends BaseRepo<Publisher> {}`,
    },
    expected: ['default:publisher write'],
  },
  {
    name: 'EntitySchema with a class: code names the class, the schema names the table',
    files: {
      'src/author.ts': `import { EntitySchema } from '@mikro-orm/core';
export class Author { id!: number; name!: string; }
export const AuthorSchema = new EntitySchema<Author>({ class: Author, tableName: 'writers', properties: { id: { type: 'number', primary: true }, name: { type: 'string' } } });`,
      'src/svc.ts': `import { EntityManager } from '@mikro-orm/postgresql';
import { Author } from './author';
export const list = (em: EntityManager) => em.find(Author, {});`,
    },
    expected: ['default:writers read'],
  },
  {
    name: 'MongoDB driver: camelCase collection names and explicit collection',
    driver: '@mikro-orm/mongodb',
    files: {
      'src/entities.ts': `import { Entity, PrimaryKey } from '@mikro-orm/core';
import { ObjectId } from '@mikro-orm/mongodb';
@Entity() export class AuditEntry { @PrimaryKey() _id!: ObjectId; }
@Entity({ collection: 'sessions' }) export class Session { @PrimaryKey() _id!: ObjectId; }`,
      'src/svc.ts': `import { EntityManager } from '@mikro-orm/mongodb';
import { AuditEntry, Session } from './entities';
export const run = (em: EntityManager) => Promise.all([em.find(AuditEntry, {}), em.nativeDelete(Session, {})]);`,
    },
    expected: ['default:auditEntry read', 'default:sessions write'],
  },
  {
    name: 'contexts: forRoot with contextName and @InjectRepository(T, context)',
    files: {
      'src/entities.ts': `import { Entity, PrimaryKey } from '@mikro-orm/core';
@Entity() export class Ticket { @PrimaryKey() id!: number; }
@Entity() export class Invoice { @PrimaryKey() id!: number; }`,
      'src/app.module.ts': `import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Invoice, Ticket } from './entities';
@Module({ imports: [MikroOrmModule.forRoot({ contextName: 'support', entities: [Ticket] }), MikroOrmModule.forRoot({ contextName: 'billing', entities: [Invoice] })] })
export class AppModule {}`,
      'src/svc.ts': `import { InjectRepository } from '@mikro-orm/nestjs';
import { EntityRepository } from '@mikro-orm/postgresql';
import { Invoice } from './entities';
export class Svc {
  constructor(@InjectRepository(Invoice, 'billing') private readonly invoices: EntityRepository<Invoice>) {}
  all() { return this.invoices.findAll(); }
}`,
    },
    expected: ['billing:invoice read'],
  },
];

describe('mikro-orm finds', () => {
  for (const c of finds) {
    it(c.name, async () => {
      expect(direct(await project(c.files, c.driver))).toEqual(c.expected);
    });
  }

  it('declares pivot tables: <owner>_<property> by default, pivotTable when given', async () => {
    const r = await project({
      'src/entities.ts': `import { Collection, Entity, ManyToMany, PrimaryKey } from '@mikro-orm/core';
@Entity() export class Label { @PrimaryKey() id!: number; @ManyToMany(() => BlogPost, (p) => p.labels) posts = new Collection<BlogPost>(this); }
@Entity() export class BlogPost { @PrimaryKey() id!: number; @ManyToMany(() => Label, (l) => l.posts, { owner: true }) labels = new Collection<Label>(this); @ManyToMany({ entity: () => Label, pivotTable: 'post_pins' }) pinnedLabels = new Collection<Label>(this); }`,
    });
    expect(r.tables.filter((t) => t.orm === 'mikro-orm').map((t) => t.id)).toEqual([
      'default:blog_post',
      'default:blog_post_labels',
      'default:label',
      'default:post_pins',
    ]);
  });
});

const ignores: Case[] = [
  {
    name: 'look-alikes: an event emitter called em, a queue with persist, an array find',
    files: {
      'src/entities.ts': ENTITIES,
      'src/svc.ts': `import { EventEmitter } from 'node:events';
import { BookItem } from './entities';
class Queue { persist(x: unknown) { return x; } find() { return []; } }
export class Svc {
  private readonly em = new EventEmitter();
  private readonly queue = new Queue();
  run(items: BookItem[]) {
    this.em.emit('x');
    this.queue.persist(items[0]);
    this.queue.find();
    return items.find((i) => i.id === 1);
  }
}`,
    },
    expected: ['default:book_item', 'default:publisher'],
  },
];

describe('two ORMs in one project', () => {
  it('TypeORM and MikroORM entities and repositories stay with their own adapter', async () => {
    const r = await analyzeProject({
      'package.json': JSON.stringify({
        name: 'both',
        dependencies: { '@mikro-orm/core': '^6.3.0', typeorm: '^0.3.20', '@nestjs/typeorm': '^10.0.0', '@mikro-orm/nestjs': '^6.0.0' },
      }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { experimentalDecorators: true, strict: true }, include: ['src'] }),
      'src/legacy.entity.ts': `import { Entity, PrimaryGeneratedColumn } from 'typeorm';
@Entity('legacy_orders') export class LegacyOrder { @PrimaryGeneratedColumn() id!: number; }`,
      'src/order.entity.ts': `import { Entity, PrimaryKey } from '@mikro-orm/core';
@Entity({ tableName: 'orders' }) export class Order { @PrimaryKey() id!: number; }`,
      'src/svc.ts': `import { InjectRepository as InjectTypeorm } from '@nestjs/typeorm';
import { InjectRepository } from '@mikro-orm/nestjs';
import { EntityRepository } from '@mikro-orm/core';
import { Repository } from 'typeorm';
import { LegacyOrder } from './legacy.entity';
import { Order } from './order.entity';
export class Svc {
  constructor(@InjectTypeorm(LegacyOrder) private readonly legacy: Repository<LegacyOrder>, @InjectRepository(Order) private readonly orders: EntityRepository<Order>) {}
  run() { return Promise.all([this.legacy.find(), this.orders.nativeDelete({})]); }
}`,
    });
    expect(r.tables.map((t) => `${t.orm} ${t.id}`).sort()).toEqual(['mikro-orm default:orders', 'typeorm default:legacy_orders']);
    expect(
      r.accesses
        .filter((a) => !a.propagated)
        .map((a) => `${a.orm} ${a.table} ${a.mode}`)
        .sort(),
    ).toEqual(['mikro-orm default:orders write', 'typeorm default:legacy_orders read']);
  });
});

describe('mikro-orm ignores', () => {
  for (const c of ignores) {
    it(c.name, async () => {
      const r = await project(c.files);
      expect(direct(r)).toEqual([]);
      expect(r.tables.filter((t) => t.orm === 'mikro-orm').map((t) => t.id)).toEqual(c.expected);
      expect(r.unresolvedAccesses.filter((u) => u.orm === 'mikro-orm')).toEqual([]);
    });
  }
});

const unresolved: { name: string; files: Record<string, string>; reasons: string[] }[] = [
  {
    name: 'persist of a value of unknown type: unknown-model',
    files: {
      'src/svc.ts': `import { EntityManager } from '@mikro-orm/core';
export class Svc { constructor(private readonly em: EntityManager) {} put(x: any) { return this.em.persistAndFlush(x); } }`,
    },
    reasons: ['unknown-model'],
  },
  {
    name: 'a generic service over EntityRepository<T>: generic-model',
    files: {
      'src/base.ts': `import { EntityRepository } from '@mikro-orm/core';
export abstract class CrudService<T extends object> {
  constructor(protected readonly repo: EntityRepository<T>) {}
  list() { return this.repo.findAll(); }
}`,
    },
    reasons: ['generic-model'],
  },
  {
    name: 'raw SQL built elsewhere: dynamic-sql',
    files: {
      'src/svc.ts': `import { EntityManager } from '@mikro-orm/postgresql';
export class Svc { constructor(private readonly em: EntityManager) {} run(sql: string) { return this.em.execute(sql); } }`,
    },
    reasons: ['dynamic-sql'],
  },
];

describe('mikro-orm unresolved', () => {
  for (const c of unresolved) {
    it(c.name, async () => {
      const r = await project(c.files);
      expect(r.unresolvedAccesses.filter((u) => u.orm === 'mikro-orm').map((u) => u.reason)).toEqual(c.reasons);
      expect(direct(r)).toEqual([]);
    });
  }

  it('malformed SQL is a problem with its location, and the run goes on', async () => {
    const r = await project({
      'src/entities.ts': ENTITIES,
      'src/svc.ts': `import { EntityManager } from '@mikro-orm/postgresql';
import { Publisher } from './entities';
export class Svc {
  constructor(private readonly em: EntityManager) {}
  broken() { return this.em.getConnection().execute('SELEC wat FRM;;'); }
  fine() { return this.em.count(Publisher); }
}`,
    });
    expect(r.problems.filter((p) => p.source === 'sql').map((p) => [p.path, p.line])).toEqual([['src/svc.ts', 5]]);
    expect(r.unresolvedAccesses.map((u) => u.reason)).toEqual(['unparsable-sql']);
    expect(direct(r)).toEqual(['default:publisher read']);
  });
});

describe('mikro-orm transactions', () => {
  it('em.transactional, begin/commit on a fork and @Transactional() each scope their accesses', async () => {
    const r = await project({
      'src/entities.ts': ENTITIES,
      'src/svc.ts': `import { EntityManager, Transactional } from '@mikro-orm/core';
import { BookItem, Publisher } from './entities';
export class Svc {
  constructor(private readonly em: EntityManager) {}
  a() { return this.em.transactional(async (em) => { await em.nativeDelete(BookItem, {}); }); }
  async b() {
    const fork = this.em.fork();
    await fork.begin();
    fork.persist(new Publisher());
    await fork.commit();
    await this.em.count(BookItem);
  }
  @Transactional()
  async c() { return this.em.find(Publisher, {}); }
}`,
    });
    expect(r.transactions.map((t) => [t.symbol, t.kind, t.tables.map((x) => `${x.table}:${x.mode}`)])).toEqual([
      ['Svc.a', 'mikro-orm.transactional', ['default:book_item:write']],
      ['Svc.b', 'mikro-orm.begin', ['default:publisher:write']],
      ['Svc.c', 'mikro-orm.@Transactional', ['default:publisher:read']],
    ]);
  });
});
