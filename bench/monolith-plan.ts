/**
 * The shape of a synthetic monolith, decided before any text is written:
 * domains, their resources (one controller/service/repository/dto/entity
 * stack each), which ORM each resource uses, and which other domains each
 * one calls. Renderers only turn this plan into files, so the file count is
 * exact and the cross-references always point at files that exist.
 */
import { createRng, type Rng } from './prng.js';

export type Orm = 'prisma' | 'typeorm' | 'knex' | 'pg';

export interface Field {
  /** camelCase property name. */
  name: string;
  /** snake_case column name. */
  column: string;
  type: 'string' | 'number' | 'boolean' | 'Date';
  /** Union of string literals for status-like fields. */
  values?: string[];
}

export interface ResourceRef {
  domain: string;
  resource: string;
}

export interface Resource {
  /** kebab-case singular, unique within its domain: `order-line`. */
  name: string;
  /** PascalCase class prefix, unique in the monolith: `OrderLine`, `BillingOrderLine`. */
  className: string;
  /** kebab-case plural, for routes. */
  plural: string;
  /** snake_case table name, unique in the monolith. */
  table: string;
  orm: Orm;
  fields: Field[];
  /** Number of business methods on the service (2 data-access methods each, roughly). */
  methods: number;
  /** Number of HTTP routes on the controller. */
  routes: number;
  /** Services of the same domain this service injects. */
  siblings: string[];
  /** Services of other domains this service injects, through their barrel. */
  crossDomain: ResourceRef[];
  /** Tables of other resources that this repository's raw SQL / Knex / TypeORM queries join to. */
  joins: string[];
}

export interface Domain {
  /** kebab-case folder name. */
  name: string;
  /** PascalCase, for the Nest module class. */
  className: string;
  resources: Resource[];
  /** Extra helper files (`helpers/<name>.util.ts`) that make the file count exact. */
  helpers: string[];
  /** Domains whose barrels this domain imports. */
  uses: string[];
}

export interface MonolithPlan {
  seed: number;
  /** TypeScript files in the monolith, exactly. */
  files: number;
  domains: Domain[];
}

/** Files every monolith has: src/main.ts, src/app.module.ts and src/shared/**. */
export const FIXED_FILES = 26;
/** Per domain: index.ts, <domain>.module.ts, <domain>.constants.ts. */
export const FILES_PER_DOMAIN = 3;
/** Per resource: entity, repository, service, controller, mapper, types, 3 DTOs. */
export const FILES_PER_RESOURCE = 9;
/** Smallest monolith the plan can fill: the fixed files plus one domain with one resource. */
export const MIN_FILES = FIXED_FILES + FILES_PER_DOMAIN + FILES_PER_RESOURCE;

const DOMAIN_WORDS = [
  'accounts',
  'analytics',
  'audit',
  'billing',
  'booking',
  'cart',
  'catalog',
  'checkout',
  'claims',
  'compliance',
  'content',
  'contracts',
  'crm',
  'customers',
  'delivery',
  'documents',
  'fleet',
  'fulfillment',
  'identity',
  'inventory',
  'invoicing',
  'ledger',
  'logistics',
  'loyalty',
  'marketing',
  'media',
  'messaging',
  'notifications',
  'onboarding',
  'orders',
  'partners',
  'payments',
  'payroll',
  'pricing',
  'procurement',
  'promotions',
  'quotes',
  'ratings',
  'recruiting',
  'refunds',
  'reporting',
  'returns',
  'reviews',
  'scheduling',
  'search',
  'shipping',
  'subscriptions',
  'support',
  'tax',
  'warehouse',
];
const DOMAIN_QUALIFIERS = ['core', 'ops', 'admin', 'sync', 'portal', 'insights', 'hub', 'engine', 'gateway', 'registry'];

