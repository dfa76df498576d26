/**
 * Names and paths shared by the renderers of one resource's files, so the
 * controller, service, repository and barrel agree on every identifier.
 */
import type { Domain, Field, Resource } from './monolith-plan.js';

export interface ResourceContext {
  domain: Domain;
  resource: Resource;
  /** Class-name prefix: `Invoice`. */
  cls: string;
  /** camelCase of the class-name prefix: `invoice`. */
  var: string;
  /** kebab file stem: `invoice`. */
  stem: string;
  /** Folder relative to the project root: `src/domains/billing/invoice`. */
  dir: string;
  /** Business actions on the service (`approve`, `archive`, …). */
  actions: string[];
  /** Services of the same domain this service injects. */
  siblings: { stem: string; cls: string }[];
  /** Services of other domains this service injects, imported from their barrel. */
  crossDomain: { domain: string; stem: string; cls: string }[];
}

export const ACTIONS = [
  'approve',
  'archive',
  'cancel',
  'close',
  'complete',
  'confirm',
  'duplicate',
  'expire',
  'lock',
  'publish',
  'recalculate',
  'reopen',
  'schedule',
  'submit',
  'suspend',
  'sync',
  'unlock',
  'verify',
];

export function resourceContext(domains: ReadonlyMap<string, Domain>, domain: Domain, resource: Resource): ResourceContext {
  const cls = resource.className;
  const find = (d: Domain, name: string): Resource => d.resources.find((r) => r.name === name)!;
  return {
    domain,
    resource,
    cls,
    var: cls.charAt(0).toLowerCase() + cls.slice(1),
    stem: resource.name,
    dir: `src/domains/${domain.name}/${resource.name}`,
    // Deterministic from the plan: the same resource always offers the same actions.
    actions: ACTIONS.filter((_, i) => (i * 7 + resource.name.length + resource.methods) % 3 === 0).slice(0, resource.methods),
    siblings: resource.siblings.map((name) => ({ stem: name, cls: find(domain, name).className })),
    crossDomain: resource.crossDomain.map((ref) => ({
      domain: ref.domain,
      stem: ref.resource,
      cls: find(domains.get(ref.domain)!, ref.resource).className,
    })),
  };
}

/** The TypeScript type of a field on the domain model. */
export function fieldType(ctx: ResourceContext, field: Field): string {
  return field.values ? `${ctx.cls}Status` : field.type;
}

/** Service property name for an injected service: `customerService`. */
export const serviceProperty = (className: string): string => `${className.charAt(0).toLowerCase()}${className.slice(1)}Service`;
