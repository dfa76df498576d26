import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/model/result.js';
import { compareAccess, readExpectedAccess } from '../helpers/expected-access.js';
import { testAdapterCases } from '../helpers/adapter-tester.js';
import { analyzeFixture, analyzeProject } from '../helpers/project.js';

const FIXTURE = 'sequelize-bookstore';
const PKG = JSON.stringify({
  name: 'app',
  dependencies: { sequelize: '^6.37.0', 'sequelize-typescript': '^2.1.6', '@nestjs/sequelize': '^10.0.0' },
});
const DB = `import { Sequelize } from 'sequelize';\nexport const sequelize = new Sequelize('postgres://localhost/app');\n`;

const run = (files: Record<string, string>): Promise<AnalysisResult> =>
  analyzeProject({ 'package.json': PKG, 'tsconfig.json': '{"compilerOptions":{"strict":true}}', 'src/db.ts': DB, ...files });

/** Direct sequelize accesses as sorted `table mode` strings. */
const accessesOf = (r: AnalysisResult): string[] =>
  [...new Set(r.accesses.filter((a) => a.orm === 'sequelize' && !a.propagated).map((a) => `${a.table} ${a.mode}`))].sort();

const userModel = (name = 'User', options = '{ sequelize }'): string =>
  `import { Model, DataTypes } from 'sequelize';\nimport { sequelize } from '../db';\nexport class ${name} extends Model {}\n${name}.init({ name: DataTypes.STRING }, ${options});\n`;

describe('sequelize fixture', () => {
  it('matches expected-access.json with full precision and recall', async () => {
    const result = await analyzeFixture(FIXTURE);
    const scores = compareAccess(result, readExpectedAccess(FIXTURE));
    for (const [category, s] of Object.entries(scores)) {
      expect({ category, missing: s.missing, extra: s.extra }).toEqual({ category, missing: [], extra: [] });
    }
    expect(result.unresolvedAccesses.filter((u) => u.orm === 'sequelize')).toEqual([]);
  });

  it('records entity, declaration line and columns', async () => {
    const result = await analyzeFixture(FIXTURE);
    expect(result.tables.find((t) => t.id === 'mainDb:People')).toMatchObject({
      entity: 'Person',
      declaredIn: 'src/customers/models/person.model.ts:5',
      columns: ['email', 'id', 'name'],
      orm: 'sequelize',
    });
    expect(result.tables.find((t) => t.id === 'analyticsDb:Orders')).toMatchObject({
      entity: 'Order',
      declaredIn: 'src/analytics/models/event.model.ts:11',
    });
  });
});

