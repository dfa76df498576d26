/**
 * `npm run eval:access [-- --recipe eval/real-access.recipe.json] [--only name] [--from dir]`
 *
 * carve's data access on real public back ends, against truths kept in a
 * recipe (repo, commit, paths; never their code). Per repo it prints:
 *   tables   declared tables found (recall), the truth derived from the
 *            repo's own schema text by the recipe's regex (`tables.files`,
 *            `tables.pattern`) or listed by hand (`tables.names`);
 *   access   on hand-checked samples (file → tables read and written, every
 *            pair of the file, verified by reading it), recall and precision
 *            of carve's (file, table, mode) pairs, direct or propagated;
 *   coverage carve's own coverage figure (files that use a client it read).
 *
 * The repos are fetched by hand to `dir` (default /work/real/<name>) at the
 * recipe's commit; nothing in them is run. `--from dir` reads saved
 * `<dir>/<name>.json` results instead of analysing.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../src/analyze.js';
import type { AnalysisResult } from '../src/model/result.js';
import { matchesAny } from '../src/util/glob.js';

interface Sample {
  file: string;
  reads?: string[];
  writes?: string[];
  /** Why the truth is what it is, briefly (what the code calls). */
  why?: string;
}

interface RepoRecipe {
  name: string;
  repo: string;
  commit: string;
  dir?: string;
  include?: string[];
  patterns?: string[];
  tables?: { files?: string; pattern?: string; names?: string[]; ignore?: string[] };
  /** Table ids (`store:name`) the repo's databases hold, one store per database: checks stores are kept apart. */
  storeTables?: string[];
  samples?: Sample[];
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function walk(root: string, dir = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...walk(root, rel));
    else out.push(rel);
  }
  return out;
}

/** Table names the repo's own schema text declares, by the recipe's regex (first group), lower-cased. */
function truthTables(root: string, spec: NonNullable<RepoRecipe['tables']>): Set<string> {
  const names = new Set((spec.names ?? []).map((n) => n.toLowerCase()));
  if (spec.files && spec.pattern) {
    const re = new RegExp(spec.pattern, 'gi');
    for (const file of walk(root).filter((f) => matchesAny(f, [spec.files ?? '']))) {
      for (const m of readFileSync(path.join(root, file), 'utf8').matchAll(re)) if (m[1]) names.add(m[1].toLowerCase());
    }
  }
  for (const n of spec.ignore ?? []) names.delete(n.toLowerCase());
  return names;
}

const bare = (name: string): string => name.toLowerCase().replace(/^.*\./, '');
const ratio = (a: number, b: number): string => (b === 0 ? '—' : (a / b).toFixed(3));

function accessPairs(result: AnalysisResult, file: string): Set<string> {
  const nameOf = new Map(result.tables.map((t) => [t.id, t.name]));
  const pairs = new Set<string>();
  for (const a of result.accesses) if (a.unit === file) pairs.add(`${bare(nameOf.get(a.table) ?? a.table)} ${a.mode}`);
  return pairs;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const recipePath = flag(args, '--recipe') ?? 'eval/real-access.recipe.json';
  const only = flag(args, '--only');
  const from = flag(args, '--from');
  const save = flag(args, '--save');
  const recipe = JSON.parse(readFileSync(recipePath, 'utf8')) as { repos: RepoRecipe[] };
  for (const r of recipe.repos) {
    if (only && r.name !== only) continue;
    const dir = r.dir ?? `/work/real/${r.name}`;
    if (!existsSync(dir)) {
      console.log(`${r.name}: not fetched (${r.repo}@${r.commit.slice(0, 10)} → ${dir})`);
      continue;
    }
    let result: AnalysisResult;
    if (from) result = JSON.parse(readFileSync(path.join(from, `${r.name}.json`), 'utf8')) as AnalysisResult;
    else {
      const out = await analyze({ root: dir, overrides: { cache: false, ...(r.include ? { include: r.include } : {}) } });
      result = out.result;
      if (save) writeFileSync(path.join(save, `${r.name}.json`), JSON.stringify(result));
    }
    const found = new Set(result.tables.map((t) => bare(t.name)));
    const lines = [`${r.name} (${r.repo}@${r.commit.slice(0, 10)}; ${r.patterns?.join(', ') ?? ''})`];
    if (r.tables) {
      const truth = truthTables(dir, r.tables);
      const hit = [...truth].filter((t) => found.has(t));
      const missed = [...truth].filter((t) => !found.has(t)).sort();
      lines.push(
        `  tables: recall ${ratio(hit.length, truth.size)} (${hit.length} of ${truth.size}; carve ${result.tables.length})${missed.length ? ` missed ${missed.slice(0, 8).join(', ')}${missed.length > 8 ? ', …' : ''}` : ''}`,
      );
    }
    if (r.storeTables) {
      const ids = new Set(result.tables.map((t) => t.id));
      const missed = r.storeTables.filter((id) => !ids.has(id));
      lines.push(
        `  stores: ${r.storeTables.length - missed.length} of ${r.storeTables.length} store:table ids${missed.length ? ` missed ${missed.join(', ')}` : ''}`,
      );
    }
    if (r.samples?.length) {
      let truthPairs = 0;
      let hits = 0;
      let carvePairs = 0;
      let right = 0;
      const misses: string[] = [];
      const extras: string[] = [];
      for (const s of r.samples) {
        const truth = new Set([...(s.reads ?? []).map((t) => `${bare(t)} read`), ...(s.writes ?? []).map((t) => `${bare(t)} write`)]);
        const got = accessPairs(result, s.file);
        truthPairs += truth.size;
        carvePairs += got.size;
        for (const p of truth)
          if (got.has(p)) hits++;
          else misses.push(`${s.file} ${p}`);
        for (const p of got)
          if (truth.has(p)) right++;
          else extras.push(`${s.file} ${p}`);
      }
      lines.push(
        `  access: recall ${ratio(hits, truthPairs)} (${hits} of ${truthPairs}), precision ${ratio(right, carvePairs)} (${right} of ${carvePairs}) on ${r.samples.length} files`,
      );
      for (const m of misses.slice(0, 5)) lines.push(`    missed ${m}`);
      for (const x of extras.slice(0, 5)) lines.push(`    extra  ${x}`);
    }
    const c = result.accessCoverage;
    const direct = result.accesses.filter((a) => !a.propagated).length;
    lines.push(
      `  carve: ${direct} direct edges, ${result.unresolvedAccesses.length} unresolved${c ? `; coverage ${c.read} of ${c.files} client files (${Math.round(c.share * 100)}%)${c.low ? ' LOW' : ''}` : ''}`,
    );
    console.log(lines.join('\n'));
  }
}

await main();
