#!/usr/bin/env node
// Entry point of the `etl` command: runs the CLI from its bundle (bin/bundle.js builds it from
// src/ when src/ changed). The CLI maps every error to its exit code (src/cli/errors.ts); one that
// happens while the code itself is being built or loaded (a syntax error, a missing module) is an
// internal error too: exit code 5.
import { bundledMain } from './bundle.js';

try {
  await import(await bundledMain());
} catch (error) {
  console.error(`etl: internal error (a bug; please report it with this output): ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof Error && error.stack) console.error(error.stack);
  process.exitCode = 5;
}
