/**
 * The files around a domain's resources: its barrel (the only door other
 * domains use), its Nest module, its constants and its helper utilities.
 */
import type { Rng } from './prng.js';
import type { Domain } from './monolith-plan.js';

const UPPER = (kebab: string): string => kebab.replace(/-/g, '_').toUpperCase();

export function renderBarrel(domain: Domain, rng: Rng): string {
  const lines = [
    `// Public surface of the ${domain.name} domain: other domains import from here, never from its folders.`,
    `export { ${domain.className}Module } from './${domain.name}.module';`,
    `export * from './${domain.name}.constants';`,
  ];
  for (const r of domain.resources) {
    lines.push(`export { ${r.className}Service } from './${r.name}/${r.name}.service';`);
    lines.push(`export type { ${r.className}Response, ${r.className}Summary, ${r.className}Status } from './${r.name}/${r.name}.types';`);
    // Some teams re-export DTOs wholesale; the barrel then hides what a consumer really uses.
    if (rng.chance(0.3)) lines.push(`export * from './${r.name}/dto/create-${r.name}.dto';`);
  }
  return lines.join('\n') + '\n';
}

export function renderModule(domain: Domain, domains: ReadonlyMap<string, Domain>): string {
  const entities = domain.resources.filter((r) => r.orm === 'typeorm');
  const imports = [
    `import { Module, forwardRef } from '@nestjs/common';`,
    ...(entities.length > 0 ? [`import { TypeOrmModule } from '@nestjs/typeorm';`] : []),
    ...domain.uses.map((u) => `import { ${domains.get(u)!.className}Module } from '@domains/${u}/${u}.module';`),
  ];
  for (const r of domain.resources) {
    imports.push(`import { ${r.className}Controller } from './${r.name}/${r.name}.controller';`);
    if (r.orm === 'typeorm') imports.push(`import { ${r.className} } from './${r.name}/${r.name}.entity';`);
    imports.push(`import { ${r.className}Repository } from './${r.name}/${r.name}.repository';`);
    imports.push(`import { ${r.className}Service } from './${r.name}/${r.name}.service';`);
  }
  const moduleImports = [
    ...(entities.length > 0 ? [`TypeOrmModule.forFeature([${entities.map((r) => r.className).join(', ')}])`] : []),
    // forwardRef: domain modules import each other in cycles, as they do in most monoliths.
    ...domain.uses.map((u) => `forwardRef(() => ${domains.get(u)!.className}Module)`),
  ];
  const providers = domain.resources.flatMap((r) => [`${r.className}Service`, `${r.className}Repository`]);
  return `${imports.join('\n')}

@Module({
  imports: [
${moduleImports.map((m) => `    ${m},`).join('\n')}
  ],
  controllers: [
${domain.resources.map((r) => `    ${r.className}Controller,`).join('\n')}
  ],
  providers: [
${providers.map((p) => `    ${p},`).join('\n')}
  ],
  exports: [
${domain.resources.map((r) => `    ${r.className}Service,`).join('\n')}
  ],
})
export class ${domain.className}Module {}
`;
}

export function renderConstants(domain: Domain): string {
  const events = domain.resources.flatMap((r) =>
    ['created', 'updated', 'removed'].map((e) => `  ${UPPER(r.name)}_${e.toUpperCase()}: '${domain.name}.${r.name}.${e}',`),
  );
  return `/** Names other parts of the system use to talk to the ${domain.name} domain. */
export const ${UPPER(domain.name)}_QUEUE = '${domain.name}';

export const ${UPPER(domain.name)}_EVENTS = {
${events.join('\n')}
} as const;

export type ${domain.className}EventName = (typeof ${UPPER(domain.name)}_EVENTS)[keyof typeof ${UPPER(domain.name)}_EVENTS];

export const ${UPPER(domain.name)}_TABLES = [${domain.resources.map((r) => `'${r.table}'`).join(', ')}] as const;
`;
}

export function renderHelper(domain: Domain, name: string, rng: Rng): string {
  const r = rng.pick(domain.resources);
  const fn = name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  return `import { addDays, roundMoney, sumBy } from '@shared/utils';
import type { ${r.className}Response } from '../${r.name}/${r.name}.types';

/**
 * ${fn}: a pure helper of the ${domain.name} domain, kept out of the services
 * so it can be unit-tested without Nest.
 */
export interface ${domain.className}${fn.charAt(0).toUpperCase() + fn.slice(1)}Options {
  horizonDays: number;
  rounding: 'none' | 'cents';
}

const DEFAULTS = { horizonDays: ${rng.int(7, 90)}, rounding: 'cents' } as const;

export function ${fn}(items: readonly ${r.className}Response[], options: Partial<typeof DEFAULTS> = {}): { count: number; total: number; until: Date } {
  const settings = { ...DEFAULTS, ...options };
  const total = sumBy(items, () => ${rng.int(1, 9)});
  return {
    count: items.length,
    total: settings.rounding === 'cents' ? roundMoney(total) : total,
    until: addDays(new Date(0), settings.horizonDays),
  };
}

export function ${fn}ByStatus(items: readonly ${r.className}Response[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.status, (counts.get(item.status) ?? 0) + 1);
  return counts;
}
`;
}
