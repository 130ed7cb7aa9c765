#!/usr/bin/env node
// Entry point of the `etl` command: registers the TypeScript loader (tsx) and runs the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
