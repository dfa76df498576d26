import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, boundariesFor, CONFIG_FILE, CarveError, readConfigFile, readDecomposition } from '../../src/index.js';

/**
 * `carve init --boundaries`: declare today's decomposition (carve's proposal,
 * or `--from` a decomposition exported by the report) as `boundaries`, so
 * `carve check` holds the line from here on. An existing config keeps its
 * other keys; comments in it are not kept, so this needs --force.
 */
export async function initBoundariesCommand(root: string, opts: { force?: boolean; from?: string }): Promise<number> {
  const file = path.resolve(root, CONFIG_FILE);
  if (!existsSync(path.resolve(root))) throw new CarveError(`path not found: ${root}`);
  const existing = existsSync(file);
  if (existing && !opts.force)
    throw new CarveError(
      `${path.relative(process.cwd(), file)} exists — pass --force to add \`boundaries\` to it (its comments are not kept)`,
    );
  const assignment = opts.from ? readDecomposition(path.resolve(opts.from)) : undefined;
  const { result, config } = await analyze({ root, overrides: { cache: true } });
  const declared = boundariesFor(result, assignment);
  const kept = existing
    ? (readConfigFile(file) as Record<string, unknown>)
    : { $schema: './node_modules/carve/schema/carve.config.schema.json' };
  const shared = [...new Set([...(config.options.shared ?? []), ...(declared.shared ?? [])])];
  writeFileSync(file, `${JSON.stringify({ ...kept, shared, boundaries: declared.boundaries }, null, 2)}\n`);
  const n = Object.keys(declared.boundaries ?? {}).length;
  process.stdout.write(
    `Wrote ${n} boundaries to ${path.relative(process.cwd(), file)} (from ${opts.from ? opts.from : "carve's proposal"}); next: carve check --update-baseline\n`,
  );
  return 0;
}
