/**
 * A resource's service (business rules, cross-domain calls, events) and its
 * controller (NestJS routes). These carry most of the call graph carve reads.
 */
import type { Rng } from './prng.js';
import { serviceProperty, type ResourceContext } from './resource-context.js';

function actionMethod(ctx: ResourceContext, rng: Rng, action: string, index: number): string {
  const { cls } = ctx;
  const statuses = ctx.resource.fields.find((f) => f.values)!.values!;
  const target = statuses[(index + 1) % statuses.length];
  const collaborators = [...ctx.siblings, ...ctx.crossDomain];
  const lines: string[] = [
    `  /** ${action.charAt(0).toUpperCase() + action.slice(1)} a ${ctx.resource.name}; moves it to \`${target}\`. */`,
    `  async ${action}(id: string, actor = 'system'): Promise<${cls}ActionResult> {`,
    `    const entity = await this.load(id);`,
    `    assertState(can${cls}Transition(entity.status, '${target}'), 'invalid_transition', \`cannot ${action} ${ctx.resource.name} \${id} from \${entity.status}\`);`,
  ];
  if (collaborators.length > 0 && rng.chance(0.7)) {
    const other = rng.pick(collaborators);
    lines.push(
      `    const related = await this.${serviceProperty(other.cls)}.summarize(id);`,
      `    if (!related) {`,
      `      this.logger.warn('${action} without related ${other.stem}', { id, actor });`,
      `    }`,
    );
  }
  const numeric = ctx.resource.fields.find((f) => f.type === 'number');
  if (numeric && rng.chance(0.5)) {
    lines.push(
      `    // Totals are recomputed on every ${action} so a stale cache can never approve a wrong amount.`,
      `    const ${numeric.name} = roundMoney(Number(entity.${numeric.name} ?? 0));`,
      `    assertState(${numeric.name} >= 0, 'negative_${numeric.column}', '${numeric.name} must not be negative');`,
    );
  }
  lines.push(
    `    const updated = await this.repository.update(id, { status: '${target}' });`,
    `    this.events.publish('${ctx.domain.name}.${ctx.stem}.${action}', { id, actor });`,
    `    this.logger.info('${action}', { id, actor });`,
    `    return { id, action: '${action}', status: updated.status };`,
    `  }`,
  );
  return lines.join('\n');
}

