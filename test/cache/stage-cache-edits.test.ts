import { appendFileSync, cpSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { serializeResult } from '../../src/model/serialize.js';
import { fixturePath, repoRoot, writeProject } from '../helpers/project.js';

const fixtures = readdirSync(path.join(repoRoot, 'fixtures'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

async function run(root: string, cache: boolean) {
  const out = await analyze({ root, overrides: { cache } });
  return { text: serializeResult(out.result), cache: out.cache, units: out.result.units.map((u) => u.id) };
}

/** A relative import of `to` from `from` (both root-relative, with extension). */
function specifier(from: string, to: string): string {
  const rel = path.posix.relative(path.posix.dirname(from), to.replace(/\.(ts|tsx|js|mts|cts)$/, ''));
  return rel.startsWith('.') ? rel : `./${rel}`;
}

function schemaFiles(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = path.posix.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' ? [] : schemaFiles(root, rel);
    return /\.(prisma|sql)$/.test(d.name) ? [rel] : [];
  });
}

/** Each kind of edit a warm run must see exactly as a cold one does. */
const edits: [string, (root: string, units: string[]) => boolean][] = [
  [
    'change a file (a new import and function)',
    (root, [a, b]) => {
      appendFileSync(
        path.join(root, a),
        `\nimport * as carveEdit from '${specifier(a, b)}';\nexport function carveEdited(): unknown { return carveEdit; }\n`,
      );
      return true;
    },
  ],
  [
    'change what a file exports',
    (root, [, b]) => {
      appendFileSync(path.join(root, b), '\nexport class CarveAddedExport {}\n');
      return true;
    },
  ],
  [
    'add a file',
    (root, [a, b]) => {
      const added = path.posix.join(path.posix.dirname(a), 'carve-added.ts');
      writeFileSync(path.join(root, added), `import * as used from '${specifier(added, b)}';\nexport const carveAdded = used;\n`);
      return true;
    },
  ],
  [
    'delete a file',
    (root, units) => {
      rmSync(path.join(root, units[units.length - 1]));
      return true;
    },
  ],
  [
    'rename a file',
    (root, units) => {
      const from = units[Math.min(2, units.length - 1)];
      renameSync(path.join(root, from), path.join(root, path.posix.dirname(from), `carve-renamed-${path.posix.basename(from)}`));
      return true;
    },
  ],
  [
    'change a schema',
    (root) => {
      const [schema] = schemaFiles(root);
      if (!schema) return false;
      appendFileSync(
        path.join(root, schema),
        schema.endsWith('.prisma') ? '\nmodel CarveAdded {\n  id Int @id\n}\n' : '\nCREATE TABLE carve_added (id int PRIMARY KEY);\n',
      );
      return true;
    },
  ],
  [
    'change the config',
    (root, units) => {
      writeFileSync(path.join(root, 'carve.config.json'), JSON.stringify({ exclude: [units[0]], minServiceSize: 2 }));
      return true;
    },
  ],
];

describe('stage caches change nothing but speed', () => {
  it.each(fixtures)('%s: after each kind of edit, a warm run is byte-identical to an uncached one', async (name) => {
    const root = path.join(mkdtempSync(path.join(tmpdir(), 'carve-edits-')), name);
    cpSync(fixturePath(name), root, { recursive: true });
    const first = await run(root, true);
    expect(first.cache.linksReused).toBe(0);
    for (const [edit, apply] of edits) {
      const before = await run(root, false);
      if (!apply(root, before.units)) continue;
      const warm = await run(root, true);
      const cold = await run(root, false);
      expect(warm.text, edit).toBe(cold.text);
    }
  });

  it('re-links only what an edit can change, and follows resolution candidates that appear', async () => {
    const root = writeProject({
      'tsconfig.json': '{}',
      'src/lib/index.ts': 'export const x = 1;\n',
      'src/a.ts': "import { x } from './lib';\nexport const a = x;\n",
      'src/b.ts': "import { a } from './a';\nexport const b = a;\n",
      'src/c.ts': 'export const c = 3;\n',
    });
    await run(root, true);
    const same = await run(root, true);
    expect(same.cache.linksReused).toBe(4);

    appendFileSync(path.join(root, 'src/c.ts'), 'export const d = 4;\n');
    expect((await run(root, true)).cache.linksReused).toBe(3); // only c.ts: nothing imports it

    appendFileSync(path.join(root, 'src/a.ts'), 'export const e = 5;\n');
    expect((await run(root, true)).cache.linksReused).toBe(2); // a.ts, and b.ts which reads a's exports

    // `./lib` now resolves to src/lib.ts, not src/lib/index.ts: a.ts must be re-linked though it is unchanged.
    writeFileSync(path.join(root, 'src/lib.ts'), 'export const x = 2;\n');
    const warm = await run(root, true);
    const cold = await run(root, false);
    expect(warm.text).toBe(cold.text);
    expect(JSON.parse(warm.text).edges).toContainEqual(expect.objectContaining({ from: 'src/a.ts', to: 'src/lib.ts' }));
  });

  it('re-links everything when the tsconfig paths change', async () => {
    const root = writeProject({
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@lib/*': ['src/one/*'] } } }),
      'src/one/x.ts': 'export const x = 1;\n',
      'src/two/x.ts': 'export const x = 2;\n',
      'src/a.ts': "import { x } from '@lib/x';\nexport const a = x;\n",
    });
    await run(root, true);
    writeFileSync(
      path.join(root, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@lib/*': ['src/two/*'] } } }),
    );
    const warm = await run(root, true);
    expect(warm.cache.linksReused).toBe(0);
    expect(warm.text).toBe((await run(root, false)).text);
    expect(JSON.parse(warm.text).edges).toContainEqual(expect.objectContaining({ from: 'src/a.ts', to: 'src/two/x.ts' }));
  });
});
