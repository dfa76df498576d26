/**
 * An ORM published under another name: a scoped fork (`@acme/typeorm`) whose
 * imports are the ORM's own exports (`Entity`, `Column`, `Repository`, …).
 * It is told by how the code uses it, not by a list of forks: a package named
 * `@scope/<orm>` that is no enabler itself, from which the project imports at
 * least two of the ORM's signature exports. Such a package is read as the ORM.
 * (An npm alias, `"typeorm": "npm:@acme/typeorm@1"`, needs nothing: the code
 * imports `typeorm`.)
 */
import type { FileFacts } from '../extract/file-facts.js';
import type { ProjectIndex } from '../link/project-index.js';
import { packageOf } from './enable-adapters.js';

/** Exports only the ORM itself has, all together (a fork keeps them; a plugin or wrapper rarely re-exports two). */
const SIGNATURES: Readonly<Record<string, readonly string[]>> = {
  typeorm: [
    'Entity',
    'Column',
    'PrimaryGeneratedColumn',
    'PrimaryColumn',
    'ManyToOne',
    'OneToMany',
    'Repository',
    'DataSource',
    'EntityManager',
  ],
  mongoose: ['Schema', 'model', 'Model', 'connect', 'Types', 'Document'],
  sequelize: ['Sequelize', 'DataTypes', 'Model', 'Op'],
  knex: ['Knex', 'knex'],
  kysely: ['Kysely', 'sql', 'Generated'],
};
const FORK_SIGNATURE_HITS = 2;

/** Fork package → the ORM package it stands for. */
export function findForks(files: readonly FileFacts[], enablers: ReadonlySet<string>): Map<string, string> {
  const used = new Map<string, Set<string>>();
  for (const f of files) {
    for (const imp of f.imports) {
      const pkg = packageOf(imp.specifier);
      const m = pkg ? /^@[^/]+\/(.+)$/.exec(pkg) : null;
      if (!pkg || !m || enablers.has(pkg) || !SIGNATURES[m[1]!]) continue;
      const names = used.get(pkg) ?? new Set<string>();
      for (const n of imp.names) if (SIGNATURES[m[1]!]!.includes(n.imported)) names.add(n.imported);
      used.set(pkg, names);
    }
  }
  const forks = new Map<string, string>();
  for (const [pkg, names] of [...used].sort(([a], [b]) => (a < b ? -1 : 1)))
    if (names.size >= FORK_SIGNATURE_HITS) forks.set(pkg, pkg.slice(pkg.indexOf('/') + 1));
  return forks;
}

/** The index with a fork's names reported as the ORM's (`@acme/typeorm` → `typeorm`), so every adapter rule applies. */
export function withForks(index: ProjectIndex, forks: ReadonlyMap<string, string>): ProjectIndex {
  if (forks.size === 0) return index;
  return {
    files: index.files,
    resolveSpecifier: (file, specifier) => {
      const r = index.resolveSpecifier(file, specifier);
      return r.kind === 'external' && forks.has(r.package) ? { ...r, package: forks.get(r.package)! } : r;
    },
    resolveName: (file, local) => {
      const r = index.resolveName(file, local);
      return r?.kind === 'external' && forks.has(r.package) ? { ...r, package: forks.get(r.package)! } : r;
    },
    resolveClass: (file, name) => index.resolveClass(file, name),
    classesByName: (name) => index.classesByName(name),
  };
}