export function renderService(ctx: ResourceContext, rng: Rng): string {
  const { cls } = ctx;
  const statuses = ctx.resource.fields.find((f) => f.values)!.values!;
  const byDomain = new Map<string, string[]>();
  for (const c of ctx.crossDomain) byDomain.set(c.domain, [...(byDomain.get(c.domain) ?? []), `${c.cls}Service`]);
  const crossImports = [...byDomain].map(([domain, names]) => `import { ${names.sort().join(', ')} } from '@domains/${domain}';`);
  const siblingImports = ctx.siblings.map((s) => `import { ${s.cls}Service } from '../${s.stem}/${s.stem}.service';`);
  const injected = [...ctx.siblings, ...ctx.crossDomain].map((c) => `    private readonly ${serviceProperty(c.cls)}: ${c.cls}Service,`);
  const listener = ctx.crossDomain[0];
  const listenerMethod = listener
    ? `
  /** Keep our ${ctx.resource.plural} consistent when ${listener.domain} creates a ${listener.stem}. */
  @OnEvent('${listener.domain}.${listener.stem}.created')
  async on${listener.cls}Created(event: DomainEvent<{ id: string }>): Promise<void> {
    const summary = await this.${serviceProperty(listener.cls)}.summarize(event.payload.id);
    this.logger.debug('${listener.stem} created', { id: event.payload.id, known: summary !== null });
  }
`
    : '';
  const actions = ctx.actions.map((a, i) => actionMethod(ctx, rng, a, i));
  const checks = ctx.resource.fields.flatMap((f) => {
    const guard = `    if (dto.${f.name} !== undefined && `;
    const fail = `throw new DomainError('invalid_${f.column}', '${f.name} is invalid');`;
    if (f.values || f.type === 'boolean') return [];
    if (f.type === 'string') return [`${guard}dto.${f.name}.trim().length === 0) ${fail}`];
    if (f.type === 'number') return [`${guard}!Number.isFinite(dto.${f.name})) ${fail}`];
    return [`${guard}Number.isNaN(dto.${f.name}.getTime())) ${fail}`];
  });
  const csvColumns = ['id', 'status', ...ctx.resource.fields.filter((f) => !f.values).map((f) => f.name)];
  return `import { Injectable } from '@nestjs/common';
${listener ? "import { OnEvent } from '@nestjs/event-emitter';\n" : ''}import { DomainError, EventBus, LoggerService, assertFound, assertState, paginate, roundMoney, type DomainEvent, type Page } from '@shared';
${[...crossImports, ...siblingImports].join('\n')}${crossImports.length + siblingImports.length > 0 ? '\n' : ''}import type { Create${cls}Dto } from './dto/create-${ctx.stem}.dto';
import type { Update${cls}Dto } from './dto/update-${ctx.stem}.dto';
import type { ${cls}QueryDto } from './dto/${ctx.stem}-query.dto';
import type { ${cls} } from './${ctx.stem}.entity';
import { to${cls}Response, to${cls}Responses, to${cls}Summary } from './${ctx.stem}.mapper';
import { ${cls}Repository } from './${ctx.stem}.repository';
import { ${cls.toUpperCase()}_LABELS, can${cls}Transition, type ${cls}ActionResult, type ${cls}Response, type ${cls}Status, type ${cls}Summary } from './${ctx.stem}.types';

/**
 * Business rules of ${ctx.domain.name} ${ctx.resource.plural}.
 * Other domains call get/summarize; writes go through this service only.
 */
@Injectable()
export class ${cls}Service {
  constructor(
    private readonly repository: ${cls}Repository,
    private readonly events: EventBus,
    private readonly logger: LoggerService,
${injected.join('\n')}${injected.length > 0 ? '\n' : ''}  ) {
    this.logger.setContext('${cls}Service');
  }

  async list(query: ${cls}QueryDto): Promise<Page<${cls}Response>> {
    const { items, total } = await this.repository.findPage(query);
    return paginate(to${cls}Responses(items), total, query);
  }

  async get(id: string): Promise<${cls}Response> {
    return to${cls}Response(await this.load(id));
  }

  /** The short form other domains embed; null rather than an error when missing. */
  async summarize(id: string): Promise<${cls}Summary | null> {
    const entity = await this.repository.findById(id);
    return entity ? to${cls}Summary(entity) : null;
  }

  async create(dto: Create${cls}Dto): Promise<${cls}Response> {
    this.validate(dto);
    const entity = await this.repository.create(dto);
    this.events.publish('${ctx.domain.name}.${ctx.stem}.created', { id: entity.id });
    this.logger.info('created', { id: entity.id });
    return to${cls}Response(entity);
  }

  async update(id: string, dto: Update${cls}Dto): Promise<${cls}Response> {
    this.validate(dto);
    const current = await this.load(id);
    if (dto.status && dto.status !== current.status) {
      assertState(can${cls}Transition(current.status, dto.status), 'invalid_transition', \`\${current.status} → \${dto.status}\`);
    }
    const updated = await this.repository.update(id, dto);
    this.events.publish('${ctx.domain.name}.${ctx.stem}.updated', { id, fields: Object.keys(dto) });
    return to${cls}Response(updated);
  }

  async remove(id: string): Promise<void> {
    await this.load(id);
    await this.repository.remove(id);
    this.events.publish('${ctx.domain.name}.${ctx.stem}.removed', { id });
  }

${actions.join('\n\n')}

  /** Nightly job: closes ${ctx.resource.plural} left in \`${statuses[0]}\`. */
  async expireStale(olderThanDays = 30): Promise<number> {
    const cutoff = Date.now() - olderThanDays * 24 * 60 * 60 * 1000;
    const stale = await this.repository.findByStatus('${statuses[0]}');
    const ids = stale.filter((e) => e.createdAt.getTime() < cutoff).map((e) => e.id);
    if (ids.length === 0) return 0;
    const count = await this.repository.setStatusMany(ids, '${statuses[statuses.length - 1]}' as ${cls}Status);
    this.logger.info('expired stale', { count });
    return count;
  }

  /** CSV for the back office; at most one page, the UI pages through the rest. */
  async exportCsv(query: ${cls}QueryDto): Promise<string> {
    const page = await this.list({ ...query, size: 100 });
    const header = ['id', 'status', ...Object.keys(${cls.toUpperCase()}_LABELS)].join(',');
    const rows = page.items.map((item) => [${csvColumns.map((c) => `item.${c}`).join(', ')}].map((v) => JSON.stringify(v ?? '')).join(','));
    return [header, ...rows].join('\\n');
  }
${listenerMethod}
  /** Rules the DTO validators cannot express. */
  private validate(dto: Partial<Update${cls}Dto>): void {
${checks.join('\n')}
  }

  private async load(id: string): Promise<${cls}> {
    return assertFound(await this.repository.findById(id), '${cls}', id);
  }
}
`;
}

export function renderController(ctx: ResourceContext): string {
  const { cls } = ctx;
  const actions = ctx.actions.slice(0, ctx.resource.routes).map(
    (a) => `  @Post(':id/${a}')
  @Roles('${ctx.domain.name}:write')
  ${a}(@Param('id', ParseUUIDPipe) id: string): Promise<${cls}ActionResult> {
    return this.service.${a}(id);
  }`,
  );
  return `import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@shared/auth/auth.guard';
import { Roles } from '@shared/auth/roles.decorator';
import type { Page } from '@shared/utils';
import { Create${cls}Dto } from './dto/create-${ctx.stem}.dto';
import { Update${cls}Dto } from './dto/update-${ctx.stem}.dto';
import { ${cls}QueryDto } from './dto/${ctx.stem}-query.dto';
import { ${cls}Service } from './${ctx.stem}.service';
import type { ${cls}ActionResult, ${cls}Response } from './${ctx.stem}.types';

/** HTTP API of ${ctx.domain.name} ${ctx.resource.plural}. */
@Controller('${ctx.domain.name}/${ctx.resource.plural}')
@UseGuards(AuthGuard)
export class ${cls}Controller {
  constructor(private readonly service: ${cls}Service) {}

  @Get()
  list(@Query() query: ${cls}QueryDto): Promise<Page<${cls}Response>> {
    return this.service.list(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<${cls}Response> {
    return this.service.get(id);
  }

  @Post()
  @Roles('${ctx.domain.name}:write')
  create(@Body() dto: Create${cls}Dto): Promise<${cls}Response> {
    return this.service.create(dto);
  }

  @Patch(':id')
  @Roles('${ctx.domain.name}:write')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: Update${cls}Dto): Promise<${cls}Response> {
    return this.service.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('${ctx.domain.name}:admin')
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.service.remove(id);
  }

${actions.join('\n\n')}
}
`;
}
