/**
 * Running the `etl` command line as the benchmark's child process: a configuration file per
 * case, `etl rebuild --format json` timed from spawn to exit with its peak RSS, and the
 * PostgreSQL server the server cases use.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { ROOT, runChild, type ChildRun } from './measure.ts';

/** The server of the server cases: BENCH_DATABASE_URL, else the test server. */
export const SERVER_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** What a benchmark configuration sets (the rest keeps the defaults of src/config.ts). */
export interface BenchConfig {
  sources: string[];
  dataDir: string;
  schema: string;
  concurrency: number;
}

/** Writes a pipeline configuration module to `dir` and returns its path. */
export function writeConfig(dir: string, name: string, config: BenchConfig): string {
  const path = join(dir, `${name}.config.mjs`);
  writeFileSync(path, `export default ${JSON.stringify(config, null, 2)};\n`);
  return path;
}

/** One `etl rebuild`: wall time, peak RSS, and what it loaded. */
export interface RebuildRun extends ChildRun {
  sources: number;
  failed: number;
  observations: number;
}

/** Runs `etl -c <config> rebuild --format json`, against the server when `server` is set. */
export async function runRebuild(configPath: string, server: boolean): Promise<RebuildRun> {
  const run = await runChild(process.execPath, [join(ROOT, 'bin', 'etl.js'), '-c', configPath, 'rebuild', '--format', 'json'], {
    DATABASE_URL: server ? SERVER_URL : '',
  });
  const summary = JSON.parse(run.stdout) as { sources: { status: string; observations: number }[] };
  return {
    ...run,
    sources: summary.sources.length,
    failed: summary.sources.filter((s) => s.status === 'failed').length,
    observations: summary.sources.reduce((n, s) => n + s.observations, 0),
  };
}

/** Whether the server answers (the server cases are skipped when it does not). */
export async function serverAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Drops schema `schema` of the server, with everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}
