import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/model/result.js';
import { compareAccess, readExpectedAccess } from '../helpers/expected-access.js';
import { testAdapterCases } from '../helpers/adapter-tester.js';
import { analyzeFixture, analyzeProject } from '../helpers/project.js';

const FIXTURE = 'mongoose-ticketing';
const PKG = JSON.stringify({ name: 'app', dependencies: { mongoose: '^8.2.0', '@nestjs/mongoose': '^10.0.4' } });

const run = (files: Record<string, string>): Promise<AnalysisResult> =>
  analyzeProject({ 'package.json': PKG, 'tsconfig.json': '{"compilerOptions":{"strict":true}}', ...files });

const accessesOf = (r: AnalysisResult): string[] =>
  [...new Set(r.accesses.filter((a) => a.orm === 'mongoose' && !a.propagated).map((a) => `${a.table} ${a.mode}`))].sort();

const plainModel = (name: string, extra = ''): string =>
  `import mongoose, { Schema } from 'mongoose';\nconst schema = new Schema({ name: String });\nexport const ${name} = mongoose.model('${name}', schema${extra});\n`;

describe('mongoose fixture', () => {
  it('matches expected-access.json with full precision and recall', async () => {
    const result = await analyzeFixture(FIXTURE);
    const scores = compareAccess(result, readExpectedAccess(FIXTURE));
    for (const [category, s] of Object.entries(scores)) {
      expect({ category, missing: s.missing, extra: s.extra }).toEqual({ category, missing: [], extra: [] });
    }
    expect(result.unresolvedAccesses.filter((u) => u.orm === 'mongoose')).toEqual([]);
  });

  it('records entity, declaration line and fields', async () => {
    const result = await analyzeFixture(FIXTURE);
    expect(result.tables.find((t) => t.id === 'default:events')).toMatchObject({
      entity: 'Event',
      declaredIn: 'src/events/schemas/event.schema.ts:8',
      columns: ['sold', 'startsAt', 'title', 'venue'],
    });
    expect(result.tables.find((t) => t.id === 'default:audit_trail')).toMatchObject({
      entity: 'AuditLog',
      columns: ['action', 'actor', 'at'],
    });
  });
});

