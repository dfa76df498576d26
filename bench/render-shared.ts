/**
 * The files every synthetic monolith shares: the bootstrap, the root module,
 * the shared kernel that every domain imports (logger, errors, utilities,
 * database providers) and the project files (package.json, tsconfig.json
 * with path aliases, the Prisma schema).
 */
import type { MonolithPlan } from './monolith-plan.js';

const SHARED: Record<string, string> = {
  'src/shared/index.ts': `// The shared kernel's public surface; domains import from here or from a sub-barrel.
export * from './logger';
export * from './errors';
export * from './utils';
export { EventBus } from './events/event-bus';
export type { DomainEvent } from './events/event-bus';
`,
  'src/shared/shared.module.ts': `import { Global, Module } from '@nestjs/common';
import { AppConfig } from './config';
import { EventBus } from './events/event-bus';
import { LoggerService } from './logger';

/** Global providers every domain module gets without importing them. */
@Global()
@Module({
  providers: [AppConfig, EventBus, LoggerService],
  exports: [AppConfig, EventBus, LoggerService],
})
export class SharedModule {}
`,
  'src/shared/logger/logger.service.ts': `import { Injectable, Scope } from '@nestjs/common';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

interface LogRecord {
  level: LogLevel;
  context: string;
  message: string;
  meta?: Record<string, unknown>;
}

/** A structured logger; one JSON line per record so the log pipeline can index fields. */
@Injectable({ scope: Scope.TRANSIENT })
export class LoggerService {
  private context = 'app';

  setContext(context: string): this {
    this.context = context;
    return this;
  }

  debug(message: string, meta?: Record<string, unknown>): void {
    this.write({ level: 'debug', context: this.context, message, meta });
  }

  info(message: string, meta?: Record<string, unknown>): void {
    this.write({ level: 'info', context: this.context, message, meta });
  }

  warn(message: string, meta?: Record<string, unknown>): void {
    this.write({ level: 'warn', context: this.context, message, meta });
  }

  error(message: string, error?: unknown, meta?: Record<string, unknown>): void {
    const detail = error instanceof Error ? { name: error.name, stack: error.stack } : { error };
    this.write({ level: 'error', context: this.context, message, meta: { ...meta, ...detail } });
  }

  private write(record: LogRecord): void {
    if (record.level === 'debug' && process.env.LOG_LEVEL !== 'debug') return;
    process.stdout.write(JSON.stringify({ ...record, at: new Date().toISOString() }) + '\\n');
  }
}
`,
  'src/shared/logger/index.ts': `export { LoggerService } from './logger.service';
export type { LogLevel } from './logger.service';
`,
  'src/shared/config/app-config.ts': `import { Injectable } from '@nestjs/common';

/** Typed access to the environment; read once at start-up. */
@Injectable()
export class AppConfig {
  readonly port = Number(process.env.PORT ?? 3000);
  readonly databaseUrl = process.env.DATABASE_URL ?? 'postgres://localhost:5432/app';
  readonly pageSizeLimit = Number(process.env.PAGE_SIZE_LIMIT ?? 100);
  readonly featureFlags = new Set((process.env.FEATURES ?? '').split(',').filter(Boolean));

  isEnabled(flag: string): boolean {
    return this.featureFlags.has(flag);
  }
}

export const appConfig = new AppConfig();
`,
  'src/shared/config/index.ts': `export { AppConfig, appConfig } from './app-config';
`,
  'src/shared/errors/domain-error.ts': `/** A business rule was broken; mapped to HTTP 422 by the exception filter. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
`,
  'src/shared/errors/not-found.error.ts': `import { DomainError } from './domain-error';

export class NotFoundError extends DomainError {
  constructor(entity: string, id: string) {
    super('not_found', \`\${entity} \${id} was not found\`, { entity, id });
    this.name = 'NotFoundError';
  }
}
`,
  'src/shared/errors/index.ts': `export { DomainError } from './domain-error';
export { NotFoundError } from './not-found.error';
`,
  'src/shared/utils/pagination.ts': `export interface PageQuery {
  page?: number;
  size?: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

export const DEFAULT_PAGE_SIZE = 25;

/** Offset and limit for a page query, clamped so a client cannot ask for everything at once. */
export function toLimitOffset(query: PageQuery, max = 100): { limit: number; offset: number } {
  const size = Math.min(Math.max(query.size ?? DEFAULT_PAGE_SIZE, 1), max);
  const page = Math.max(query.page ?? 1, 1);
  return { limit: size, offset: (page - 1) * size };
}

export function paginate<T>(items: T[], total: number, query: PageQuery): Page<T> {
  const { limit, offset } = toLimitOffset(query);
  return { items, page: offset / limit + 1, size: limit, total };
}
`,
  'src/shared/utils/dates.ts': `const DAY_MS = 24 * 60 * 60 * 1000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function toIsoDate(date: Date | null | undefined): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

export function isPast(date: Date, now: Date = new Date()): boolean {
  return date.getTime() < now.getTime();
}
`,
  'src/shared/utils/ids.ts': `import { randomUUID } from 'node:crypto';

export function newId(prefix?: string): string {
  const id = randomUUID();
  return prefix ? \`\${prefix}_\${id}\` : id;
}

export function isId(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z_]*[0-9a-f-]{36}$/.test(value);
}
`,
  'src/shared/utils/assert.ts': `import { DomainError } from '../errors/domain-error';
import { NotFoundError } from '../errors/not-found.error';

export function assertFound<T>(value: T | null | undefined, entity: string, id: string): T {
  if (value === null || value === undefined) throw new NotFoundError(entity, id);
  return value;
}

export function assertState(condition: boolean, code: string, message: string): asserts condition {
  if (!condition) throw new DomainError(code, message);
}
`,
  'src/shared/utils/money.ts': `/** Round to cents the way finance expects (half away from zero). */
export function roundMoney(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value) * 100) / 100;
}

export function sumBy<T>(items: readonly T[], pick: (item: T) => number): number {
  return roundMoney(items.reduce((total, item) => total + pick(item), 0));
}
`,
  'src/shared/utils/index.ts': `export * from './pagination';
export * from './dates';
export * from './ids';
export * from './assert';
export * from './money';
`,
  'src/shared/events/event-bus.ts': `import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';

export interface DomainEvent<T = unknown> {
  name: string;
  payload: T;
  occurredAt: Date;
}

/** Thin wrapper so domains publish typed events without knowing the transport. */
@Injectable()
export class EventBus {
  constructor(private readonly emitter: EventEmitter2) {}

  publish<T>(name: string, payload: T): DomainEvent<T> {
    const event = { name, payload, occurredAt: new Date() };
    this.emitter.emit(name, event);
    return event;
  }
}
`,
  'src/shared/auth/auth.guard.ts': `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ROLES_KEY } from './roles.decorator';

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.get<string[]>(ROLES_KEY, context.getHandler()) ?? [];
    const request = context.switchToHttp().getRequest<{ user?: { roles: string[] } }>();
    if (!request.user) return false;
    return roles.length === 0 || roles.some((role) => request.user!.roles.includes(role));
  }
}
`,
  'src/shared/auth/roles.decorator.ts': `import { SetMetadata } from '@nestjs/common';

export const ROLES_KEY = 'roles';
export const Roles = (...roles: string[]) => SetMetadata(ROLES_KEY, roles);
`,
  'src/shared/http/logging.interceptor.ts': `import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable, tap } from 'rxjs';
import { LoggerService } from '../logger';

@Injectable()
export class LoggingInterceptor implements NestInterceptor {
  constructor(private readonly logger: LoggerService) {
    this.logger.setContext('http');
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const started = Date.now();
    const request = context.switchToHttp().getRequest<{ method: string; url: string }>();
    return next.handle().pipe(tap(() => this.logger.info('request', { method: request.method, url: request.url, ms: Date.now() - started })));
  }
}
`,
  'src/shared/db/prisma.service.ts': `import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';

@Injectable()
export class PrismaService extends PrismaClient implements OnModuleInit, OnModuleDestroy {
  async onModuleInit(): Promise<void> {
    await this.$connect();
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
`,
  'src/shared/db/knex.provider.ts': `import type { Provider } from '@nestjs/common';
import knex, { type Knex } from 'knex';
import { appConfig } from '../config';

export const KNEX_CONNECTION = Symbol('KNEX_CONNECTION');

export const knexProvider: Provider<Knex> = {
  provide: KNEX_CONNECTION,
  useFactory: () => knex({ client: 'pg', connection: appConfig.databaseUrl, pool: { min: 1, max: 10 } }),
};
`,
  'src/shared/db/pg-pool.provider.ts': `import type { Provider } from '@nestjs/common';
import { Pool } from 'pg';
import { appConfig } from '../config';

export const PG_POOL = Symbol('PG_POOL');

export const pgPoolProvider: Provider<Pool> = {
  provide: PG_POOL,
  useFactory: () => new Pool({ connectionString: appConfig.databaseUrl, max: 10 }),
};
`,
  'src/shared/db/database.module.ts': `import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { appConfig } from '../config';
import { knexProvider } from './knex.provider';
import { pgPoolProvider } from './pg-pool.provider';
import { PrismaService } from './prisma.service';

@Global()
@Module({
  imports: [TypeOrmModule.forRoot({ type: 'postgres', url: appConfig.databaseUrl, autoLoadEntities: true })],
  providers: [PrismaService, knexProvider, pgPoolProvider],
  exports: [PrismaService, knexProvider, pgPoolProvider],
})
export class DatabaseModule {}
`,
  'src/shared/db/index.ts': `export { DatabaseModule } from './database.module';
export { KNEX_CONNECTION } from './knex.provider';
export { PG_POOL } from './pg-pool.provider';
export { PrismaService } from './prisma.service';
`,
};

