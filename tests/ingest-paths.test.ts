/**
 * Issue 14, the paths of one `etl ingest` (real CLI, real PostgreSQL): a file named several times
 * (the same path, another path to it, a symbolic link to it, a folder holding it) is loaded and
 * counted once, with the other paths reported as skipped; a symbolic link loop, named on the
 * command line or met in a folder, fails as "a symbolic link loop" while the rest of the batch
 * loads (exit code 1, like any bad source among good ones).
 */
import { copyFile, mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runEtl, tempDir, writeConfig, type TempDir } from './helpers/etl-cli.ts';
import { TEST_DATABASE_URL } from './helpers/warehouses.ts';

const SCHEMA = `ingest_paths_${process.pid}`;
const env = { DATABASE_URL: TEST_DATABASE_URL };

interface Summary {
  exitCode: number;
  totals: { sources: number; observations: number; failed: number };
  duplicates: { path: string; sameAs: string }[];
  sources: { name: string; path: string; status: string; observations: number; error: string | null }[];
}

describe('etl ingest: duplicate paths and symbolic link loops', () => {
  let tmp: TempDir;
  let config: string;
  let client: pg.Client;
  /** tmp/reports/report.txt (the 2006 seed), and tmp/reports/other.txt (the policy document). */
  let report: string;
  let other: string;
  let reports: string;

  beforeAll(async () => {
    tmp = await tempDir('ingest-paths');
    reports = join(tmp.path, 'reports');
    await mkdir(reports);
    report = join(reports, 'report.txt');
    other = join(reports, 'other.txt');
    await copyFile(join(FIXTURES, '003_c23a70392e796f35.txt'), report);
    await copyFile(join(FIXTURES, '004_2425235a77e2d1cb.txt'), other);
    config = await writeConfig(tmp.path, { sources: [reports], schema: SCHEMA, dataDir: join(tmp.path, 'pglite') });
    client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
  });
  afterAll(async () => {
    await client?.query(`drop schema if exists "${SCHEMA}" cascade`);
    await client?.end();
    await tmp?.dispose();
  });

  /** Empties the warehouse (a rebuild of nothing is refused, so drop the schema). */
  async function empty(): Promise<void> {
    await client.query(`drop schema if exists "${SCHEMA}" cascade`);
  }

  /** Observations stored for the current loads, by source name. */
  async function stored(): Promise<Record<string, number>> {
    const { rows } = await client.query(`select source_name, count(*)::int as n from "${SCHEMA}".current_observations group by 1`);
    return Object.fromEntries(rows.map((r) => [r.source_name, r.n]));
  }

  it('loads and counts a file named four ways once, and says which paths were skipped', async () => {
    await empty();
    const link = join(tmp.path, 'link.txt');
    await symlink(report, link);
    const roundabout = join(reports, '..', 'reports', 'report.txt');
    const run = await runEtl(['-c', config, 'ingest', '--format', 'json', report, report, roundabout, link, reports], env);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as Summary;
    expect(summary.sources.map((s) => [s.path, s.status])).toEqual([
      [report, 'loaded'],
      [other, 'loaded'],
    ]);
    expect(summary.duplicates).toEqual([
      { path: report, sameAs: report },
      { path: roundabout, sameAs: report },
      { path: link, sameAs: report },
      { path: report, sameAs: report },
    ]);
    const observations = summary.sources[0].observations;
    expect(observations).toBeGreaterThan(500);
    expect(summary.totals).toMatchObject({ sources: 2, observations });
    expect(await stored()).toEqual({ 'report.txt': observations });

    // The text summary says it too, and the totals count the file once.
    const text = await runEtl(['-c', config, 'ingest', report, link], env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`  = ${link}: skipped, the same file as ${report}\n`);
    expect(text.stdout).toMatch(/^1 sources \(0 failed\), 1 duplicate path skipped, \d+ observations/m);
  });

  it('skips a symbolic link loop named on the command line or met in a folder, and loads the rest (exit 1)', async () => {
    await empty();
    const loops = join(tmp.path, 'loops');
    await mkdir(loops);
    await copyFile(report, join(loops, 'good.txt'));
    await symlink('circle.txt', join(loops, 'circle.txt'));
    const named = join(tmp.path, 'named.txt');
    await symlink(join(tmp.path, 'round.txt'), named);
    await symlink(named, join(tmp.path, 'round.txt'));

    const run = await runEtl(['-c', config, 'ingest', '--format', 'json', named, loops, other], env);
    expect(run.code, run.stderr).toBe(1);
    const summary = JSON.parse(run.stdout) as Summary;
    expect(summary.sources.map((s) => [s.name, s.status])).toEqual([
      ['named.txt', 'failed'],
      ['circle.txt', 'failed'],
      ['good.txt', 'loaded'],
      ['other.txt', 'loaded'],
    ]);
    for (const s of summary.sources.filter((s) => s.status === 'failed')) {
      expect(s.error).toBe(`${s.path}: a symbolic link loop (the link leads, directly or through other links, back to itself)`);
    }
    expect(summary.duplicates).toEqual([]);
    expect(await stored()).toEqual({ 'good.txt': summary.sources[2].observations });

    // What stays a usage error (exit 2, nothing done): a path with nothing at all there.
    const missing = await runEtl(['-c', config, 'ingest', join(tmp.path, 'nothing.txt'), other], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`etl: no such file or folder: ${join(tmp.path, 'nothing.txt')}\n`);
  });
});