const finds: { name: string; files: Record<string, string>; expected: string[] }[] = [
  {
    name: 'Model.init pluralises the class name with inflection rules',
    files: {
      'src/models/user.ts': userModel('Person'),
      'src/models/category.ts': userModel('Category'),
      'src/svc.ts': `import { Person } from './models/user';\nimport { Category } from './models/category';\nexport async function f() { await Person.findAll(); await Category.create({}); }`,
    },
    expected: ['default:Categories write', 'default:People read'],
  },
  {
    name: 'explicit tableName, modelName and freezeTableName',
    files: {
      'src/models/a.ts': userModel('Account', `{ sequelize, tableName: 'accounts_v2' }`),
      'src/models/b.ts': userModel('Badge', `{ sequelize, modelName: 'Medal' }`),
      'src/models/c.ts': userModel('Crate', `{ sequelize, freezeTableName: true }`),
      'src/svc.ts': `import { Account } from './models/a';\nimport { Badge } from './models/b';\nimport { Crate } from './models/c';\nexport async function f() { await Account.count(); await Badge.findOne(); await Crate.destroy({ where: {} }); }`,
    },
    expected: ['default:Crate write', 'default:Medals read', 'default:accounts_v2 read'],
  },
  {
    name: 'global define options: underscored table names',
    files: {
      'src/db.ts': `import { Sequelize } from 'sequelize';\nexport const sequelize = new Sequelize('x', { define: { underscored: true } });\n`,
      'src/models/item.ts': userModel('OrderItem'),
      'src/svc.ts': `import { OrderItem } from './models/item';\nexport const list = () => OrderItem.findAll();`,
    },
    expected: ['default:order_items read'],
  },
  {
    name: 'a second instance without models (a script) does not make a store',
    files: {
      'src/scripts/migrate.ts': `import { Sequelize } from 'sequelize';\nexport const admin = new Sequelize('postgres://admin@localhost/app');`,
      'src/models/user.ts': userModel(),
      'src/svc.ts': `import { User } from './models/user';\nexport const f = () => User.findAll();`,
    },
    expected: ['default:Users read'],
  },
  {
    name: 'sequelize.define: the variable is the model',
    files: {
      'src/models/task.ts': `import { sequelize } from '../db';\nexport const Task = sequelize.define('task', {});\nexport const Log = sequelize.define('log', {}, { freezeTableName: true });`,
      'src/svc.ts': `import { Task, Log } from './models/task';\nexport async function f() { await Task.bulkCreate([]); await Log.findAndCountAll(); }`,
    },
    expected: ['default:log read', 'default:tasks write'],
  },
  {
    name: 'sequelize-typescript @Table with default and explicit names',
    files: {
      'src/models/invoice.ts': `import { Table, Model, Column, HasMany } from 'sequelize-typescript';\nimport { LineItem } from './line-item';\n@Table\nexport class Invoice extends Model { @Column total!: number; @HasMany(() => LineItem) items!: LineItem[]; }`,
      'src/models/line-item.ts': `import { Table, Model, Column, ForeignKey, BelongsTo } from 'sequelize-typescript';\nimport { Invoice } from './invoice';\n@Table({ tableName: 'line_items' })\nexport class LineItem extends Model { @ForeignKey(() => Invoice) @Column invoiceId!: number; @BelongsTo(() => Invoice) invoice!: Invoice; }`,
      'src/svc.ts': `import { Invoice } from './models/invoice';\nimport { LineItem } from './models/line-item';\nexport async function f() { await Invoice.findAll({ include: [LineItem] }); await LineItem.update({}, { where: {} }); }`,
    },
    expected: ['default:Invoices read', 'default:line_items read', 'default:line_items write'],
  },
  {
    name: '@InjectModel(User) from @nestjs/sequelize',
    files: {
      'src/models/user.ts': userModel(),
      'src/users.service.ts': `import { InjectModel } from '@nestjs/sequelize';\nimport { User } from './models/user';\nexport class UsersService {\n  constructor(@InjectModel(User) private userModel: typeof User) {}\n  find() { return this.userModel.findOne({ where: {} }); }\n  add() { return this.userModel.create({}); }\n}`,
    },
    expected: ['default:Users read', 'default:Users write'],
  },
  {
    name: 'instances from a model call: save, update, destroy, reload',
    files: {
      'src/models/user.ts': userModel(),
      'src/svc.ts': `import { User } from './models/user';\nexport async function touch(id: number) {\n  const user = await User.findByPk(id);\n  await user!.reload();\n  await user!.update({});\n}\nexport async function make() { const u = User.build({}); await u.save(); }`,
    },
    expected: ['default:Users read', 'default:Users write'],
  },
  {
    name: 'models through sequelize.models, sequelize.model() and a db object',
    files: {
      'src/models/task.ts': `export default (sequelize: any, DataTypes: any) => {\n  const Task = sequelize.define('Task', { title: DataTypes.STRING });\n  return Task;\n};`,
      'src/svc.ts': `import { sequelize } from './db';\nimport db from './models';\nexport async function f() { await sequelize.models.Task.findAll(); await sequelize.model('Task').count(); await db.Task.destroy({ where: {} }); }`,
    },
    expected: ['default:Tasks read', 'default:Tasks write'],
  },
  {
    name: 'sequelize-cli models: class inside a factory, loaded through models/index.js',
    files: {
      'src/models/post.js': `const { Model } = require('sequelize');\nmodule.exports = (sequelize, DataTypes) => {\n  class Post extends Model {\n    static associate(models) { Post.belongsTo(models.Author); }\n  }\n  Post.init({ title: DataTypes.STRING }, { sequelize, modelName: 'Post' });\n  return Post;\n};`,
      'src/models/author.js': `const { Model } = require('sequelize');\nmodule.exports = (sequelize, DataTypes) => {\n  class Author extends Model {}\n  Author.init({ name: DataTypes.STRING }, { sequelize, modelName: 'Author', tableName: 'authors' });\n  return Author;\n};`,
      'src/models/index.js': `const fs = require('fs');\nconst db = {};\nfor (const f of fs.readdirSync(__dirname)) { const model = require('./' + f)(null, {}); db[model.name] = model; }\nmodule.exports = db;`,
      'src/posts.controller.js': `const db = require('./models');\nconst { Author } = require('./models');\nexports.list = () => db.Post.findAll({ include: [{ model: db.Author }] });\nexports.add = (body) => Author.create(body);`,
    },
    expected: ['default:Posts read', 'default:authors read', 'default:authors write'],
  },
  {
    name: 'nested include reads every included model',
    files: {
      'src/models/a.ts': userModel('Author'),
      'src/models/b.ts': userModel('Book'),
      'src/models/c.ts': userModel('Review'),
      'src/svc.ts': `import { Author } from './models/a';\nimport { Book } from './models/b';\nimport { Review } from './models/c';\nexport const f = () => Author.findAll({ include: [{ model: Book, include: [Review] }] });`,
    },
    expected: ['default:Authors read', 'default:Books read', 'default:Reviews read'],
  },
  {
    name: 'includes by association name (as, decorated property)',
    files: {
      'src/models/a.ts': userModel('Customer'),
      'src/models/b.ts': `${userModel('Order')}import { Customer } from './a';\nOrder.belongsTo(Customer, { as: 'buyer' });`,
      'src/models/invoice.ts': `import { Table, Model, Column } from 'sequelize-typescript';\n@Table\nexport class Invoice extends Model { @Column total!: number; }`,
      'src/models/line.ts': `import { Table, Model, BelongsTo } from 'sequelize-typescript';\nimport { Invoice } from './invoice';\n@Table\nexport class Line extends Model { @BelongsTo(() => Invoice) invoice!: Invoice; }`,
      'src/svc.ts': `import { Order } from './models/b';\nimport { Line } from './models/line';\nexport async function f() { await Order.findAll({ include: [{ association: 'buyer' }] }); await Line.findOne({ include: ['invoice'] }); }`,
    },
    expected: ['default:Customers read', 'default:Invoices read', 'default:Lines read', 'default:Orders read'],
  },
  {
    name: 'sequelize.query SQL is parsed and matched to declared tables',
    files: {
      'src/models/user.ts': userModel(),
      'src/svc.ts': `import { sequelize } from './db';\nexport async function f() { await sequelize.query('UPDATE "Users" SET name = $1'); await sequelize.query(\`SELECT * FROM audit_log WHERE id = \${1}\`); }`,
    },
    expected: ['default:Users write', 'default:audit_log read'],
  },
];

