/** The command line: parse options, call the library, render. No analysis logic lives here. */
import { Command, CommanderError, Option } from 'commander';
import { CarveError, TOOL_VERSION, configSchema, flags, type ConfigKey } from '../src/index.js';
import { printErr, printErrText, printOut } from './print.js';
import { registerCiCommands } from './commands/ci-commands.js';

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** Flags derived from the one options table; only values given on the command line become overrides. */
export function addConfigFlags(cmd: Command): void {
  for (const [key, spec] of Object.entries(flags) as [ConfigKey, (typeof flags)[ConfigKey]][]) {
    if (!spec) continue;
    const description = spec.help ?? configSchema.shape[key].description ?? '';
    const option = new Option(spec.flag, description);
    if (spec.parse) {
      const parse = spec.parse;
      option.argParser((raw) => {
        try {
          return parse(raw);
        } catch (error) {
          throw new CarveError(`${spec.flag.split(' ')[0]}: ${(error as Error).message}`);
        }
      });
    }
    cmd.addOption(option);
  }
}

export function configOverrides(cmd: Command): Record<string, unknown> {
  const opts = cmd.opts();
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(flags) as ConfigKey[]) {
    if (flags[key] && cmd.getOptionValueSource(key) === 'cli') out[key] = opts[key];
  }
  return out;
}

export async function run(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const program = new Command('carve')
    .description('Find the service boundaries in a TypeScript monolith.')
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({ writeErr: printErrText, writeOut: printOut });

  let exitCode: number = EXIT.ok;
  const analyze = program
    .command('analyze')
    .description('Analyse a project and write carve-report/analysis.json and index.html')
    .argument('[path]', 'project folder', '.')
    .option('-c, --config <file>', `config file (default: ${'carve.config.json'} at the project root)`)
    .option('--json', 'print analysis.json to stdout instead of writing files')
    .option('--timings', 'print the time and share of each phase')
    .option('--open', 'open the HTML report when done')
    .option('--force', 'overwrite analysis.json and index.html in the output folder even if carve did not write them')
    .option('--debug', 'show stack traces');
  addConfigFlags(analyze);
  analyze.action(async (path: string, _opts: unknown, cmd: Command) => {
    // Each command's code loads when it runs: `carve --version` and `--help` load none of the engine.
    const { analyzeCommand } = await import('./commands/analyze.js');
    exitCode = await analyzeCommand(path, cmd.opts(), configOverrides(cmd));
  });

  program
    .command('report')
    .description('Re-render index.html from an analysis.json, without re-analysing')
    .argument('<analysis.json>', 'a result written by carve analyze')
    .option('--out <dir>', 'folder for index.html (default: next to analysis.json)')
    .option('--open', 'open the report in the browser')
    .option('--force', 'overwrite an index.html carve did not write')
    .action(async (file: string, opts: { out?: string; open?: boolean; force?: boolean }) => {
      const { reportCommand } = await import('./commands/report.js');
      exitCode = await reportCommand(file, opts);
    });

  program
    .command('init')
    .description('Write a commented starter carve.config.json')
    .argument('[path]', 'project folder', '.')
    .option('--force', 'overwrite an existing config')
    .option('--boundaries', "declare carve's proposal (or --from) as `boundaries` for carve check")
    .option('--from <decomposition.json>', 'with --boundaries: a decomposition exported by the report or by carve export')
    .action(async (path: string, opts: { force?: boolean; boundaries?: boolean; from?: string }) => {
      if (opts.boundaries || opts.from) {
        const { initBoundariesCommand } = await import('./commands/init-boundaries.js');
        exitCode = await initBoundariesCommand(path, opts);
        return;
      }
      const { initCommand } = await import('./commands/init.js');
      exitCode = initCommand(path, opts);
    });

  registerCiCommands(program, { addConfigFlags, configOverrides, setExit: (code) => (exitCode = code) });

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage; // commander has printed the message
    }
    if (error instanceof CarveError) {
      printErr(error.message);
      if (debug) printErrText(`${error.stack}\n`);
      return EXIT.usage;
    }
    printErr(`internal error: ${(error as Error).message}${debug ? '' : ' (run with --debug for the stack trace)'}`);
    if (debug) printErrText(`${(error as Error).stack}\n`);
    return EXIT.usage;
  }
}
