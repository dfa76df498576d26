/**
 * The model side of a resource: its entity (per ORM), its types, its DTOs
 * and its mapper. These are the many small, imports-mostly files that make
 * up much of a real monolith.
 */
import type { Rng } from './prng.js';
import type { Field } from './monolith-plan.js';
import { fieldType, type ResourceContext } from './resource-context.js';

const COLUMN_TYPES = { string: 'varchar', number: 'numeric', boolean: 'boolean', Date: 'timestamptz' } as const;

const optional = (f: Field): boolean => f.name === 'notes' || f.name === 'description';

function docLine(rng: Rng, subject: string): string {
  return rng.pick([
    `/** ${subject}, as stored. */`,
    `/** ${subject}; kept in sync with the upstream system. */`,
    `/** ${subject}. Changing it is audited. */`,
    `/** ${subject} (see the domain glossary). */`,
  ]);
}

const EXAMPLES = { string: "'ABC-123'", number: '42', boolean: 'true', Date: "'2024-01-31T00:00:00Z'" } as const;

/** A longer API doc block, as DTOs carry for the generated OpenAPI document. */
function apiDoc(rng: Rng, field: Field): string {
  const why = rng.pick([
    'Shown to customers; keep it short.',
    'Used by the reconciliation job; do not reuse values.',
    'Optional in the first API version, required since v2.',
    'Validated again by the service against the current state.',
  ]);
  return `  /**\n   * ${field.name}: ${why}\n   * @example ${EXAMPLES[field.type]}\n   */`;
}

export function renderEntity(ctx: ResourceContext, rng: Rng): string {
  const { cls, resource } = ctx;
  const header = `/**\n * ${cls}: one row of \`${resource.table}\`.\n * Owned by the ${ctx.domain.name} domain; other domains read it through ${cls}Service.\n */`;
  if (resource.orm === 'typeorm') {
    const columns = resource.fields.map((f) => {
      const nullable = optional(f) ? ', nullable: true' : '';
      const index = f.values || rng.chance(0.2) ? '  @Index()\n' : '';
      return `${index}  ${docLine(rng, f.name)}\n  @Column({ name: '${f.column}', type: '${COLUMN_TYPES[f.type]}'${nullable} })\n  ${f.name}${optional(f) ? '?' : '!'}: ${fieldType(ctx, f)};`;
    });
    return `import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ${cls}Status } from './${ctx.stem}.types';

${header}
@Entity('${resource.table}')
export class ${cls} {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

${columns.join('\n\n')}

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;

  isIn(...statuses: ${cls}Status[]): boolean {
    return statuses.includes(this.status);
  }
}
`;
  }
  if (resource.orm === 'prisma') {
    return `import type { ${cls} as ${cls}Record } from '@prisma/client';
import type { ${cls}Status } from './${ctx.stem}.types';

${header}
export type ${cls} = Omit<${cls}Record, 'status'> & { status: ${cls}Status };

export function is${cls}In(entity: ${cls}, ...statuses: ${cls}Status[]): boolean {
  return statuses.includes(entity.status);
}
`;
  }
  const rowFields = resource.fields.map((f) => `  ${f.column}: ${fieldType(ctx, f)}${optional(f) ? ' | null' : ''};`);
  const modelFields = resource.fields.map((f) => `  ${f.name}${optional(f) ? '?' : ''}: ${fieldType(ctx, f)};`);
  const fromRow = resource.fields.map((f) => `    ${f.name}: row.${f.column}${optional(f) ? ' ?? undefined' : ''},`);
  const toRow = resource.fields.map((f) => `  if (entity.${f.name} !== undefined) row.${f.column} = entity.${f.name};`);
  return `import type { ${cls}Status } from './${ctx.stem}.types';

/** A row of \`${resource.table}\` as the driver returns it (snake_case columns). */
export interface ${cls}Row {
  id: string;
${rowFields.join('\n')}
  created_at: Date;
  updated_at: Date;
}

${header}
export interface ${cls} {
  id: string;
${modelFields.join('\n')}
  createdAt: Date;
  updatedAt: Date;
}

export function from${cls}Row(row: ${cls}Row): ${cls} {
  return {
    id: row.id,
${fromRow.join('\n')}
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function to${cls}Row(entity: Partial<${cls}>): Partial<${cls}Row> {
  const row: Partial<${cls}Row> = {};
${toRow.join('\n')}
  return row;
}

export function is${cls}In(entity: ${cls}, ...statuses: ${cls}Status[]): boolean {
  return statuses.includes(entity.status);
}
`;
}

