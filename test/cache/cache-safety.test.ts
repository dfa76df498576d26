/**
 * The facts cache lives outside the analysed tree and its entries are untrusted input: a damaged,
 * foreign or planted entry is dropped and counted, never used, and never fails a run.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { cacheFile, defaultCacheDir } from '../../src/cache/facts-cache.js';
import type { AnalysisResult } from '../../src/model/result.js';
import { serializeResult } from '../../src/model/serialize.js';
import { runCli } from '../helpers/cli.js';
import { fixturePath, repoRoot, writeProject } from '../helpers/project.js';

const tempDir = (name: string): string => mkdtempSync(path.join(tmpdir(), `carve-${name}-`));

/** Every path under `dir` with its size and mtime: what "untouched" means. */
function treeState(dir: string): string[] {
  const out: string[] = [];
  const visit = (abs: string, rel: string): void => {
    for (const name of readdirSync(abs).sort()) {
      const childAbs = path.join(abs, name);
      const st = statSync(childAbs);
      out.push(`${rel}${name} ${st.isDirectory() ? 'dir' : st.size} ${st.mtimeMs}`);
      if (st.isDirectory()) visit(childAbs, `${rel}${name}/`);
    }
  };
  visit(dir, '');
  return out;
}

type Entries = Map<string, { hash: string; json: string }>;
const readEntries = (file: string): Entries => deserialize(readFileSync(file)) as Entries;
const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');

const sqlProject = {
  'tsconfig.json': '{}',
  'package.json': JSON.stringify({ name: 'p', dependencies: { pg: '8' } }),
  'src/db.ts': "import { Pool } from 'pg';\nexport const pool = new Pool();\n",
  'src/orders.ts': "import { pool } from './db';\nexport const listOrders = () => pool.query('SELECT * FROM orders');\n",
  'src/users.ts': "import { pool } from './db';\nexport const listUsers = () => pool.query('SELECT * FROM users');\n",
};

async function runWith(root: string, cacheDir: string, cache = true) {
  const out = await analyze({ root, overrides: { cache, cacheDir } });
  return { text: serializeResult(out.result), cache: out.cache };
}