const NOUNS: [singular: string, plural: string][] = [
  ['account', 'accounts'],
  ['address', 'addresses'],
  ['adjustment', 'adjustments'],
  ['allocation', 'allocations'],
  ['approval', 'approvals'],
  ['asset', 'assets'],
  ['attachment', 'attachments'],
  ['batch', 'batches'],
  ['budget', 'budgets'],
  ['campaign', 'campaigns'],
  ['carrier', 'carriers'],
  ['category', 'categories'],
  ['charge', 'charges'],
  ['comment', 'comments'],
  ['contact', 'contacts'],
  ['coupon', 'coupons'],
  ['credit-note', 'credit-notes'],
  ['discount', 'discounts'],
  ['dispute', 'disputes'],
  ['document', 'documents'],
  ['entry', 'entries'],
  ['event', 'events'],
  ['export-job', 'export-jobs'],
  ['fee', 'fees'],
  ['invoice', 'invoices'],
  ['item', 'items'],
  ['label', 'labels'],
  ['ledger-entry', 'ledger-entries'],
  ['location', 'locations'],
  ['member', 'members'],
  ['message', 'messages'],
  ['note', 'notes'],
  ['order', 'orders'],
  ['order-line', 'order-lines'],
  ['parcel', 'parcels'],
  ['payment', 'payments'],
  ['payout', 'payouts'],
  ['plan', 'plans'],
  ['policy', 'policies'],
  ['price', 'prices'],
  ['product', 'products'],
  ['profile', 'profiles'],
  ['quota', 'quotas'],
  ['rate', 'rates'],
  ['receipt', 'receipts'],
  ['refund', 'refunds'],
  ['reservation', 'reservations'],
  ['rule', 'rules'],
  ['schedule', 'schedules'],
  ['segment', 'segments'],
  ['setting', 'settings'],
  ['shipment', 'shipments'],
  ['slot', 'slots'],
  ['snapshot', 'snapshots'],
  ['statement', 'statements'],
  ['stock-level', 'stock-levels'],
  ['subscription', 'subscriptions'],
  ['supplier', 'suppliers'],
  ['tag', 'tags'],
  ['task', 'tasks'],
  ['template', 'templates'],
  ['ticket', 'tickets'],
  ['transfer', 'transfers'],
  ['variant', 'variants'],
  ['voucher', 'vouchers'],
  ['webhook', 'webhooks'],
  ['window', 'windows'],
  ['zone', 'zones'],
];

const FIELD_POOL: Field[] = [
  { name: 'name', column: 'name', type: 'string' },
  { name: 'description', column: 'description', type: 'string' },
  { name: 'reference', column: 'reference', type: 'string' },
  { name: 'externalId', column: 'external_id', type: 'string' },
  { name: 'currency', column: 'currency', type: 'string' },
  { name: 'email', column: 'email', type: 'string' },
  { name: 'notes', column: 'notes', type: 'string' },
  { name: 'amount', column: 'amount', type: 'number' },
  { name: 'quantity', column: 'quantity', type: 'number' },
  { name: 'priority', column: 'priority', type: 'number' },
  { name: 'position', column: 'position', type: 'number' },
  { name: 'active', column: 'active', type: 'boolean' },
  { name: 'archived', column: 'archived', type: 'boolean' },
  { name: 'dueAt', column: 'due_at', type: 'Date' },
  { name: 'startsAt', column: 'starts_at', type: 'Date' },
  { name: 'endsAt', column: 'ends_at', type: 'Date' },
  { name: 'title', column: 'title', type: 'string' },
  { name: 'code', column: 'code', type: 'string' },
  { name: 'country', column: 'country', type: 'string' },
  { name: 'locale', column: 'locale', type: 'string' },
  { name: 'weight', column: 'weight', type: 'number' },
  { name: 'taxRate', column: 'tax_rate', type: 'number' },
  { name: 'version', column: 'version', type: 'number' },
  { name: 'verified', column: 'verified', type: 'boolean' },
  { name: 'expiresAt', column: 'expires_at', type: 'Date' },
];
const STATUS_SETS = [
  ['draft', 'open', 'closed'],
  ['pending', 'active', 'suspended', 'cancelled'],
  ['new', 'processing', 'done', 'failed'],
  ['requested', 'approved', 'rejected'],
];

export const pascal = (kebab: string): string =>
  kebab
    .split(/[-_]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
export const camel = (kebab: string): string => {
  const p = pascal(kebab);
  return p.charAt(0).toLowerCase() + p.slice(1);
};
export const snake = (kebab: string): string => kebab.replace(/-/g, '_');

function domainNames(count: number): string[] {
  const names: string[] = [...DOMAIN_WORDS];
  for (const qualifier of DOMAIN_QUALIFIERS) for (const word of DOMAIN_WORDS) names.push(`${word}-${qualifier}`);
  if (count > names.length) throw new Error(`at most ${names.length} domains (${names.length * 100} files)`);
  return names.slice(0, count);
}

/** Spread `total` resources over `domains`, unevenly (real domains differ in size), each getting at least one. */
function resourceCounts(rng: Rng, domains: number, total: number): number[] {
  const weights = Array.from({ length: domains }, () => 0.5 + rng.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(1, Math.floor((w / sum) * total)));
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left !== 0; i = (i + 1) % domains) {
    if (left > 0) {
      counts[i]++;
      left--;
    } else if (counts[i] > 1) {
      counts[i]--;
      left++;
    }
  }
  return counts;
}