function renderMain(): string {
  return `import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { appConfig } from '@shared/config';
import { LoggingInterceptor } from '@shared/http/logging.interceptor';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule);
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, transform: true }));
  app.useGlobalInterceptors(app.get(LoggingInterceptor));
  await app.listen(appConfig.port);
}

void bootstrap();
`;
}

function renderAppModule(plan: MonolithPlan): string {
  const imports = plan.domains.map((d) => `import { ${d.className}Module } from './domains/${d.name}/${d.name}.module';`);
  const modules = plan.domains.map((d) => `    ${d.className}Module,`);
  return `import { Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { DatabaseModule } from '@shared/db';
import { LoggingInterceptor } from '@shared/http/logging.interceptor';
import { SharedModule } from './shared/shared.module';
${imports.join('\n')}

@Module({
  imports: [
    EventEmitterModule.forRoot(),
    DatabaseModule,
    SharedModule,
${modules.join('\n')}
  ],
  providers: [LoggingInterceptor],
})
export class AppModule {}
`;
}

const PRISMA_TYPES = { string: 'String', number: 'Decimal', boolean: 'Boolean', Date: 'DateTime' } as const;

function renderPrismaSchema(plan: MonolithPlan): string {
  const models: string[] = [];
  for (const domain of plan.domains) {
    for (const r of domain.resources) {
      if (r.orm !== 'prisma') continue;
      const fields = r.fields.map(
        (f) => `  ${f.name} ${PRISMA_TYPES[f.type]}${f.name === 'notes' || f.name === 'description' ? '?' : ''} @map("${f.column}")`,
      );
      models.push(`/// ${domain.name}: ${r.plural}
model ${r.className} {
  id String @id @default(uuid())
${fields.join('\n')}
  createdAt DateTime @default(now()) @map("created_at")
  updatedAt DateTime @updatedAt @map("updated_at")

  @@map("${r.table}")
}`);
    }
  }
  return `generator client {
  provider = "prisma-client-js"
}

datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

${models.join('\n\n')}
`;
}

