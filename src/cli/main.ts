/**
 * The `etl` command line: ingest, rebuild, check, export, query. Each command has --help. Exit codes
 * (README "When things go wrong"): 0 everything loaded; 1 some sources failed (the others were
 * loaded); 2 usage or configuration error; 3 database unreachable; 4 `check --fail-on error`
 * found failures beyond rounding.
 */
import { Command, CommanderError, Option } from 'commander';
import { ConfigError } from '../config.ts';
import { checkCommand } from './check.ts';
import { exportCommand } from './export.ts';
import { EXIT, ingestCommand, rebuildCommand } from './ingest.ts';
import { queryCommand } from './query.ts';

const program = new Command()
  .name('etl')
  .description('Technology-market annual reports → canonical observations in PostgreSQL, with reconciliation checks.')
  .option('-c, --config <file>', 'pipeline configuration', 'pipeline.config.ts')
  .addHelpText('after', '\nDatabase: embedded PGlite under the configured dataDir, or the server in DATABASE_URL when set.')
  .exitOverride()
  .showHelpAfterError();

const format = (choices: string[], dflt: string) => new Option('--format <format>', 'output format').choices(choices).default(dflt);

program
  .command('ingest')
  .description('extract, transform, check and load the given source files or folders')
  .argument('<paths...>', 'source files (.txt, .pdf) or folders of them')
  .addOption(format(['text', 'json'], 'text'))
  .action((paths: string[], opts: { format: 'text' | 'json' }) => ingestCommand(paths, program.opts().config, opts.format));

program
  .command('rebuild')
  .description('empty the warehouse and ingest every source listed by the configuration')
  .addOption(format(['text', 'json'], 'text'))
  .action((opts: { format: 'text' | 'json' }) => rebuildCommand(program.opts().config, opts.format));

program
  .command('check')
  .description('print the checks that fail beyond rounding, and what could not be placed, with file:line')
  .addOption(format(['text', 'json'], 'text'))
  .addOption(new Option('--fail-on <level>', 'exit with code 4 when a finding of this level exists').choices(['error', 'warning', 'never']).default('never'))
  .action((opts: { format: 'text' | 'json'; failOn: 'error' | 'warning' | 'never' }) => checkCommand(program.opts().config, opts.format, opts.failOn));

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
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : EXIT.usage);
  if (error instanceof ConfigError) {
    console.error(`etl: ${error.message}`);
    process.exit(EXIT.usage);
  }
  if (error instanceof Error && error.name === 'DatabaseUnreachableError') {
    console.error(`etl: ${error.message}`);
    process.exit(EXIT.database);
  }
  throw error;
}
