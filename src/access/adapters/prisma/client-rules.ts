/**
 * What a Prisma client looks like in facts, and which store it talks to.
 * A client is `new PrismaClient()` (under any import alias), a class extending
 * it (NestJS `PrismaService`), a value typed `PrismaClient` /
 * `Prisma.TransactionClient`, an `$extends` result, or a `$transaction`
 * callback parameter. Its store follows from where `PrismaClient` was imported.
 */
import type { ArgFact } from '../../../extract/file-facts.js';
import type { ProjectIndex } from '../../../link/project-index.js';
import { posixDirname, posixJoin } from '../../../util/posix-path.js';
import type { PrismaStore } from './stores.js';
import type { ClientRules } from '../../core/trace-receiver.js';

export interface PrismaClientRef {
  /** Store name, when the import of the client decides it. */
  store?: string;
  /** Known only from its name (`prisma`, `db`): an unknown model then means it is not Prisma at all. */
  hinted?: boolean;
}

const CLIENT_CLASSES = new Set(['PrismaClient', 'TransactionClient']);

/** Segments of an import specifier that say nothing about which client it is. */
const GENERIC_SEGMENTS = new Set([
  'client',
  'index',
  'prisma',
  'generated',
  'src',
  '@',
  '~',
  '..',
  '.',
  'node_modules',
  'edge',
  'default',
  '@prisma',
  '.prisma',
]);

/** The package an output inside node_modules is imported as: `../../node_modules/@prisma/client-mongo` → `@prisma/client-mongo`. */
const packageOfOutput = (output: string): string | undefined => {
  const at = output.lastIndexOf('node_modules/');
  return at === -1 ? undefined : output.slice(at + 'node_modules/'.length).replace(/\/$/, '');
};

export function storeForSpecifier(stores: readonly PrismaStore[], file: string, specifier: string): string | undefined {
  if (stores.length === 1) return stores[0].name;
  const byPackage = stores.filter((s) =>
    s.outputs.some((o) => {
      const pkg = packageOfOutput(o);
      return (
        pkg !== undefined && pkg !== '@prisma/client' && pkg !== '.prisma/client' && (specifier === pkg || specifier.startsWith(`${pkg}/`))
      );
    }),
  );
  if (byPackage.length === 1) return byPackage[0].name;
  if (/^(@prisma\/client|\.prisma\/client)(\/|$)/.test(specifier)) {
    const defaults = stores.filter((s) => s.defaultClient);
    return defaults.length === 1 ? defaults[0].name : undefined;
  }
  if (specifier.startsWith('.')) {
    const target = posixJoin(posixDirname(file), specifier).replace(/\/index(\.[jt]s)?$|\.[jt]s$/, '');
    const hit = stores.filter((s) => s.outputs.some((o) => target === o || target.startsWith(`${o}/`) || o.startsWith(`${target}/`)));
    if (hit.length === 1) return hit[0].name;
  }
  // Path aliases (`@/generated/billing`): match a distinctive folder name of an output.
  const segments = specifier.split('/').filter((s) => !GENERIC_SEGMENTS.has(s));
  const hit = stores.filter((s) => s.outputs.some((o) => o.split('/').some((seg) => !GENERIC_SEGMENTS.has(seg) && segments.includes(seg))));
  return hit.length === 1 ? hit[0].name : undefined;
}

export function prismaClientRules(index: ProjectIndex, stores: readonly PrismaStore[]): ClientRules<PrismaClientRef> {
  /** Is `name` (possibly `ns.Name`) the Prisma client class in `file`? Returns its store when so. */
  const clientName = (file: string, name: string): PrismaClientRef | undefined => {
    const facts = index.files.get(file);
    const parts = name.split('.');
    const head = parts[0];
    const last = parts[parts.length - 1];
    for (const imp of facts?.imports ?? []) {
      for (const n of imp.names) {
        if (n.local !== head) continue;
        const imported = parts.length > 1 ? last : n.imported;
        if (CLIENT_CLASSES.has(imported) || (parts.length === 1 && n.imported === '*' && CLIENT_CLASSES.has(last))) {
          return { store: storeForSpecifier(stores, file, imp.specifier) };
        }
        // `import { Prisma } from '@prisma/client'` → `Prisma.TransactionClient`.
        if (parts.length > 1 && CLIENT_CLASSES.has(last)) return { store: storeForSpecifier(stores, file, imp.specifier) };
      }
    }
    // Not imported under that name: the plain class name still identifies the client.
    return CLIENT_CLASSES.has(last) ? { store: stores.length === 1 ? stores[0].name : undefined } : undefined;
  };

  const fromTypeText = (file: string, type: string): PrismaClientRef | undefined => {
    for (const m of type.matchAll(/[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*/g)) {
      const hit = clientName(file, m[0]);
      if (hit) return hit;
    }
    // @nestjs-cls/transactional: `TransactionHost<TransactionalAdapterPrisma>`, used as `txHost.tx.<model>`.
    return /\bTransactionalAdapterPrisma\b/.test(type) ? { store: stores.length === 1 ? stores[0].name : undefined } : undefined;
  };

  return {
    fromType: fromTypeText,
    fromHeritage: (file, ext) => clientName(file, ext.split('<')[0].trim()),
    fromCreation(file: string, init: ArgFact) {
      if (init.k === 'call' && init.callee.startsWith('new ')) return clientName(file, init.callee.slice(4));
      if (init.k === 'other') {
        for (const m of init.text.matchAll(/new\s+([\w$.]+)/g)) {
          const hit = clientName(file, m[1]);
          if (hit) return hit;
        }
      }
      return undefined;
    },
    fromCallback: (method, paramIndex, client) => (method === '$transaction' && paramIndex === 0 ? client : undefined),
    callKeepsClient: (method) => method === '$extends',
    nameHint: (name) => (/prisma/i.test(name) || /^(db|tx|trx|database)$/i.test(name) ? { hinted: true } : undefined),
  };
}
