/**
 * Issue 14: the PostgreSQL server stopped (`pg_ctl stop -m fast`) while a source is being COPYed
 * ends the run with exit code 3, "the database failed while loading <file>", and the summary of
 * what was loaded before; those sources are intact, nothing of the source being loaded is kept,
 * and the same command run again completes the batch.
 *
 * The server is one of the test's own (own-postgres.ts), so it can be stopped. The `etl` child
 * reaches it through a relay (holding-proxy.ts) that, once the child has sent the COPY of the
 * third source's observations, holds the child's later bytes: the server is stopped while that
 * COPY is in progress every time, with no timing involved.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runEtl, startEtl, stopAll, tempDir, writeConfig, type TempDir } from './helpers/etl-cli.ts';
import { startHoldingProxy, type HoldingProxy } from './helpers/holding-proxy.ts';
import { startOwnPostgres, type OwnPostgres } from './helpers/own-postgres.ts';

/** The batch, in load order (concurrency 1): two load, the server stops during the third, the fourth never starts. */
const BATCH = [
  ['a.txt', '003_c23a70392e796f35.txt'],
  ['b.txt', '004_2425235a77e2d1cb.txt'],
  ['c.txt', '000_94f9f59014649328.txt'],
  ['d.txt', '001_4bcf1cefdaeec81d.txt'],
] as const;

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('the PostgreSQL server stopped in the middle of a COPY', () => {
  let tmp: TempDir;
  let server: OwnPostgres;
  let proxy: HoldingProxy | undefined;
  let config: string;
  let files: string[];

  beforeAll(async () => {
    tmp = await tempDir('failure-server-stop');
    server = await startOwnPostgres();
    files = [];
    for (const [name, fixture] of BATCH) {
      files.push(join(tmp.path, name));
      await copyFile(join(FIXTURES, fixture), join(tmp.path, name));
    }
    config = await writeConfig(tmp.path, { sources: [tmp.path], dataDir: join(tmp.path, 'unused'), concurrency: 1 });
  });

  afterAll(async () => {
    stopAll();
    await proxy?.close();
    await server?.dispose();
    await tmp?.dispose();
  });

  /** Rows of `sql` on the test's server. */
  async function query<R>(sql: string): Promise<R[]> {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      return (await client.query(sql)).rows as R[];
    } finally {
      await client.end();
    }
  }

  it('exits 3 naming the source, prints the summary, and keeps the sources loaded before', async () => {
    // Hold the child's bytes from the COPY of c.txt's observations on (its SHA-256 is first sent
    // when the loader looks it up; loads run one at a time, so the next COPY is c.txt's).
    const c = sha256(files[2]);
    let cStarted = false;
    proxy = await startHoldingProxy({ host: '127.0.0.1', port: server.port }, (text) => {
      cStarted ||= text.includes(c);
      return cStarted && text.includes('copy "observations"');
    });
    const url = new URL(server.url);
    url.port = String(proxy.port);
    const { run } = startEtl(['-c', config, 'ingest', '--format', 'json', ...files], { DATABASE_URL: url.href });
    await Promise.race([proxy.holding, run.then((r) => Promise.reject(new Error(`etl ended before the COPY of c.txt: ${JSON.stringify(r)}`)))]);
    await server.stop('fast');
    const result = await run;
    await proxy.close();

    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
    expect(result.stderr).toMatch(/^etl: the database failed while loading c\.txt: /m);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ command: 'ingest', exitCode: 3, error: expect.stringMatching(/^the database failed while loading c\.txt: /) });
    expect(summary.sources.map((s: { name: string; status: string }) => [s.name, s.status])).toEqual([
      ['a.txt', 'loaded'],
      ['b.txt', 'loaded'],
    ]);
    expect(summary.totals).toMatchObject({ sources: 2, loaded: 2, failed: 0 });

    // After a restart: a.txt and b.txt whole, nothing of c.txt (its load never completed), no d.txt.
    await server.start();
    const stored = await query<{ name: string; observations: number; status: string }>(
      `select s.name, (select count(*)::int from observations o where o.source_id = s.source_id) as observations, l.status
       from sources s left join loads l on l.load_id = s.current_load_id order by s.name`,
    );
    const observations = Object.fromEntries(summary.sources.map((s: { name: string; observations: number }) => [s.name, s.observations]));
    expect(observations['a.txt']).toBeGreaterThan(500);
    expect(stored).toEqual([
      { name: 'a.txt', observations: observations['a.txt'], status: 'completed' },
      { name: 'b.txt', observations: observations['b.txt'], status: 'completed' },
      { name: 'c.txt', observations: 0, status: null },
    ]);
    const loads = await query<{ name: string; status: string }>('select s.name, l.status from loads l join sources s using (source_id) order by l.load_id');
    expect(loads).toEqual([
      { name: 'a.txt', status: 'completed' },
      { name: 'b.txt', status: 'completed' },
      { name: 'c.txt', status: 'running' },
    ]);

    // The same command again completes the batch and reports c.txt's interrupted load.
    const again = await runEtl(['-c', config, 'ingest', '--format', 'json', ...files], { DATABASE_URL: server.url });
    expect(again.code, again.stderr).toBe(0);
    const next = JSON.parse(again.stdout);
    expect(next.sources.map((s: { name: string; status: string }) => [s.name, s.status])).toEqual([
      ['a.txt', 'unchanged'],
      ['b.txt', 'unchanged'],
      ['c.txt', 'loaded'],
      ['d.txt', 'loaded'],
    ]);
    expect(next.interruptedLoads.map((l: { name: string }) => l.name)).toEqual(['c.txt']);
  });
});
