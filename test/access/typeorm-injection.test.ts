/**
 * TypeORM repositories reached through the project's own plumbing: awilix
 * destructuring (`{ noteRepository }` kept as `this.noteRepository_`, typed
 * `typeof NoteRepository` or untyped), `manager.withRepository(this.x_)`,
 * repositories built as `dataSource.getRepository(X).extend({…})`, a getter
 * returning the manager, and typedi / tsyringe / Nest `@Inject` by type.
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/model/result.js';
import { testAdapterCases, type AdapterCases } from '../helpers/adapter-tester.js';
import { analyzeFixture, analyzeProject } from '../helpers/project.js';

const run = (files: Record<string, string>): Promise<AnalysisResult> =>
  analyzeProject({
    'package.json': JSON.stringify({ name: 'snippet', dependencies: { typeorm: '^0.3.20', awilix: '^8.0.0' } }),
    'tsconfig.json': JSON.stringify({ compilerOptions: { experimentalDecorators: true, strict: true }, include: ['src'] }),
    ...files,
  });

const accessesOf = (r: AnalysisResult): string[] =>
  [...new Set(r.accesses.filter((a) => !a.propagated).map((a) => `${a.unit} ${a.table} ${a.mode}`))].sort();

const MODELS = {
  'src/models/note.ts': `import { Entity, PrimaryGeneratedColumn, Column } from 'typeorm';
@Entity() export class Note { @PrimaryGeneratedColumn() id!: number; @Column() text!: string; }`,
  'src/loaders/database.ts': `import { DataSource } from 'typeorm';
export const dataSource = new DataSource({ type: 'postgres' });`,
  'src/repositories/note.ts': `import { dataSource } from '../loaders/database';
import { Note } from '../models/note';
export const NoteRepository = dataSource.getRepository(Note).extend({
  async findByText(text: string) { return this.find({ where: { text } }); },
});`,
  'src/interfaces/base-service.ts': `import { EntityManager } from 'typeorm';
export abstract class TransactionBaseService {
  protected manager_: EntityManager;
  protected transactionManager_: EntityManager | undefined;
  protected get activeManager_(): EntityManager { return this.transactionManager_ ?? this.manager_; }
  protected constructor(protected readonly __container__: any) { this.manager_ = __container__.manager; }
  protected async atomicPhase_<T>(work: (transactionManager: EntityManager) => Promise<T>): Promise<T> { return work(this.manager_); }
}`,
};

const cases: AdapterCases = {
  finds: [
    {
      name: 'awilix: typeof-typed field, activeManager_ getter, withRepository, atomicPhase_ callback',
      files: {
        ...MODELS,
        'src/services/note.ts': `import { TransactionBaseService } from '../interfaces/base-service';
import { NoteRepository } from '../repositories/note';
type InjectedDependencies = { noteRepository: typeof NoteRepository };
export class NoteService extends TransactionBaseService {
  protected readonly noteRepository_: typeof NoteRepository;
  constructor({ noteRepository }: InjectedDependencies) { super(arguments[0]); this.noteRepository_ = noteRepository; }
  async retrieve(id: number) { const repo = this.activeManager_.withRepository(this.noteRepository_); return repo.findOne({ where: { id } }); }
  async create(text: string) {
    return this.atomicPhase_(async (manager) => { const repo = manager.withRepository(this.noteRepository_); return repo.save(repo.create({ text })); });
  }
}`,
      },
      expected: [
        'src/repositories/note.ts default:note read',
        'src/services/note.ts default:note read',
        'src/services/note.ts default:note write',
      ],
    },
  ],
  ignores: [
    {
      name: 'a field typed typeof a non-repository constant (a Map, a plain object)',
      files: {
        ...MODELS,
        'src/repositories/note.ts': 'export {};',
        'src/services/cache.ts': `const STORE = new Map<string, number>();
const CONFIG = { find: (k: string) => k };
export class CacheService {
  protected readonly store_: typeof STORE = STORE;
  protected readonly config_: typeof CONFIG = CONFIG;
  read(k: string) { return [this.store_.get(k), this.config_.find(k)]; }
}`,
      },
    },
  ],
  unresolved: [
    {
      name: 'the manager of atomicPhase_ removes an entity it cannot name',
      files: {
        ...MODELS,
        'src/repositories/note.ts': 'export {};',
        'src/services/note.ts': `import { TransactionBaseService } from '../interfaces/base-service';
export class NoteService extends TransactionBaseService {
  async drop(rows: any[]) { return this.atomicPhase_(async (transactionManager) => transactionManager.remove(rows)); }
}`,
      },
      reason: 'unknown-model',
    },
  ],
};

describe('typeorm repositories through the project plumbing', () => {
  testAdapterCases(cases, run, accessesOf);
});

describe('typeorm-awilix-shop fixture', () => {
  it('services reach their repositories through typeof fields, a manager getter and withRepository', async () => {
    const r = await analyzeFixture('typeorm-awilix-shop');
    expect(accessesOf(r)).toEqual([
      'src/repositories/note.ts default:note read',
      'src/services/cart.ts default:cart read',
      'src/services/note.ts default:note read',
      'src/services/note.ts default:note write',
    ]);
    expect(r.unresolvedAccesses).toEqual([]);
    expect(r.accessCoverage?.blind.map((b) => b.unit)).toEqual([]);
  });
});
