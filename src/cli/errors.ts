/**
 * Exit codes of the `etl` command (README "When things go wrong") and how an error that ends a
 * command maps to one.
 */
import { CommanderError } from 'commander';
import { ConfigError } from '../config.ts';
import { DatabaseUnreachableError } from '../load/errors.ts';
import { DatabaseFailedError } from '../pipeline.ts';
import { WarehouseInUseError } from './lock.ts';
import { oneLine } from './printable.ts';

/**
 * Exit codes: 0 everything loaded; 1 some sources failed (the others were loaded); 2 usage or
 * configuration error (nothing was done); 3 the database cannot be reached, is in use by another
 * process (embedded) or failed during the run; 4 `check --fail-on` found failures; 5 an
 * unexpected internal error (a bug).
 */
export const EXIT = { ok: 0, sourcesFailed: 1, usage: 2, database: 3, checksFailed: 4, internal: 5 } as const;

/** A command line that cannot be carried out as given (a path that does not exist, no sources): exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The exit code for an error that ends a command. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (error instanceof ConfigError || error instanceof UsageError) return EXIT.usage;
  if (error instanceof DatabaseUnreachableError || error instanceof DatabaseFailedError || error instanceof WarehouseInUseError) return EXIT.database;
  return EXIT.internal;
}

/**
 * The one line printed for an error that ends a command, its control characters escaped (a path
 * with a newline stays on the line); an internal error adds its stack.
 */
export function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (exitCodeFor(error) !== EXIT.internal) return `etl: ${oneLine(message)}`;
  const stack = error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return `etl: internal error (a bug; please report it with this output): ${message}${stack}`;
}
