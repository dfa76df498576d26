/**
 * A resource's repository, written the way each ORM is used in real Nest
 * code: Prisma delegates, TypeORM repositories and DataSource transactions,
 * Knex query builders, and raw `pg` SQL strings. Every variant offers the
 * same methods so the service above it does not depend on the ORM.
 */
import type { Rng } from './prng.js';
import type { ResourceContext } from './resource-context.js';

const imports = (ctx: ResourceContext): string =>
  `import type { Create${ctx.cls}Dto } from './dto/create-${ctx.stem}.dto';
import type { Update${ctx.cls}Dto } from './dto/update-${ctx.stem}.dto';
import type { ${ctx.cls}QueryDto } from './dto/${ctx.stem}-query.dto';
import type { ${ctx.cls}Status } from './${ctx.stem}.types';`;

function prisma(ctx: ResourceContext): string {
  const { cls } = ctx;
  const d = `this.prisma.${ctx.var}`;
  return `import { Injectable } from '@nestjs/common';
import { PrismaService } from '@shared/db';
import { toLimitOffset } from '@shared/utils';
import type { ${cls} } from './${ctx.stem}.entity';
${imports(ctx)}

/** Data access for ${ctx.resource.table} through the Prisma client. */
@Injectable()
export class ${cls}Repository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string): Promise<${cls} | null> {
    return ${d}.findUnique({ where: { id } }) as Promise<${cls} | null>;
  }

  async findPage(query: ${cls}QueryDto): Promise<{ items: ${cls}[]; total: number }> {
    const { limit, offset } = toLimitOffset(query);
    const where = query.status ? { status: query.status } : {};
    // One round trip for the page and its count.
    const [items, total] = await this.prisma.$transaction([
      ${d}.findMany({ where, skip: offset, take: limit, orderBy: { createdAt: 'desc' } }),
      ${d}.count({ where }),
    ]);
    return { items: items as ${cls}[], total };
  }

  create(input: Create${cls}Dto): Promise<${cls}> {
    return ${d}.create({ data: { ...input, status: '${ctx.resource.fields.find((f) => f.values)!.values![0]}' } }) as Promise<${cls}>;
  }

  update(id: string, patch: Update${cls}Dto): Promise<${cls}> {
    return ${d}.update({ where: { id }, data: patch }) as Promise<${cls}>;
  }

  async remove(id: string): Promise<void> {
    await ${d}.delete({ where: { id } });
  }

  findByStatus(status: ${cls}Status, limit = 500): Promise<${cls}[]> {
    return ${d}.findMany({ where: { status }, take: limit }) as Promise<${cls}[]>;
  }

  async setStatusMany(ids: string[], status: ${cls}Status): Promise<number> {
    return this.prisma.$transaction(async (tx) => {
      const result = await tx.${ctx.var}.updateMany({ where: { id: { in: ids } }, data: { status } });
      return result.count;
    });
  }
}
`;
}

function typeorm(ctx: ResourceContext): string {
  const { cls } = ctx;
  const joins = ctx.resource.joins.map(
    (table, i) => `
  /** Rows joined with ${table} (read-only; that table belongs to its own repository). */
  findWithRelated${i + 1}(id: string): Promise<Record<string, unknown>[]> {
    return this.repo
      .createQueryBuilder('${ctx.var}')
      .innerJoin('${table}', 'related', 'related.id = ${ctx.var}.id')
      .where('${ctx.var}.id = :id', { id })
      .getRawMany();
  }
`,
  );
  return `import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { assertFound, toLimitOffset } from '@shared/utils';
import { DataSource, In, Repository } from 'typeorm';
import { ${cls} } from './${ctx.stem}.entity';
${imports(ctx)}

/** Data access for ${ctx.resource.table} through TypeORM. */
@Injectable()
export class ${cls}Repository {
  constructor(
    @InjectRepository(${cls}) private readonly repo: Repository<${cls}>,
    private readonly dataSource: DataSource,
  ) {}

  findById(id: string): Promise<${cls} | null> {
    return this.repo.findOne({ where: { id } });
  }

  async findPage(query: ${cls}QueryDto): Promise<{ items: ${cls}[]; total: number }> {
    const { limit, offset } = toLimitOffset(query);
    const [items, total] = await this.repo.findAndCount({
      where: query.status ? { status: query.status } : {},
      skip: offset,
      take: limit,
      order: { createdAt: 'DESC' },
    });
    return { items, total };
  }

  create(input: Create${cls}Dto): Promise<${cls}> {
    return this.repo.save(this.repo.create(input));
  }

  async update(id: string, patch: Update${cls}Dto): Promise<${cls}> {
    await this.repo.update({ id }, patch);
    return assertFound(await this.findById(id), '${cls}', id);
  }

  async remove(id: string): Promise<void> {
    await this.repo.delete({ id });
  }

  findByStatus(status: ${cls}Status, limit = 500): Promise<${cls}[]> {
    return this.repo.find({ where: { status }, take: limit });
  }

  setStatusMany(ids: string[], status: ${cls}Status): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const result = await manager.update(${cls}, { id: In(ids) }, { status });
      return result.affected ?? 0;
    });
  }
${joins.join('')}}
`;
}