export function renderTypes(ctx: ResourceContext, rng: Rng): string {
  const { cls, resource } = ctx;
  const status = resource.fields.find((f) => f.values)!;
  const values = status.values!;
  const transitions = values.map(
    (v, i) =>
      `  ${v}: [${values
        .filter((_, j) => j > i)
        .map((w) => `'${w}'`)
        .join(', ')}],`,
  );
  const responseFields = resource.fields.map(
    (f) => `  ${f.name}${optional(f) ? '?' : ''}: ${f.type === 'Date' ? 'string | null' : fieldType(ctx, f)};`,
  );
  const labels = resource.fields.map((f) => `  ${f.name}: '${f.name.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase())}',`);
  const summaryFields = rng
    .sample(resource.fields, 2)
    .map((f) => `  ${f.name}${optional(f) ? '?' : ''}: ${f.type === 'Date' ? 'string | null' : fieldType(ctx, f)};`);
  return `/** Types of the ${resource.name} resource shared by its controller, service and mapper. */

export const ${cls.toUpperCase()}_STATUSES = [${values.map((v) => `'${v}'`).join(', ')}] as const;
export type ${cls}Status = (typeof ${cls.toUpperCase()}_STATUSES)[number];

/** Allowed status changes; anything else is a DomainError. */
export const ${cls.toUpperCase()}_TRANSITIONS: Record<${cls}Status, ${cls}Status[]> = {
${transitions.join('\n')}
};

export interface ${cls}Response {
  id: string;
${responseFields.join('\n')}
  createdAt: string | null;
  updatedAt: string | null;
}

/** The short form other domains embed in their own responses. */
export interface ${cls}Summary {
  id: string;
${summaryFields.join('\n')}
}

export interface ${cls}ActionResult {
  id: string;
  action: string;
  status: ${cls}Status;
}

export function can${cls}Transition(from: ${cls}Status, to: ${cls}Status): boolean {
  return ${cls.toUpperCase()}_TRANSITIONS[from].includes(to);
}

export type ${cls}SortKey = ${resource.fields.map((f) => `'${f.name}'`).join(' | ')} | 'createdAt';

/** Column headers of the back-office table and the CSV export. */
export const ${cls.toUpperCase()}_LABELS: Record<${cls}SortKey, string> = {
${labels.join('\n')}
  createdAt: 'Created',
};

export interface ${cls}Filter {
  status?: ${cls}Status[];
  createdFrom?: Date;
  createdTo?: Date;
  sort?: ${cls}SortKey;
  direction?: 'asc' | 'desc';
}
`;
}

function validators(ctx: ResourceContext, f: Field): string[] {
  if (f.values) return [`@IsIn(${ctx.cls.toUpperCase()}_STATUSES)`];
  switch (f.type) {
    case 'string':
      return ['@IsString()', `@MaxLength(${f.name === 'description' || f.name === 'notes' ? 2000 : 200})`];
    case 'number':
      return ['@IsNumber()', '@Min(0)'];
    case 'boolean':
      return ['@IsBoolean()'];
    case 'Date':
      return ['@IsDate()', '@Type(() => Date)'];
  }
}

export function renderCreateDto(ctx: ResourceContext, rng: Rng): string {
  const fields = ctx.resource.fields.filter((f) => !f.values);
  const body = fields.map((f) => {
    const decorators = [...(optional(f) ? ['@IsOptional()'] : []), ...validators(ctx, f)].map((d) => `  ${d}`);
    return `${apiDoc(rng, f)}\n${decorators.join('\n')}\n  ${f.name}${optional(f) ? '?' : '!'}: ${fieldType(ctx, f)};`;
  });
  return `import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsNumber, IsOptional, IsString, MaxLength, Min } from 'class-validator';

/** Body of POST /${ctx.domain.name}/${ctx.resource.plural}. */
export class Create${ctx.cls}Dto {
${body.join('\n\n')}
}
`;
}

export function renderUpdateDto(ctx: ResourceContext): string {
  const body = ctx.resource.fields.map((f) => {
    const decorators = ['@IsOptional()', ...validators(ctx, f)].map((d) => `  ${d}`);
    return `${decorators.join('\n')}\n  ${f.name}?: ${fieldType(ctx, f)};`;
  });
  return `import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsIn, IsNumber, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { ${ctx.cls.toUpperCase()}_STATUSES, type ${ctx.cls}Status } from '../${ctx.stem}.types';

/** Body of PATCH /${ctx.domain.name}/${ctx.resource.plural}/:id; every field optional. */
export class Update${ctx.cls}Dto {
${body.join('\n\n')}
}
`;
}

export function renderQueryDto(ctx: ResourceContext): string {
  return `import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import type { PageQuery } from '@shared/utils';
import { ${ctx.cls.toUpperCase()}_STATUSES, type ${ctx.cls}Status } from '../${ctx.stem}.types';

/** Query string of GET /${ctx.domain.name}/${ctx.resource.plural}. */
export class ${ctx.cls}QueryDto implements PageQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  size?: number;

  @IsOptional()
  @IsIn(${ctx.cls.toUpperCase()}_STATUSES)
  status?: ${ctx.cls}Status;

  @IsOptional()
  @IsString()
  search?: string;
}
`;
}

export function renderMapper(ctx: ResourceContext): string {
  const { cls, resource } = ctx;
  const toResponse = resource.fields.map(
    (f) => `    ${f.name}: ${f.type === 'Date' ? `toIsoDate(entity.${f.name})` : `entity.${f.name}`},`,
  );
  const diff = resource.fields.map((f) =>
    f.type === 'Date'
      ? `  if (before.${f.name}?.getTime() !== after.${f.name}?.getTime()) changed.push('${f.name}');`
      : `  if (before.${f.name} !== after.${f.name}) changed.push('${f.name}');`,
  );
  return `import { toIsoDate } from '@shared/utils';
import type { ${cls} } from './${ctx.stem}.entity';
import type { ${cls}Response, ${cls}Summary } from './${ctx.stem}.types';

/** Entity → API shapes. Kept apart from the service so responses never leak columns by accident. */
export function to${cls}Response(entity: ${cls}): ${cls}Response {
  return {
    id: entity.id,
${toResponse.join('\n')}
    createdAt: toIsoDate(entity.createdAt),
    updatedAt: toIsoDate(entity.updatedAt),
  };
}

export function to${cls}Summary(entity: ${cls}): ${cls}Summary {
  const response = to${cls}Response(entity);
  const { createdAt, updatedAt, ...summary } = response;
  void createdAt;
  void updatedAt;
  return summary;
}

export function to${cls}Responses(entities: readonly ${cls}[]): ${cls}Response[] {
  return entities.map(to${cls}Response);
}

/** Field names whose values differ; the audit log stores only these. */
export function diff${cls}(before: ${cls}, after: ${cls}): string[] {
  const changed: string[] = [];
${diff.join('\n')}
  return changed;
}
`;
}
