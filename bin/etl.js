#!/usr/bin/env node
// Entry point of the `etl` command: registers the TypeScript loader (tsx) and runs the CLI.
// The CLI maps every error to its exit code (src/cli/errors.ts); one that happens while the code
// itself is being loaded (a syntax error, a missing module) is an internal error too: exit code 5.
import { register } from 'tsx/esm/api';

register();
try {
  await import('../src/cli/main.ts');
} catch (error) {
  console.error(`etl: internal error (a bug; please report it with this output): ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof Error && error.stack) console.error(error.stack);
  process.exitCode = 5;
}