function knex(ctx: ResourceContext): string {
  const { cls } = ctx;
  const t = ctx.resource.table;
  const joins = ctx.resource.joins.map(
    (table, i) => `
  /** Rows joined with ${table}, for the reporting screens. */
  findWithRelated${i + 1}(id: string): Promise<Record<string, unknown>[]> {
    return this.knex('${t}')
      .join('${table}', '${table}.id', '${t}.id')
      .where('${t}.id', id)
      .select('${t}.*');
  }
`,
  );
  return `import { Inject, Injectable } from '@nestjs/common';
import { KNEX_CONNECTION } from '@shared/db';
import { toLimitOffset } from '@shared/utils';
import type { Knex } from 'knex';
import { from${cls}Row, to${cls}Row, type ${cls}, type ${cls}Row } from './${ctx.stem}.entity';
${imports(ctx)}

/** Data access for ${t} through Knex. */
@Injectable()
export class ${cls}Repository {
  constructor(@Inject(KNEX_CONNECTION) private readonly knex: Knex) {}

  async findById(id: string): Promise<${cls} | null> {
    const row = await this.knex<${cls}Row>('${t}').where({ id }).first();
    return row ? from${cls}Row(row) : null;
  }

  async findPage(query: ${cls}QueryDto): Promise<{ items: ${cls}[]; total: number }> {
    const { limit, offset } = toLimitOffset(query);
    const rows = await this.knex<${cls}Row>('${t}')
      .modify((qb) => {
        if (query.status) qb.where('status', query.status);
      })
      .orderBy('created_at', 'desc')
      .limit(limit)
      .offset(offset);
    const [{ count }] = await this.knex('${t}').count({ count: '*' });
    return { items: rows.map(from${cls}Row), total: Number(count) };
  }

  async create(input: Create${cls}Dto): Promise<${cls}> {
    const [row] = await this.knex<${cls}Row>('${t}').insert(to${cls}Row(input)).returning('*');
    return from${cls}Row(row);
  }

  async update(id: string, patch: Update${cls}Dto): Promise<${cls}> {
    const [row] = await this.knex<${cls}Row>('${t}').where({ id }).update(to${cls}Row(patch)).returning('*');
    return from${cls}Row(row);
  }

  async remove(id: string): Promise<void> {
    await this.knex('${t}').where({ id }).del();
  }

  async findByStatus(status: ${cls}Status, limit = 500): Promise<${cls}[]> {
    const rows = await this.knex<${cls}Row>('${t}').where({ status }).limit(limit);
    return rows.map(from${cls}Row);
  }

  setStatusMany(ids: string[], status: ${cls}Status): Promise<number> {
    return this.knex.transaction(async (trx) => {
      const updated = await trx('${t}').whereIn('id', ids).update({ status, updated_at: trx.fn.now() });
      return updated;
    });
  }
${joins.join('')}}
`;
}