describe('the cache is outside the analysed tree', { timeout: 180_000 }, () => {
  it('the demo command leaves fixtures/shop untouched and caches under $XDG_CACHE_HOME/carve', () => {
    const before = treeState(fixturePath('shop'));
    const xdg = tempDir('xdg');
    const cwd = tempDir('cwd');
    const r = runCli(['analyze', fixturePath('shop')], cwd, { XDG_CACHE_HOME: xdg });
    expect(r.code).toBe(0);
    expect(treeState(fixturePath('shop'))).toEqual(before);
    expect(existsSync(path.join(fixturePath('shop'), 'node_modules'))).toBe(false);
    expect(existsSync(cacheFile(fixturePath('shop'), path.join(xdg, 'carve')))).toBe(true);
    expect(existsSync(path.join(cwd, 'carve-report', 'analysis.json'))).toBe(true);
    // The second run reads that cache: every file a hit.
    const again = runCli(['analyze', fixturePath('shop'), '--json', '--timings'], cwd, { XDG_CACHE_HOME: xdg });
    expect(again.stderr).toMatch(/cache (\d+) hits 0 misses 0 dropped/);
  });

  it('defaults to ~/.cache/carve without XDG_CACHE_HOME, keyed by the real path of the root', () => {
    expect(defaultCacheDir({ HOME: '/home/u' })).toBe('/home/u/.cache/carve');
    expect(defaultCacheDir({ HOME: '/home/u', XDG_CACHE_HOME: '/x/cache' })).toBe('/x/cache/carve');
    expect(defaultCacheDir({ HOME: '/home/u', XDG_CACHE_HOME: 'relative' })).toBe('/home/u/.cache/carve');
    const root = writeProject(sqlProject);
    const link = path.join(tempDir('link'), 'same');
    symlinkSync(root, link);
    expect(cacheFile(link, '/c')).toBe(cacheFile(root, '/c'));
    expect(cacheFile(writeProject(sqlProject), '/c')).not.toBe(cacheFile(root, '/c'));
  });

  it('--cache-dir chooses the folder; a config found in the analysed repo may not', () => {
    const root = writeProject(sqlProject);
    const dir = tempDir('chosen');
    expect(runCli(['analyze', root, '--json', '--cache-dir', dir]).code).toBe(0);
    expect(existsSync(cacheFile(root, dir))).toBe(true);

    const hostile = writeProject({ ...sqlProject, 'carve.config.json': JSON.stringify({ cacheDir: tempDir('elsewhere') }) });
    const refused = runCli(['analyze', hostile, '--json']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /cacheDir in carve\.config\.json: a config found in the analysed repository may not choose where carve writes/,
    );
    // The same file given explicitly is the user's choice.
    expect(runCli(['analyze', hostile, '--json', '--config', path.join(hostile, 'carve.config.json')]).code).toBe(0);
  });

  it('never writes a cache inside the analysed tree, not even through a symlinked node_modules', async () => {
    const root = writeProject(sqlProject);
    const outside = tempDir('linked-modules');
    symlinkSync(outside, path.join(root, 'node_modules'));
    for (const cacheDir of [path.join(root, '.carve-cache'), path.join(root, 'node_modules', '.cache', 'carve')]) {
      const run = await runWith(root, cacheDir);
      expect(run.cache.note).toMatch(/inside the analysed tree/);
    }
    expect(readdirSync(outside)).toEqual([]);
    expect(existsSync(path.join(root, '.carve-cache'))).toBe(false);
    const r = runCli(['analyze', root, '--json', '--cache-dir', path.join(root, 'node_modules/.cache')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('carve: cache: cache folder');
    expect(readdirSync(outside)).toEqual([]);
  });
});

describe('cache entries are untrusted', { timeout: 180_000 }, () => {
  it('a damaged but loadable entry (`calls` not an array) is dropped, counted and rebuilt; the run is unchanged', async () => {
    const root = writeProject(sqlProject);
    const cacheDir = tempDir('damaged');
    const reference = await runWith(root, cacheDir, false);
    await runWith(root, cacheDir);
    const file = cacheFile(root, cacheDir);
    const entries = readEntries(file);
    const orders = entries.get('src/orders.ts')!;
    entries.set('src/orders.ts', { hash: orders.hash, json: JSON.stringify({ ...JSON.parse(orders.json), calls: 5 }) });
    const users = entries.get('src/users.ts')!;
    entries.set('src/users.ts', { hash: users.hash, json: '{"path": "src/users.ts", "lines": ' }); // not JSON
    writeFileSync(file, serialize(entries));

    const damaged = await runWith(root, cacheDir);
    expect(damaged.text).toBe(reference.text);
    expect(damaged.cache.rejected).toBe(2);
    expect(damaged.cache.misses).toBe(2);
    // The damage is not written back: the next run is all hits.
    const healed = await runWith(root, cacheDir);
    expect(healed.cache).toMatchObject({ rejected: 0, misses: 0 });

    // The CLI says so on stderr, with or without --timings.
    writeFileSync(file, serialize(entries));
    const r = runCli(['analyze', root, '--json', '--cache-dir', cacheDir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('carve: cache: dropped 2 invalid entries (re-parsed those files)');
    expect(r.stdout).toBe(reference.text);
  });

  it('an entry cannot inject facts: facts of another file, unknown keys and out-of-range call ids are refused', async () => {
    const root = writeProject(sqlProject);
    const cacheDir = tempDir('inject');
    const reference = await runWith(root, cacheDir, false);
    await runWith(root, cacheDir);
    const file = cacheFile(root, cacheDir);
    const entries = readEntries(file);
    const users = JSON.parse(entries.get('src/users.ts')!.json) as Record<string, unknown>;
    const orders = JSON.parse(entries.get('src/orders.ts')!.json) as { calls: { receiver?: number }[] };
    const db = JSON.parse(entries.get('src/db.ts')!.json) as Record<string, unknown>;
    const ordersText = readFileSync(path.join(root, 'src/orders.ts'), 'utf8');
    // users.ts's facts (a users table access) planted under orders.ts's hash.
    entries.set('src/orders.ts', { hash: sha1(ordersText), json: JSON.stringify(users) });
    // A call whose receiver points past the end of `calls`.
    entries.set('src/users.ts', {
      hash: entries.get('src/users.ts')!.hash,
      json: JSON.stringify({ ...users, calls: (users.calls as object[]).map((c) => ({ ...c, receiver: 99 })) }),
    });
    // A key FileFacts does not have.
    entries.set('src/db.ts', { hash: entries.get('src/db.ts')!.hash, json: JSON.stringify({ ...db, tables: ['secrets'] }) });
    writeFileSync(file, serialize(entries));
    const planted = await runWith(root, cacheDir);
    expect(planted.text).toBe(reference.text);
    expect(planted.cache).toMatchObject({ rejected: 3, hits: 0 });
    expect(orders.calls.length).toBeGreaterThan(0);
  });

  it('a cache file that is not a Map of entries is ignored, said, and replaced', async () => {
    const root = writeProject(sqlProject);
    const cacheDir = tempDir('not-map');
    const reference = await runWith(root, cacheDir, false);
    await runWith(root, cacheDir);
    const file = cacheFile(root, cacheDir);
    writeFileSync(file, serialize(new Map<string, unknown>([['src/orders.ts', 42]])));
    const odd = await runWith(root, cacheDir);
    expect(odd.text).toBe(reference.text);
    expect(odd.cache.rejected).toBe(1);
    writeFileSync(file, serialize(['not', 'a', 'map']));
    const list = await runWith(root, cacheDir);
    expect(list.cache.note).toBe('cache file unreadable, rebuilt');
    expect(list.text).toBe(reference.text);
  });

  it('`{ __proto__: … }` in analysed source gives the same result uncached, cold, warm and on workers', async () => {
    const root = writeProject({
      ...sqlProject,
      'src/queries.ts': [
        "import { pool } from './db';",
        "const Q = { __proto__: 'SELECT * FROM invoices', constructor: 'SELECT * FROM refunds', list: 'SELECT * FROM payments' };",
        'export const a = () => pool.query(Q.__proto__);',
        'export const b = () => pool.query(Q.constructor);',
        'export const c = () => pool.query(Q.list);',
        'export const d = () => pool.query(Q.toString);',
        '',
      ].join('\n'),
    });
    const cacheDir = tempDir('proto');
    const off = await runWith(root, cacheDir, false);
    const cold = await runWith(root, cacheDir);
    const warm = await runWith(root, cacheDir);
    expect(warm.cache.hits).toBe(4);
    expect(cold.text).toBe(off.text);
    expect(warm.text).toBe(off.text);
    const workers = runCli(['analyze', root, '--json', '--no-cache', '--workers', '1']);
    expect(workers.stdout).toBe(off.text);
    const tables = (JSON.parse(off.text) as AnalysisResult).tables.map((t) => t.name).sort();
    expect(tables).toEqual(expect.arrayContaining(['invoices', 'payments', 'refunds']));
  });
});

describe('temp files of killed runs do not pile up', { timeout: 180_000 }, () => {
  it('a temp file of a dead process and an old-version cache file are removed by the next write', async () => {
    const root = writeProject(sqlProject);
    const cacheDir = tempDir('temps');
    await runWith(root, cacheDir);
    const file = cacheFile(root, cacheDir);
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.on('exit', resolve));
    const stale = `${file}.${dead.pid}.tmp`;
    const live = `${file}.${process.pid === 1 ? 2 : 1}.tmp`; // pid 1 is always alive
    const oldVersion = path.join(path.dirname(file), 'facts-v1-0.0.1.bin');
    for (const f of [stale, live, oldVersion]) writeFileSync(f, 'x'.repeat(1000));
    writeFileSync(path.join(root, 'src/new.ts'), 'export const n = 1;\n'); // a change, so the run writes
    await runWith(root, cacheDir);
    const left = readdirSync(path.dirname(file)).filter((n) => !n.startsWith('link-')); // the link cache's own file beside it
    expect(left.sort()).toEqual([path.basename(file), path.basename(live)].sort());
  });

  it('kill -9 in the middle of a run leaves a readable cache, and the next run gives the same result', async () => {
    const root = writeProject(
      Object.fromEntries([
        ['tsconfig.json', '{}'],
        ...Array.from({ length: 400 }, (_, i) => [`src/m${i}.ts`, `import { x } from './m${(i + 1) % 400}';\nexport const y${i} = x;\n`]),
      ]),
    );
    const xdg = tempDir('kill');
    const child = spawn(process.execPath, [path.join(repoRoot, 'dist/cli/main.js'), 'analyze', root, '--json'], {
      env: { ...process.env, CI: '1', XDG_CACHE_HOME: xdg },
      stdio: 'ignore',
    });
    await new Promise((resolve) => setTimeout(resolve, 700));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    const reference = runCli(['analyze', root, '--json', '--no-cache']);
    const after = runCli(['analyze', root, '--json'], repoRoot, { XDG_CACHE_HOME: xdg });
    expect(after.code).toBe(0);
    expect(after.stdout).toBe(reference.stdout);
    const dir = path.dirname(cacheFile(root, path.join(xdg, 'carve')));
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
