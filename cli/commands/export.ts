import { analyze, CarveError, decompositionExport, exporters, type ExportFormat } from '../../src/index.js';

export async function exportCommand(
  root: string,
  flags: { config?: string; format?: string },
  overrides: Record<string, unknown>,
): Promise<number> {
  const format = flags.format ?? 'json';
  if (!Object.hasOwn(exporters, format)) throw new CarveError(`--format: "${format}" is not one of ${Object.keys(exporters).join(', ')}`);
  const { result, config } = await analyze({ root, configPath: flags.config, overrides });
  const d = decompositionExport(result, config.options);
  process.stdout.write(exporters[format as ExportFormat](d, result.project));
  return 0;
}
