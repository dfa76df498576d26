/**
 * The synthetic monolith generator: `generateMonolith(files, seed)` returns
 * every file of a NestJS-style monolith (relative POSIX path → text), the same
 * bytes for the same arguments on any machine. As a CLI it writes one to
 * bench/.generated/<files>/:  node dist/bench/generate.js 5000 [--seed 1]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { planMonolith, type MonolithPlan } from './monolith-plan.js';
import { fileRng } from './prng.js';
import { renderBarrel, renderConstants, renderHelper, renderModule } from './render-domain.js';
import { renderCreateDto, renderEntity, renderMapper, renderQueryDto, renderTypes, renderUpdateDto } from './render-model.js';
import { renderRepository } from './render-repository.js';
import { renderController, renderService } from './render-service.js';
import { renderProjectFiles, renderSharedFiles } from './render-shared.js';
import { resourceContext } from './resource-context.js';

export const DEFAULT_SEED = 1;

export interface GeneratedMonolith {
  plan: MonolithPlan;
  /** Relative POSIX path → text, sorted by path; includes package.json, tsconfig.json and the Prisma schema. */
  files: Map<string, string>;
}

function renderDomains(plan: MonolithPlan): Record<string, string> {
  const out: Record<string, string> = {};
  const domains = new Map(plan.domains.map((d) => [d.name, d]));
  const rngFor = (file: string) => fileRng(plan.seed, file);
  for (const domain of plan.domains) {
    const base = `src/domains/${domain.name}`;
    out[`${base}/index.ts`] = renderBarrel(domain, rngFor(`${base}/index.ts`));
    out[`${base}/${domain.name}.module.ts`] = renderModule(domain, domains);
    out[`${base}/${domain.name}.constants.ts`] = renderConstants(domain);
    for (const helper of domain.helpers) {
      const file = `${base}/helpers/${helper}.util.ts`;
      out[file] = renderHelper(domain, helper, rngFor(file));
    }
    for (const resource of domain.resources) {
      const ctx = resourceContext(domains, domain, resource);
      const at = (name: string) => `${ctx.dir}/${name}`;
      const files: [string, (file: string) => string][] = [
        [at(`${ctx.stem}.entity.ts`), (f) => renderEntity(ctx, rngFor(f))],
        [at(`${ctx.stem}.types.ts`), (f) => renderTypes(ctx, rngFor(f))],
        [at(`${ctx.stem}.mapper.ts`), () => renderMapper(ctx)],
        [at(`${ctx.stem}.repository.ts`), (f) => renderRepository(ctx, rngFor(f))],
        [at(`${ctx.stem}.service.ts`), (f) => renderService(ctx, rngFor(f))],
        [at(`${ctx.stem}.controller.ts`), () => renderController(ctx)],
        [at(`dto/create-${ctx.stem}.dto.ts`), (f) => renderCreateDto(ctx, rngFor(f))],
        [at(`dto/update-${ctx.stem}.dto.ts`), () => renderUpdateDto(ctx)],
        [at(`dto/${ctx.stem}-query.dto.ts`), () => renderQueryDto(ctx)],
      ];
      for (const [file, render] of files) out[file] = render(file);
    }
  }
  return out;
}

export function generateMonolith(files: number, seed = DEFAULT_SEED): GeneratedMonolith {
  const plan = planMonolith(files, seed);
  const all = { ...renderProjectFiles(plan), ...renderSharedFiles(plan), ...renderDomains(plan) };
  const sorted = Object.keys(all).sort();
  return { plan, files: new Map(sorted.map((p) => [p, all[p]])) };
}

/** Lines as editors and carve count them: a final newline does not start another line. */
export function countLines(text: string): number {
  if (text.length === 0) return 0;
  let lines = text.endsWith('\n') ? 0 : 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** Replace `dir` with the monolith's files. */
export function writeMonolith(dir: string, monolith: GeneratedMonolith): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [rel, text] of monolith.files) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
}

/** The repository root, whether this module runs from bench/ (tests) or dist/bench/ (built). */
export const repoRoot = ((): string => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.basename(path.dirname(here)) === 'dist' ? path.resolve(here, '../..') : path.resolve(here, '..');
})();

export const generatedDir = (files: number): string => path.join(repoRoot, 'bench', '.generated', String(files));

function main(argv: string[]): void {
  const files = Number(argv[0]);
  const seedAt = argv.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(argv[seedAt + 1]) : DEFAULT_SEED;
  if (!Number.isInteger(files) || !Number.isInteger(seed)) {
    process.stderr.write('usage: node dist/bench/generate.js <files> [--seed <n>]\n');
    process.exitCode = 2;
    return;
  }
  const dir = generatedDir(files);
  const monolith = generateMonolith(files, seed);
  writeMonolith(dir, monolith);
  process.stdout.write(`${monolith.files.size} files (${files} TypeScript) in ${path.relative(process.cwd(), dir) || '.'}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
