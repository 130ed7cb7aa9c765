/**
 * Run by npm after `npm ci` / `npm install` (the `prepare` script): does ahead of time the two
 * one-off jobs the first `etl` command would otherwise do, so a first `npm start` runs as fast as
 * every later one: the CLI bundle (bin/bundle.js, 0.2 s) and the template of new embedded
 * databases (src/load/template.ts, PGlite's initdb in memory, ~3 s). Best effort: a failure is
 * reported and the install goes on (the CLI then does the job itself when first needed).
 */
import { bundledMain } from '../bin/bundle.js';
import { templateTar } from '../src/load/template.ts';

try {
  await bundledMain();
  console.log(`prepare: embedded database template at ${await templateTar()}`);
} catch (error) {
  console.warn(`prepare: skipped (${error instanceof Error ? error.message : String(error)}); the first etl command will do it`);
}