const finds: { name: string; files: Record<string, string>; expected: string[] }[] = [
  {
    name: "default collection names follow Mongoose's pluralisation",
    files: {
      'src/models.ts': ['Person', 'Category', 'News', 'Address', 'OrderItem']
        .map((n) => plainModel(n))
        .join('')
        .replace(/import[^\n]*\n/g, '')
        .replace(/^/, "import mongoose, { Schema } from 'mongoose';\n")
        .replace(/const schema = /g, 'var schema = '),
      'src/svc.ts': `import { Person, Category, News, Address, OrderItem } from './models';\nexport async function f() { await Person.find(); await Category.find(); await News.find(); await Address.find(); await OrderItem.find(); }`,
    },
    expected: ['default:addresses read', 'default:categories read', 'default:news read', 'default:orderitems read', 'default:people read'],
  },
  {
    name: 'explicit collection: third argument and schema option',
    files: {
      'src/a.ts': plainModel('User', ", 'accounts'"),
      'src/b.ts': `import { Schema, model } from 'mongoose';\nexport const Log = model('Log', new Schema({ msg: String }, { collection: 'event_log' }));`,
      'src/svc.ts': `import { User } from './a';\nimport { Log } from './b';\nexport async function f() { await User.updateMany({}, {}); await Log.insertMany([]); }`,
    },
    expected: ['default:accounts write', 'default:event_log write'],
  },
  {
    name: 'default export and CommonJS-style require of a model',
    files: {
      'src/user.model.ts': `import mongoose from 'mongoose';\nexport default mongoose.model('User', new mongoose.Schema({}));`,
      'src/svc.ts': `import Account from './user.model';\nexport const f = () => Account.findOne({});`,
      'src/legacy.js': `const User = require('./user.model');\nexports.g = () => User.deleteOne({});`,
    },
    expected: ['default:users read', 'default:users write'],
  },
  {
    name: 'NestJS @InjectModel with a Model<Doc> type and document saves',
    files: {
      'src/cat.schema.ts': `import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';\n@Schema()\nexport class Cat { @Prop() name!: string; }\nexport const CatSchema = SchemaFactory.createForClass(Cat);`,
      'src/cats.module.ts': `import { MongooseModule } from '@nestjs/mongoose';\nimport { Cat, CatSchema } from './cat.schema';\nexport const imports = [MongooseModule.forFeature([{ name: Cat.name, schema: CatSchema }])];`,
      'src/cats.service.ts': `import { InjectModel } from '@nestjs/mongoose';\nimport { Model } from 'mongoose';\nimport { Cat } from './cat.schema';\nexport class CatsService {\n  constructor(@InjectModel(Cat.name) private catModel: Model<Cat>) {}\n  all() { return this.catModel.find().exec(); }\n  add(dto: object) { return new this.catModel(dto).save(); }\n}`,
    },
    expected: ['default:cats read', 'default:cats write'],
  },
  {
    name: 'model lookups by name and documents from queries',
    files: {
      'src/a.ts': plainModel('Order'),
      'src/svc.ts': `import mongoose from 'mongoose';\nexport async function f(id: string) {\n  const order = await mongoose.model('Order').findById(id);\n  await order!.save();\n}`,
    },
    expected: ['default:orders read', 'default:orders write'],
  },
  {
    name: 'documents held in typed fields and parameters (model<IDoc>, XDocument)',
    files: {
      'src/user.model.ts': `import { Schema, model, Document } from 'mongoose';\nexport interface IUserDocument extends Document { name: string }\nexport const UserModel = model<IUserDocument>('User', new Schema({ name: String }));`,
      'src/user.ts': `import { IUserDocument } from './user.model';\nexport class User {\n  constructor(private _data: IUserDocument) {}\n  rename(name: string) { this._data.name = name; return this._data.save(); }\n}\nexport function drop(doc: IUserDocument | null) { return doc!.deleteOne(); }`,
    },
    expected: ['default:users write'],
  },
  {
    name: 'aggregate $lookup reads and $merge writes other collections',
    files: {
      'src/a.ts': plainModel('Order'),
      'src/svc.ts': `import { Order } from './a';\nexport const f = () => Order.aggregate([{ $lookup: { from: 'customers', localField: 'c', foreignField: '_id', as: 'c' } }, { $merge: { into: 'order_stats' } }]);`,
    },
    expected: ['default:customers read', 'default:order_stats write', 'default:orders read'],
  },
  {
    name: 'a static builder (User.build(attrs).save()) and a custom find… static declared on the schema',
    files: {
      'src/ticket.ts': `import mongoose from 'mongoose';\ninterface TicketModel extends mongoose.Model<any> { build(a: object): any; findByEvent(e: object): Promise<any>; }\nconst schema = new mongoose.Schema({ title: String });\nschema.statics.build = (a: object) => new Ticket(a);\nschema.statics.findByEvent = (e: { id: string }) => Ticket.findOne({ _id: e.id });\nconst Ticket = mongoose.model<any, TicketModel>('Ticket', schema);\nexport { Ticket };`,
      'src/created.ts': `import { Ticket } from './ticket';\nexport async function onCreated(data: object) {\n  const ticket = Ticket.build(data);\n  await ticket.save();\n}`,
      'src/updated.ts': `import { Ticket } from './ticket';\nexport async function onUpdated(data: { id: string }) {\n  const ticket = await Ticket.findByEvent(data);\n  await ticket?.save();\n}`,
    },
    expected: ['default:tickets read', 'default:tickets write'],
  },
  {
    name: 'Typegoose getModelForClass',
    files: {
      'src/kitten.ts': `import { prop, getModelForClass } from '@typegoose/typegoose';\nclass Kitten { @prop() name?: string; }\nexport const KittenModel = getModelForClass(Kitten);`,
      'src/svc.ts': `import { KittenModel } from './kitten';\nexport const f = () => KittenModel.create({ name: 'x' });`,
    },
    expected: ['default:kittens write'],
  },
];

const ignores: { name: string; files: Record<string, string> }[] = [
  {
    name: 'a cache and a Map with find/delete, array find, a service findById',
    files: {
      'src/a.ts': plainModel('User'),
      'src/svc.ts': `class UsersService { findById(id: string) { return id; } }\nexport class C {\n  private users = new Map<string, number>();\n  constructor(private usersService: UsersService, private cache: { find(k: string): unknown }) {}\n  f() { this.users.delete('a'); this.cache.find('k'); this.usersService.findById('1'); return [1].find((x) => x); }\n}`,
    },
  },
  {
    name: 'mongoose listed in package.json but never imported',
    files: { 'src/svc.ts': `class User { static find() { return []; } }\nexport const f = () => User.find();` },
  },
];

