/**
 * One store per database: a repo of deployables (each its own package) where
 * two or more packages open their own connection (`mongoose.connect(…)`,
 * `new DataSource(…)`, `new PrismaClient()`, …) has one database per such
 * package, even when they read the same env var name (each deployment sets
 * its own). Their files get a store named after the package; files of other
 * packages (a shared library) keep the default store. With one connecting
 * package nothing changes.
 */
import type { FileFacts } from '../extract/file-facts.js';

export interface PackageDir {
  name: string;
  /** POSIX path relative to the analysed root; '' or '.' for the root package. */
  path: string;
}

/** Calls that open a database connection, by callee text (a receiver-free name or `obj.method`). */
const CONNECT_CALLEES = new Set([
  'mongoose.connect',
  'mongoose.createConnection',
  'createConnection',
  'new DataSource',
  'new PrismaClient',
  'new Sequelize',
  'new Kysely',
  'MikroORM.init',
  'TypeOrmModule.forRoot',
  'TypeOrmModule.forRootAsync',
  'MongooseModule.forRoot',
  'MongooseModule.forRootAsync',
  'MikroOrmModule.forRoot',
  'MikroOrmModule.forRootAsync',
  'SequelizeModule.forRoot',
  'SequelizeModule.forRootAsync',
]);

/** Test set-up connects to throwaway databases (`mongodb-memory-server`): not the deployable's own connection. */
const TEST_FILE = /(^|\/)(test|tests|__tests__|spec)\/|\.(test|spec)\.[cm]?[jt]sx?$/;

export type StoreOfFile = (path: string) => string;

export function deployableStores(files: readonly FileFacts[], packages: readonly PackageDir[], defaultStore: string): StoreOfFile {
  const dirs = packages
    .map((p) => ({ name: p.name, path: p.path.replace(/^\.\/?/, '').replace(/\/$/, '') }))
    .filter((p) => p.path !== '')
    .sort((a, b) => b.path.length - a.path.length || (a.path < b.path ? -1 : 1));
  const packageOf = (file: string): string | undefined => dirs.find((d) => file.startsWith(`${d.path}/`))?.path;
  const connecting = new Set<string>();
  for (const f of files) {
    if (TEST_FILE.test(f.path)) continue;
    const pkg = packageOf(f.path);
    if (pkg && !connecting.has(pkg) && f.calls.some((c) => CONNECT_CALLEES.has(c.callee))) connecting.add(pkg);
  }
  if (connecting.size < 2) return () => defaultStore;
  const storeName = new Map(dirs.filter((d) => connecting.has(d.path)).map((d) => [d.path, storeNameOf(d)]));
  return (path) => {
    const pkg = packageOf(path);
    return (pkg && storeName.get(pkg)) ?? defaultStore;
  };
}

/** The package's name without its scope (`@acme/orders` → `orders`); its folder when unnamed. */
function storeNameOf(dir: PackageDir): string {
  const name = dir.name.replace(/^@[^/]+\//, '') || dir.path.slice(dir.path.lastIndexOf('/') + 1);
  return name.replace(/[^\w.-]/g, '_');
}