const ignores: { name: string; files: Record<string, string> }[] = [
  {
    name: 'a NestJS service method named findAll and a cache with model-like methods',
    files: {
      'src/models/user.ts': userModel(),
      'src/svc.ts': `import { User } from './models/user';\nclass UsersService { findAll() { return []; } }\nclass Cache { create(k: string) { return k; } destroy() {} }\nexport class C {\n  constructor(private usersService: UsersService, private cache: Cache) {}\n  f() { this.usersService.findAll(); this.cache.create('x'); this.cache.destroy(); return User.name; }\n}`,
    },
  },
  {
    name: 'a Map named users, array find, and a non-model class with static methods',
    files: {
      'src/models/user.ts': userModel(),
      'src/svc.ts': `const users = new Map<string, number>();\nclass Repo { static findAll() { return []; } static create() {} }\nexport function f() { users.set('a', 1); users.delete('a'); [1, 2].find((x) => x > 1); Repo.findAll(); Repo.create(); }`,
    },
  },
  {
    name: 'a lower-case local named like a lower-case model (front-end object)',
    files: {
      'src/models/comment.ts': userModel('Comment', `{ sequelize, modelName: 'comment' }`),
      'src/ui.ts': `export function remove(store: { get(id: string): { destroy(): void } }) { const comment = store.get('1'); comment.destroy(); }`,
    },
  },
  {
    name: 'sequelize listed in package.json but never imported',
    files: {
      'src/db.ts': 'export const nothing = 1;',
      'src/svc.ts': `class User { static findAll() { return []; } }\nexport const f = () => User.findAll();`,
    },
  },
];

const unresolved: { name: string; files: Record<string, string>; reason: string }[] = [
  {
    name: 'a generic base repository over ModelStatic<T>',
    files: {
      'src/base.repository.ts': `import { Model, ModelStatic } from 'sequelize';\nexport class BaseRepository<T extends Model> {\n  constructor(protected readonly model: ModelStatic<T>) {}\n  all() { return this.model.findAll(); }\n}`,
    },
    reason: 'generic-model',
  },
  {
    name: 'a model looked up by a computed name',
    files: { 'src/svc.ts': `import { sequelize } from './db';\nexport const f = (name: string) => sequelize.model(name).findAll();` },
    reason: 'dynamic-model',
  },
  {
    name: 'a model from outside the project',
    files: {
      'src/svc.ts': `import { Sequelize } from 'sequelize';\nimport { Customer } from '@acme/models';\nexport const f = () => Customer.findByPk(1);`,
    },
    reason: 'unknown-model',
  },
  {
    name: 'a query whose SQL is not a literal',
    files: { 'src/svc.ts': `import { sequelize } from './db';\nexport const f = (sql: string) => sequelize.query(sql);` },
    reason: 'dynamic-sql',
  },
];