function renderPackageJson(plan: MonolithPlan): string {
  const pkg = {
    name: `synthetic-monolith-${plan.files}`,
    version: '1.0.0',
    private: true,
    description: `Synthetic NestJS monolith generated by carve's bench/generate.ts (seed ${plan.seed}); do not edit.`,
    scripts: { build: 'nest build', start: 'node dist/main.js' },
    dependencies: {
      '@nestjs/common': '^10.3.0',
      '@nestjs/core': '^10.3.0',
      '@nestjs/event-emitter': '^2.0.4',
      '@nestjs/typeorm': '^10.0.2',
      '@prisma/client': '^5.14.0',
      'class-transformer': '^0.5.1',
      'class-validator': '^0.14.1',
      knex: '^3.1.0',
      pg: '^8.11.5',
      rxjs: '^7.8.1',
      typeorm: '^0.3.20',
    },
    devDependencies: { prisma: '^5.14.0', typescript: '^5.4.5' },
  };
  return JSON.stringify(pkg, null, 2) + '\n';
}

function renderTsconfig(): string {
  const tsconfig = {
    compilerOptions: {
      module: 'commonjs',
      target: 'ES2021',
      strict: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      outDir: './dist',
      baseUrl: './',
      paths: {
        '@shared': ['src/shared/index.ts'],
        '@shared/*': ['src/shared/*'],
        '@domains/*': ['src/domains/*'],
      },
    },
    include: ['src'],
  };
  return JSON.stringify(tsconfig, null, 2) + '\n';
}

/** Project files that are not TypeScript (not counted in the plan's file total). */
export function renderProjectFiles(plan: MonolithPlan): Record<string, string> {
  return {
    'package.json': renderPackageJson(plan),
    'tsconfig.json': renderTsconfig(),
    'prisma/schema.prisma': renderPrismaSchema(plan),
  };
}

/** The FIXED_FILES TypeScript files outside the domains. */
export function renderSharedFiles(plan: MonolithPlan): Record<string, string> {
  return { ...SHARED, 'src/main.ts': renderMain(), 'src/app.module.ts': renderAppModule(plan) };
}