const unresolved: { name: string; files: Record<string, string>; reason: string }[] = [
  {
    name: 'a generic repository over Model<T>',
    files: {
      'src/base.repository.ts': `import { Model } from 'mongoose';\nexport abstract class BaseRepository<T> {\n  constructor(protected readonly model: Model<T>) {}\n  findAll() { return this.model.find(); }\n}`,
    },
    reason: 'generic-model',
  },
  {
    name: 'a model looked up by a computed name',
    files: { 'src/svc.ts': `import mongoose from 'mongoose';\nexport const f = (name: string) => mongoose.model(name).find();` },
    reason: 'dynamic-model',
  },
  {
    name: 'an injected model that is never registered',
    files: {
      'src/svc.ts': `import { InjectModel } from '@nestjs/mongoose';\nimport { Model } from 'mongoose';\nexport class S {\n  constructor(@InjectModel('Ghost') private ghosts: Model<unknown>) {}\n  f() { return this.ghosts.countDocuments(); }\n}`,
    },
    reason: 'unknown-model',
  },
];

describe('mongoose adapter', () => {
  testAdapterCases({ finds, ignores, unresolved }, run, accessesOf);

  it('named connections become stores; same model name in two stores', async () => {
    const r = await run({
      'src/db.ts': `import mongoose from 'mongoose';\nexport const reporting = mongoose.createConnection('mongodb://r');`,
      'src/models.ts': `import mongoose, { Schema } from 'mongoose';\nimport { reporting } from './db';\nconst s = new Schema({ user: { type: Schema.Types.ObjectId, ref: 'User' } });\nexport const Ticket = mongoose.model('Ticket', s);\nexport const ReportTicket = reporting.model('Ticket', s);\nexport const User = mongoose.model('User', new Schema({}));`,
      'src/svc.ts': `import { Ticket, ReportTicket } from './models';\nexport async function f() { await Ticket.find(); await ReportTicket.create({}); }`,
    });
    expect(r.tables.map((t) => t.id)).toEqual(['default:tickets', 'default:users', 'reporting:tickets']);
    expect(accessesOf(r)).toEqual(['default:tickets read', 'reporting:tickets write']);
    // A ref resolves in its own store first, else wherever the model is.
    expect(r.relations.map((x) => `${x.from} -> ${x.to} ${x.kind} ${x.field}`)).toEqual([
      'default:tickets -> default:users ref user',
      'reporting:tickets -> default:users ref user',
    ]);
  });

  it('generic base repositories: subclasses that bind the model get the accesses', async () => {
    const r = await run({
      'src/base.repository.ts': `import { Model } from 'mongoose';\nexport abstract class BaseRepository<T> {\n  constructor(protected readonly model: Model<T>) {}\n  findAll() { return this.model.find(); }\n  add(doc: Partial<T>) { return this.model.create(doc); }\n}`,
      'src/user.schema.ts': `import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';\n@Schema()\nexport class User { @Prop() name!: string; }\nexport const UserSchema = SchemaFactory.createForClass(User);`,
      'src/users.module.ts': `import { MongooseModule } from '@nestjs/mongoose';\nimport { User, UserSchema } from './user.schema';\nexport const imports = [MongooseModule.forFeature([{ name: User.name, schema: UserSchema }])];`,
      'src/users.repository.ts': `import { InjectModel } from '@nestjs/mongoose';\nimport { Model } from 'mongoose';\nimport { BaseRepository } from './base.repository';\nimport { User } from './user.schema';\nexport class UsersRepository extends BaseRepository<User> {\n  constructor(@InjectModel(User.name) userModel: Model<User>) { super(userModel); }\n}`,
      'src/users.service.ts': `import { UsersRepository } from './users.repository';\nexport class UsersService {\n  constructor(private readonly users: UsersRepository) {}\n  list() { return this.users.findAll(); }\n}`,
    });
    const direct = r.accesses.filter((a) => !a.propagated).map((a) => `${a.unit} ${a.symbol} ${a.table} ${a.mode}`);
    expect(direct).toEqual([
      'src/users.repository.ts UsersRepository.add default:users write',
      'src/users.repository.ts UsersRepository.findAll default:users read',
    ]);
    expect(r.accesses.filter((a) => a.propagated).map((a) => `${a.unit} ${a.table} ${a.mode}`)).toEqual([
      'src/users.service.ts default:users read',
    ]);
    expect(r.unresolvedAccesses).toEqual([]);
  });

  it('a model handed straight to super() binds a base typed with a type parameter of any name', async () => {
    const r = await run({
      'src/base-repository.ts': `import { Model } from 'mongoose';\nexport class BaseRepository<T_DBModel, T_Entity> {\n  constructor(protected MongooseModel: Model<T_DBModel>, protected entity: new () => T_Entity) {}\n  count() { return this.MongooseModel.countDocuments(); }\n  remove(id: string) { return this.MongooseModel.deleteOne({ _id: id }); }\n}`,
      'src/job.schema.ts': `import mongoose, { Schema } from 'mongoose';\nconst jobSchema = new Schema({ name: String });\nexport const Job = (mongoose.models.Job as mongoose.Model<unknown>) || mongoose.model('Job', jobSchema);`,
      'src/job.repository.ts': `import { BaseRepository } from './base-repository';\nimport { Job } from './job.schema';\nclass JobEntity {}\nexport class JobRepository extends BaseRepository<unknown, JobEntity> {\n  constructor() { super(Job, JobEntity); }\n}`,
    });
    expect(r.accesses.filter((a) => !a.propagated).map((a) => `${a.unit} ${a.symbol} ${a.table} ${a.mode}`)).toEqual([
      'src/job.repository.ts JobRepository.count default:jobs read',
      'src/job.repository.ts JobRepository.remove default:jobs write',
    ]);
    expect(r.unresolvedAccesses).toEqual([]);
  });

  it('NestJS connection names held in constants', async () => {
    const r = await run({
      'src/db.constants.ts': `export const ARCHIVE_DB = 'archive';`,
      'src/note.schema.ts': `import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';\n@Schema()\nexport class Note { @Prop() text!: string; }\nexport const NoteSchema = SchemaFactory.createForClass(Note);`,
      'src/notes.module.ts': `import { Module } from '@nestjs/common';\nimport { MongooseModule } from '@nestjs/mongoose';\nimport { ARCHIVE_DB } from './db.constants';\nimport { Note, NoteSchema } from './note.schema';\n@Module({ imports: [MongooseModule.forFeature([{ name: Note.name, schema: NoteSchema }]), MongooseModule.forFeature([{ name: Note.name, schema: NoteSchema }], ARCHIVE_DB)] })\nexport class NotesModule {}`,
      'src/archive.service.ts': `import { InjectModel } from '@nestjs/mongoose';\nimport { Model } from 'mongoose';\nimport { ARCHIVE_DB } from './db.constants';\nimport { Note } from './note.schema';\nexport class ArchiveService {\n  constructor(@InjectModel(Note.name, ARCHIVE_DB) private archived: Model<Note>, @InjectModel(Note.name) private live: Model<Note>) {}\n  move() { return Promise.all([this.archived.insertMany([]), this.live.find()]); }\n}`,
    });
    expect(r.tables.map((t) => t.id)).toEqual(['archive:notes', 'default:notes']);
    expect(accessesOf(r)).toEqual(['archive:notes write', 'default:notes read']);
  });

  it('a file with syntax errors still yields its models and the run continues', async () => {
    const r = await run({
      'src/broken.ts': `import mongoose from 'mongoose';\nexport const Tag = mongoose.model('Tag', new mongoose.Schema({ name: String }));\nexport function oops( {\n  return Tag.find(;\n`,
      'src/svc.ts': `import { Tag } from './broken';\nexport const f = () => Tag.deleteMany({});`,
    });
    expect(r.summary.parseErrors.map((p) => p.path)).toEqual(['src/broken.ts']);
    expect(r.tables.map((t) => t.id)).toEqual(['default:tags']);
    expect(accessesOf(r)).toContain('default:tags write');
  });

  it('startSession + startTransaction scopes the calls passing the session', async () => {
    const r = await run({
      'src/a.ts': plainModel('Account'),
      'src/b.ts': plainModel('Transfer'),
      'src/svc.ts': `import mongoose from 'mongoose';\nimport { Account } from './a';\nimport { Transfer } from './b';\nexport async function move() {\n  const session = await mongoose.startSession();\n  session.startTransaction();\n  await Account.updateOne({}, {}, { session });\n  await Transfer.create([{}], { session });\n  await Account.find().session(session);\n  await Transfer.countDocuments();\n  await session.commitTransaction();\n}`,
    });
    expect(
      r.transactions.map(
        (t) =>
          `${t.kind} ${t.tables
            .map((x) => `${x.table}:${x.mode}`)
            .sort()
            .join(',')}`,
      ),
    ).toEqual(['mongoose.startTransaction default:accounts:read,default:accounts:write,default:transfers:write']);
  });
});