describe('sequelize adapter', () => {
  testAdapterCases({ finds, ignores, unresolved }, run, accessesOf);

  it('relations from associations, including associate(models) and a string through table', async () => {
    const r = await run({
      'src/models/user.ts': `${userModel()}User.hasOne(Profile);\nimport { Profile } from './profile';`,
      'src/models/profile.ts': userModel('Profile'),
      'src/models/group.ts': `import { Model } from 'sequelize';\nimport { sequelize } from '../db';\nexport class Group extends Model {\n  static associate(models: any) { this.belongsToMany(models.User, { through: 'user_groups' }); }\n}\nGroup.init({}, { sequelize });`,
    });
    expect(r.relations.map((x) => `${x.from} -> ${x.to} ${x.kind}`).sort()).toEqual([
      'default:Profiles -> default:Users one-to-one',
      'default:user_groups -> default:Groups many-to-one',
      'default:user_groups -> default:Users many-to-one',
    ]);
    expect(r.tables.map((t) => t.id)).toContain('default:user_groups');
  });

  it('generic base repositories: subclasses that bind the model get the accesses', async () => {
    const r = await run({
      'src/models/user.ts': userModel(),
      'src/models/log.ts': userModel('Log'),
      'src/base.repository.ts': `import { Model, ModelStatic } from 'sequelize';\nexport class BaseRepository<T extends Model> {\n  constructor(protected readonly model: ModelStatic<T>) {}\n  all() { return this.model.findAll(); }\n  remove(id: number) { return this.model.destroy({ where: { id } }); }\n}`,
      'src/user.repository.ts': `import { BaseRepository } from './base.repository';\nimport { User } from './models/user';\nexport class UserRepository extends BaseRepository<User> {\n  constructor() { super(User); }\n  remove(id: number) { return User.update({ deleted: true }, { where: { id } }); }\n}`,
      'src/log.repository.ts': `import { InjectModel } from '@nestjs/sequelize';\nimport { BaseRepository } from './base.repository';\nimport { Log } from './models/log';\nexport class LogRepository extends BaseRepository<Log> {\n  constructor(@InjectModel(Log) logs: typeof Log) { super(logs); }\n}`,
    });
    expect(r.accesses.filter((a) => !a.propagated).map((a) => `${a.symbol} ${a.table} ${a.mode}`)).toEqual([
      'LogRepository.all default:Logs read',
      'LogRepository.remove default:Logs write',
      'UserRepository.all default:Users read',
      'UserRepository.remove default:Users write',
    ]);
    expect(r.unresolvedAccesses).toEqual([]);
  });

  it('transactions: callback form, managed form with { transaction: t } and t passed to a repository', async () => {
    const r = await run({
      'src/models/user.ts': userModel(),
      'src/models/log.ts': userModel('Log'),
      'src/user.repository.ts': `import type { Transaction } from 'sequelize';\nimport { User } from './models/user';\nexport class UserRepository {\n  archive(t: Transaction) { return User.destroy({ where: {}, transaction: t }); }\n}\nexport const users = new UserRepository();`,
      'src/svc.ts': `import { sequelize } from './db';\nimport { User } from './models/user';\nimport { Log } from './models/log';\nimport { users } from './user.repository';\nexport async function a() { await sequelize.transaction(async (t) => { await User.create({}, { transaction: t }); }); }\nexport async function b() {\n  const t = await sequelize.transaction();\n  await Log.create({}, { transaction: t });\n  await users.archive(t);\n  await User.count();\n  await t.commit();\n}`,
    });
    expect(r.transactions.map((t) => `${t.symbol} ${t.kind} ${t.tables.map((x) => `${x.table}:${x.mode}`).join(',')}`)).toEqual([
      'a sequelize.transaction default:Users:write',
      'b sequelize.transaction default:Logs:write,default:Users:write',
    ]);
  });

  it('reports malformed SQL with its location and keeps going', async () => {
    const r = await run({
      'src/models/user.ts': userModel(),
      'src/svc.ts': `import { sequelize } from './db';\nimport { User } from './models/user';\nexport async function f() {\n  await sequelize.query('this is not sql at all');\n  await User.findAll();\n}`,
    });
    expect(r.problems.filter((p) => p.source === 'sql').map((p) => `${p.path}:${p.line}`)).toEqual(['src/svc.ts:4']);
    expect(r.unresolvedAccesses.map((u) => u.reason)).toEqual(['unparsable-sql']);
    expect(accessesOf(r)).toEqual(['default:Users read']);
  });
});
