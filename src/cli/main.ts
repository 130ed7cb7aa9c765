/**
 * The `etl` command line: ingest, rebuild, check, tables, export, query. Each command has --help. Exit codes
 * (README "When things go wrong", src/cli/errors.ts): 0 everything loaded; 1 some sources failed
 * (the others were loaded); 2 usage or configuration error; 3 database unreachable, in use or
 * failed; 4 `check --fail-on error` found failures beyond rounding; 5 internal error.
 */
import { Command, CommanderError, Option } from 'commander';
import { checkCommand } from './check.ts';
import { errorLine, exitCodeFor } from './errors.ts';
import { exportCommand } from './export.ts';
import { ingestCommand, rebuildCommand } from './ingest.ts';
import { queryCommand } from './query.ts';
import { tablesCommand } from './tables.ts';

/** An error nothing caught (a stray rejection, an 'error' event without listener): say so and end with its exit code. */
function fatal(error: unknown): never {
  console.error(errorLine(error));
  process.exit(exitCodeFor(error));
}
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

const program = new Command()
  .name('etl')
  .description('Technology-market annual reports → canonical observations in PostgreSQL, with reconciliation checks.')
  .option('-c, --config <file>', 'pipeline configuration', 'pipeline.config.ts')
  .addHelpText(
    'after',
    '\nDatabase: embedded PGlite under the configured dataDir, or the server in DATABASE_URL when set.' +
      '\nExit codes: 0 all loaded; 1 some sources failed (the others loaded); 2 usage or configuration error;' +
      '\n3 database unreachable, in use or failed; 4 check --fail-on found failures; 5 internal error (a bug).',
  )
  .exitOverride()
  .showHelpAfterError();

const format = (choices: string[], dflt: string) => new Option('--format <format>', 'output format').choices(choices).default(dflt);
const verbose = () => new Option('-v, --verbose', 'log each stage of each source on standard error').default(false);
const force = () =>
  new Option('--force', 'load a source that is no report or document of this warehouse (no title, headings or tables found) instead of failing it').default(false);

program
  .command('ingest')
  .description('extract, transform, check and load the given source files or folders')
  .argument('<paths...>', 'source files (.txt, .pdf) or folders of them')
  .addOption(format(['text', 'json'], 'text'))
  .addOption(verbose())
  .addOption(force())
  .action((paths: string[], opts: { format: 'text' | 'json'; verbose: boolean; force: boolean }) => ingestCommand(paths, program.opts().config, opts));

program
  .command('rebuild')
  .description('empty the warehouse and ingest every source listed by the configuration')
  .addOption(format(['text', 'json'], 'text'))
  .addOption(verbose())
  .addOption(force())
  .action((opts: { format: 'text' | 'json'; verbose: boolean; force: boolean }) => rebuildCommand(program.opts().config, opts));

program
  .command('check')
  .description('print the checks that fail beyond rounding, and what could not be placed, with file:line')
  .addOption(format(['text', 'json'], 'text'))
  .addOption(new Option('--fail-on <level>', 'exit with code 4 when a finding of this level exists').choices(['error', 'warning', 'never']).default('never'))
  .action((opts: { format: 'text' | 'json'; failOn: 'error' | 'warning' | 'never' }) => checkCommand(program.opts().config, opts.format, opts.failOn));

program
  .command('tables')
  .description('list the tables loaded and how each was read: its caption (or provisional reference) and the evidence for it')
  .addOption(format(['text', 'json'], 'text'))
  .option('--provisional', 'only the tables without a credible caption (provisional references "?L…")', false)
  .option('--source <file>', 'only the tables of this source file (its name, e.g. 2022年报告.pdf)')
  .action((opts: { format: 'text' | 'json'; provisional: boolean; source?: string }) => tablesCommand(program.opts().config, opts));

program
  .command('export')
  .description('write every observation (the export contract of DESIGN.md)')
  .addOption(format(['csv', 'jsonl'], 'csv'))
  .option('-o, --output <file>', 'write to this file instead of standard output')
  .action((opts: { format: 'csv' | 'jsonl'; output?: string }) => exportCommand(program.opts().config, opts.format, opts.output));

program
  .command('query')
  .description('run one read-only SQL statement against the warehouse and print the rows')
  .argument('<sql>', 'the statement, e.g. "select * from turnover_by_region limit 5"')
  .addOption(format(['table', 'csv', 'json'], 'table'))
  .action((statement: string, opts: { format: 'table' | 'csv' | 'json' }) => queryCommand(program.opts().config, statement, opts.format));

try {
  await program.parseAsync();
} catch (error) {
  // Commander has printed its own message; every other error gets one line (a bug its stack).
  if (!(error instanceof CommanderError)) console.error(errorLine(error));
  // exitCode, not exit(): standard output (a JSON summary) is flushed before the process ends.
  process.exitCode = exitCodeFor(error);
}
