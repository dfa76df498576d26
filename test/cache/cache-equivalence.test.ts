import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { cacheFile } from '../../src/cache/facts-cache.js';
import { resultSchema } from '../../src/model/result-schema.js';
import { serializeResult } from '../../src/model/serialize.js';
import { fixturePath, repoRoot } from '../helpers/project.js';

const fixtures = readdirSync(path.join(repoRoot, 'fixtures'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const cacheDir = mkdtempSync(path.join(tmpdir(), 'carve-cache-dir-'));

async function run(root: string, cache: boolean) {
  const out = await analyze({ root, overrides: { cache, cacheDir } });
  return { text: serializeResult(out.result), cache: out.cache, result: out.result };
}

describe('the facts cache changes nothing but speed', () => {
  it.each(fixtures)('%s: cold, warm and uncached runs give byte-identical results that match the schema', async (name) => {
    const root = path.join(mkdtempSync(path.join(tmpdir(), 'carve-cache-')), name);
    cpSync(fixturePath(name), root, { recursive: true });
    const off = await run(root, false);
    const cold = await run(root, true);
    const warm = await run(root, true);
    expect(cold.cache.hits).toBe(0);
    expect(warm.cache.misses).toBe(0);
    expect(warm.cache.hits).toBe(off.result.summary.files);
    expect(cold.text).toBe(off.text);
    expect(warm.text).toBe(off.text);
    expect(resultSchema.safeParse(off.result).error).toBeUndefined();
  });

  it('ignores a corrupt cache file and rebuilds it', async () => {
    const root = path.join(mkdtempSync(path.join(tmpdir(), 'carve-cache-')), 'shop');
    cpSync(fixturePath('shop'), root, { recursive: true });
    const first = await run(root, true);
    writeFileSync(cacheFile(root, cacheDir), 'not a cache');
    const again = await run(root, true);
    expect(again.cache.hits).toBe(0);
    expect(again.text).toBe(first.text);
    expect((await run(root, true)).cache.misses).toBe(0);
  });
});
