/** The CI commands (check, trend, export), registered on the program in one place. */
import type { Command } from 'commander';
import type { CheckFlags } from './check.js';

export interface CiCommandHooks {
  addConfigFlags(cmd: Command): void;
  configOverrides(cmd: Command): Record<string, unknown>;
  setExit(code: number): void;
}

export function registerCiCommands(program: Command, hooks: CiCommandHooks): void {
  const checkCmd = program
    .command('check')
    .description('Check the declared boundaries and the guarded figures against the baseline (exit 0 pass, 1 fail, 2 input error)')
    .argument('[path]', 'project folder', '.')
    .option('-c, --config <file>', 'config file (default: carve.config.json at the project root)')
    .option('--format <name>', 'text, json, markdown, sarif or github', 'text')
    .option('--affected <git-rev>', 'list only violations in files changed since this revision')
    .option('--update-baseline', 'rewrite carve-baseline.json from this run (it may only shrink)')
    .option('--allow-new', 'with --update-baseline: accept new violations and worse figures')
    .option('--record', 'append the figures and violation counts to carve-history.jsonl')
    .option(
      '--save <format=file>',
      'also write a format to a file (repeatable): --save sarif=carve.sarif',
      (v: string, all: string[] = []) => [...all, v],
    )
    .option('--quiet', 'no progress lines on stderr')
    .option('--debug', 'show stack traces');
  hooks.addConfigFlags(checkCmd);
  checkCmd.action(async (path: string, _opts: unknown, cmd: Command) => {
    // Each command's code loads when it runs, as in program.ts.
    const { checkCommand } = await import('./check.js');
    hooks.setExit(await checkCommand(path, cmd.opts<CheckFlags>(), hooks.configOverrides(cmd)));
  });

  const exportCmd = program
    .command('export')
    .description('Print the decomposition (declared boundaries, else the proposal) as Context Mapper CML, Mermaid, Graphviz DOT or JSON')
    .argument('[path]', 'project folder', '.')
    .option('-c, --config <file>', 'config file (default: carve.config.json at the project root)')
    .option('--format <name>', 'cml, mermaid, dot or json', 'json');
  hooks.addConfigFlags(exportCmd);
  exportCmd.action(async (path: string, _opts: unknown, cmd: Command) => {
    const { exportCommand } = await import('./export.js');
    hooks.setExit(await exportCommand(path, cmd.opts(), hooks.configOverrides(cmd)));
  });

  program
    .command('trend')
    .description('Print the recorded figures over time (carve-history.jsonl), one sparkline per figure')
    .argument('[path]', 'project folder', '.')
    .option('--history <file>', 'history file (default: carve-history.jsonl at the project root)')
    .action(async (path: string, opts: { history?: string }) => {
      const { trendCommand } = await import('./trend.js');
      hooks.setExit(trendCommand(path, opts));
    });
}