function pickOrm(rng: Rng, domainOrm: Orm): Orm {
  // Most resources follow their domain's ORM; reporting-style resources drop to raw SQL.
  if (rng.chance(0.1)) return 'pg';
  return domainOrm;
}

function pickFields(rng: Rng): Field[] {
  const fields = rng.sample(FIELD_POOL, rng.int(5, 14));
  fields.push({ name: 'status', column: 'status', type: 'string', values: rng.pick(STATUS_SETS) });
  return fields.sort((a, b) => a.name.localeCompare(b.name));
}

export function planMonolith(files: number, seed: number): MonolithPlan {
  if (!Number.isInteger(files) || files < MIN_FILES) throw new Error(`files must be an integer ≥ ${MIN_FILES}`);
  const rng = createRng(seed);
  const domainCount = Math.max(1, Math.round(files / 100));
  const perDomainBudget = files - FIXED_FILES - domainCount * FILES_PER_DOMAIN;
  const domainTotal = Math.min(domainCount, Math.floor(perDomainBudget / FILES_PER_RESOURCE));
  const resourceTotal = Math.floor((files - FIXED_FILES - domainTotal * FILES_PER_DOMAIN) / FILES_PER_RESOURCE);
  const helperTotal = files - FIXED_FILES - domainTotal * FILES_PER_DOMAIN - resourceTotal * FILES_PER_RESOURCE;
  const names = domainNames(domainTotal);
  const counts = resourceCounts(rng, domainTotal, resourceTotal);
  const orms: Orm[] = ['prisma', 'typeorm', 'prisma', 'typeorm', 'knex', 'pg'];
  const usedClassNames = new Set<string>();

  const domains: Domain[] = names.map((name, index) => {
    const domainOrm = rng.pick(orms);
    const nouns = rng.sample(NOUNS, counts[index]);
    while (nouns.length < counts[index]) {
      // More resources than nouns: number the repeats (`item-2`), as real code does with versions.
      const [s, p] = NOUNS[nouns.length % NOUNS.length];
      nouns.push([`${s}-${Math.floor(nouns.length / NOUNS.length) + 1}`, `${p}-${Math.floor(nouns.length / NOUNS.length) + 1}`]);
    }
    const resources: Resource[] = nouns.map(([singular, plural]) => {
      let className = pascal(singular);
      if (usedClassNames.has(className)) className = pascal(name) + className;
      usedClassNames.add(className);
      return {
        name: singular,
        className,
        plural,
        table: `${snake(name)}_${snake(plural)}`,
        orm: pickOrm(rng, domainOrm),
        fields: pickFields(rng),
        methods: rng.int(3, 9),
        routes: rng.int(3, 7),
        siblings: [],
        crossDomain: [],
        joins: [],
      };
    });
    return { name, className: pascal(name), resources, helpers: [], uses: [] };
  });

  for (let i = 0; i < helperTotal; i++) {
    const domain = domains[i % domains.length];
    domain.helpers.push(`${rng.pick(['format', 'normalize', 'compute', 'validate', 'parse'])}-${domain.helpers.length + 1}`);
  }

  // Cross-domain dependencies: mostly on earlier domains (a layered core), a few back edges (the cycles real monoliths have).
  for (const [index, domain] of domains.entries()) {
    const others = domains.filter((d) => d !== domain);
    const earlier = domains.slice(0, index);
    const wanted = Math.min(others.length, rng.int(1, 3));
    const uses = new Set<string>();
    while (uses.size < wanted) {
      const pool = earlier.length > 0 && rng.chance(0.8) ? earlier : others;
      uses.add(rng.pick(pool).name);
    }
    domain.uses = [...uses].sort();
  }

  const byName = new Map(domains.map((d) => [d.name, d]));
  for (const domain of domains) {
    for (const resource of domain.resources) {
      const siblings = domain.resources.filter((r) => r !== resource);
      resource.siblings = rng
        .sample(siblings, rng.int(0, Math.min(2, siblings.length)))
        .map((r) => r.name)
        .sort();
      for (const used of domain.uses) {
        if (!rng.chance(0.35)) continue;
        const target = rng.pick(byName.get(used)!.resources);
        resource.crossDomain.push({ domain: used, resource: target.name });
      }
      // Shared tables: a repository joins to another resource's table, now and then across domains.
      if (resource.orm !== 'prisma' && rng.chance(0.3)) {
        const home = domain.uses.length === 0 || rng.chance(0.6) ? domain : byName.get(rng.pick(domain.uses))!;
        const other = rng.pick(home.resources);
        if (other !== resource) resource.joins.push(other.table);
      }
    }
  }
  return { seed, files, domains };
}