function pg(ctx: ResourceContext, rng: Rng): string {
  const { cls } = ctx;
  const t = ctx.resource.table;
  const columns = ['id', ...ctx.resource.fields.map((f) => f.column), 'created_at', 'updated_at'].join(', ');
  const writable = ctx.resource.fields.map((f) => f.column);
  const placeholders = writable.map((_, i) => `$${i + 1}`).join(', ');
  const values = ctx.resource.fields.map((f) => (f.values ? `'${f.values[0]}'` : `input.${f.name}`)).join(', ');
  const joins = ctx.resource.joins.map(
    (table, i) => `
  /** Rows joined with ${table}; plain SQL because the report needs both tables at once. */
  async findWithRelated${i + 1}(id: string): Promise<Record<string, unknown>[]> {
    const { rows } = await this.pool.query('SELECT a.id, a.status, b.id AS related_id FROM ${t} a JOIN ${table} b ON b.id = a.id WHERE a.id = $1', [id]);
    return rows;
  }
`,
  );
  const lock = rng.chance(0.5) ? ' FOR UPDATE' : '';
  return `import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@shared/db';
import { toLimitOffset } from '@shared/utils';
import type { Pool } from 'pg';
import { from${cls}Row, type ${cls}, type ${cls}Row } from './${ctx.stem}.entity';
${imports(ctx)}

/** Data access for ${t} in plain SQL over the pg pool. */
@Injectable()
export class ${cls}Repository {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async findById(id: string): Promise<${cls} | null> {
    const { rows } = await this.pool.query<${cls}Row>('SELECT ${columns} FROM ${t} WHERE id = $1', [id]);
    return rows[0] ? from${cls}Row(rows[0]) : null;
  }

  async findPage(query: ${cls}QueryDto): Promise<{ items: ${cls}[]; total: number }> {
    const { limit, offset } = toLimitOffset(query);
    const { rows } = await this.pool.query<${cls}Row>(
      'SELECT ${columns} FROM ${t} WHERE ($1::text IS NULL OR status = $1) ORDER BY created_at DESC LIMIT $2 OFFSET $3',
      [query.status ?? null, limit, offset],
    );
    const count = await this.pool.query<{ total: string }>('SELECT count(*) AS total FROM ${t}');
    return { items: rows.map(from${cls}Row), total: Number(count.rows[0].total) };
  }

  async create(input: Create${cls}Dto): Promise<${cls}> {
    const { rows } = await this.pool.query<${cls}Row>(
      'INSERT INTO ${t} (${writable.join(', ')}) VALUES (${placeholders}) RETURNING ${columns}',
      [${values}],
    );
    return from${cls}Row(rows[0]);
  }

  async update(id: string, patch: Update${cls}Dto): Promise<${cls}> {
    const { rows } = await this.pool.query<${cls}Row>(
      'UPDATE ${t} SET status = COALESCE($2, status), updated_at = now() WHERE id = $1 RETURNING ${columns}',
      [id, patch.status ?? null],
    );
    return from${cls}Row(rows[0]);
  }

  async remove(id: string): Promise<void> {
    await this.pool.query('DELETE FROM ${t} WHERE id = $1', [id]);
  }

  async findByStatus(status: ${cls}Status, limit = 500): Promise<${cls}[]> {
    const { rows } = await this.pool.query<${cls}Row>('SELECT ${columns} FROM ${t} WHERE status = $1 LIMIT $2', [status, limit]);
    return rows.map(from${cls}Row);
  }

  async setStatusMany(ids: string[], status: ${cls}Status): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT id FROM ${t} WHERE id = ANY($1)${lock}', [ids]);
      const result = await client.query('UPDATE ${t} SET status = $2, updated_at = now() WHERE id = ANY($1)', [ids, status]);
      await client.query('COMMIT');
      return result.rowCount ?? 0;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }
${joins.join('')}}
`;
}

export function renderRepository(ctx: ResourceContext, rng: Rng): string {
  switch (ctx.resource.orm) {
    case 'prisma':
      return prisma(ctx);
    case 'typeorm':
      return typeorm(ctx);
    case 'knex':
      return knex(ctx);
    case 'pg':
      return pg(ctx, rng);
  }
}
