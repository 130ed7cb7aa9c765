/**
 * Issue 5, atomic per source: a real `etl ingest` child process is killed with SIGKILL in the
 * middle of loading a large source (the 2018 seed printed twice over, ~6 000 observations, every
 * decimal changed between versions). Afterwards the warehouse holds exactly the previous version
 * of that source — its observations, tables, findings and check results byte for byte — or nothing
 * when it was new; the loads table shows the load did not complete ('running'), and the next run
 * marks it failed as interrupted and says so. On the PostgreSQL server the kill comes at the
 * worst moment, deterministically: every record written, the commit not yet made (see
 * killAtCommit); on embedded PGlite half-way through the time the previous version took to load,
 * after which the stale lock file of the killed process is taken over.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CompiledQuery } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../src/cli/lock.ts';
import { openWarehouse, type Warehouse } from '../src/load/db.ts';
import { INTERRUPTED_LOAD_ERROR } from '../src/load/loader.ts';
import { FIXTURES, runEtl, startEtl, stopAll, syntheticReport, tempDir, waitFor, writeConfig, type TempDir } from './helpers/etl-cli.ts';
import { TEST_DATABASE_URL } from './helpers/warehouses.ts';

/** Copies of the seed in the synthetic report. */
const COPIES = 2;
/** A schema of this run's own (the test server may be shared by concurrent runs). */
const SCHEMA = `failure_kill_${process.pid}`;
const RECORD_TABLES = ['observations', 'report_tables', 'findings', 'check_results'] as const;

/** Every record of every version of source `name`: per table, the row count and a hash of the rows. */
type Snapshot = Record<(typeof RECORD_TABLES)[number], { n: number; hash: string }> & { current: string | null };

/** The query API both a pg Client and PGlite offer. */
interface Queryable {
  query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/** What the warehouse holds for source `name` (all versions; `current` is the current one's SHA-256). */
async function snapshot(db: Queryable, name: string): Promise<Snapshot> {
  const current = await db.query<{ source_id: string }>('select source_id from sources where name = $1 and current_load_id is not null', [name]);
  const out = { current: current.rows[0]?.source_id ?? null } as Snapshot;
  for (const table of RECORD_TABLES) {
    const { rows } = await db.query<{ n: number; hash: string }>(
      `select count(*)::int as n, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as hash
       from ${table} t where source_id in (select source_id from sources where name = $1)`,
      [name],
    );
    out[table] = rows[0];
  }
  return out;
}

/** The loads of source `name`, oldest first. */
async function loadsOf(db: Queryable, name: string): Promise<{ load_id: number; source_id: string; status: string; error: string | null }[]> {
  return (
    await db.query<{ load_id: number; source_id: string; status: string; error: string | null }>(
      'select l.load_id, l.source_id, l.status, l.error from loads l join sources s using (source_id) where s.name = $1 order by l.load_id',
      [name],
    )
  ).rows;
}

const sha256 = (text: string) => createHash('sha256').update(Buffer.from(text)).digest('hex');

describe('SIGKILL in the middle of a load, on the PostgreSQL server', () => {
  let tmp: TempDir;
  let config: string;
  let client: pg.Client;
  /** A second session, holding the row lock that stops the child just before its commit. */
  let blocker: pg.Client;

  /** DATABASE_URL with an application_name, so the child's session can be watched. */
  const urlFor = (app: string) => {
    const url = new URL(TEST_DATABASE_URL);
    url.searchParams.set('application_name', app);
    return url.href;
  };

  beforeAll(async () => {
    tmp = await tempDir('failure-kill-pg');
    client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    blocker = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await blocker.connect();
    await blocker.query(`set search_path to ${SCHEMA}`);
    await client.query(`drop schema if exists ${SCHEMA} cascade`);
    await client.query(`set search_path to ${SCHEMA}`);
    config = await writeConfig(tmp.path, { sources: [tmp.path], dataDir: join(tmp.path, 'unused'), schema: SCHEMA });
  });

  afterAll(async () => {
    stopAll();
    await client.query(`drop schema if exists ${SCHEMA} cascade`);
    await client.end();
    await blocker.end();
    await tmp.dispose();
  });

  /**
   * Starts `etl ingest <file>` as session `app` and SIGKILLs it at the last moment of its load:
   * every record written, nothing committed. As soon as the load's 'running' row appears, a
   * second session takes a row lock on it (FOR NO KEY UPDATE: the child's foreign-key checks
   * still pass), so the child's closing "update loads … completed" waits; once pg_stat_activity
   * shows it waiting there, the child is killed, the lock released, and the server left to end
   * the orphaned session (rolling back its transaction).
   */
  async function killAtCommit(file: string, app: string): Promise<void> {
    const sourceId = sha256(readFileSync(file, 'utf8'));
    const { child, run } = startEtl(['-c', config, 'ingest', file], { DATABASE_URL: urlFor(app) });
    let exited = false;
    void run.then(() => (exited = true));
    const ended = async () => {
      if (exited) throw new Error(`etl ended before it could be stopped at its commit: ${JSON.stringify(await run)}`);
    };
    const loadId = await waitFor(async () => {
      await ended();
      const { rows } = await client.query(`select load_id from loads where source_id = $1 and status = 'running'`, [sourceId]);
      return rows[0]?.load_id as number | undefined;
    }, 'the load to start', 60_000, 2);
    await blocker.query('begin');
    await blocker.query('select 1 from loads where load_id = $1 for no key update', [loadId]);
    await waitFor(async () => {
      await ended();
      const { rows } = await client.query(
        `select 1 from pg_stat_activity where application_name = $1 and wait_event_type = 'Lock' and query ~* '^\\s*update "loads"'`,
        [app],
      );
      return rows.length ? true : undefined;
    }, 'the load to wait at its commit', 60_000, 5);
    child.kill('SIGKILL');
    expect((await run).signal).toBe('SIGKILL');
    await blocker.query('rollback');
    await waitFor(async () => {
      const { rows } = await client.query('select 1 from pg_stat_activity where application_name = $1', [app]);
      return rows.length ? undefined : true;
    }, 'the killed session to end');
  }

  it('keeps exactly the previous version of a replaced source; the next run marks the load interrupted', async () => {
    const file = join(tmp.path, 'big.txt');
    const v1 = syntheticReport(COPIES, 0);
    const v2 = syntheticReport(COPIES, 1);
    await writeFile(file, v1);
    const first = await runEtl(['-c', config, 'ingest', file], { DATABASE_URL: urlFor(`etl_kill_v1_${process.pid}`) });
    expect(first.code, first.stderr).toBe(0);
    const before = await snapshot(client, 'big.txt');
    expect(before.current).toBe(sha256(v1));
    expect(before.observations.n).toBeGreaterThan(5_000);

    await writeFile(file, v2);
    await killAtCommit(file, `etl_kill_v2_${process.pid}`);

    expect(await snapshot(client, 'big.txt')).toEqual(before);
    const loads = await loadsOf(client, 'big.txt');
    expect(loads.map((l) => [l.source_id, l.status])).toEqual([[sha256(v1), 'completed'], [sha256(v2), 'running']]);

    // The next run, of another source, finds the interrupted load and says so.
    await copyFile(join(FIXTURES, '004_2425235a77e2d1cb.txt'), join(tmp.path, 'other.txt'));
    const next = await runEtl(['-c', config, 'ingest', '--format', 'json', join(tmp.path, 'other.txt')], { DATABASE_URL: TEST_DATABASE_URL });
    expect(next.code).toBe(0);
    expect(JSON.parse(next.stdout).interruptedLoads).toEqual([
      { loadId: loads[1].load_id, name: 'big.txt', sourceId: sha256(v2), startedAt: expect.any(String) },
    ]);
    expect((await loadsOf(client, 'big.txt'))[1]).toMatchObject({ status: 'failed', error: INTERRUPTED_LOAD_ERROR });
    expect(await snapshot(client, 'big.txt')).toEqual(before);

    // Loading the new version again completes and replaces the old one.
    const again = await runEtl(['-c', config, 'ingest', file], { DATABASE_URL: TEST_DATABASE_URL });
    expect(again.stdout).toMatch(/big\.txt \(edition 2018\): replaced;/);
    const after = await snapshot(client, 'big.txt');
    expect(after.current).toBe(sha256(v2));
    expect(after.observations.n).toBe(before.observations.n);
    expect(after.observations.hash).not.toBe(before.observations.hash);
  });

  it('leaves nothing of a new source killed during its first load', async () => {
    const file = join(tmp.path, 'fresh.txt');
    const text = syntheticReport(COPIES, 2);
    await writeFile(file, text);
    await killAtCommit(file, `etl_kill_new_${process.pid}`);
    const empty = { n: 0, hash: 'd41d8cd98f00b204e9800998ecf8427e' };
    expect(await snapshot(client, 'fresh.txt')).toEqual({ current: null, observations: empty, report_tables: empty, findings: empty, check_results: empty });
    const { rows } = await client.query(`select count(*)::int as n from current_observations where source_name = 'fresh.txt'`);
    expect(rows[0].n).toBe(0);
    expect((await loadsOf(client, 'fresh.txt')).map((l) => l.status)).toEqual(['running']);
  });
});

describe('SIGKILL in the middle of a load, on embedded PGlite', () => {
  let tmp: TempDir;
  let config: string;
  let dataDir: string;

  beforeAll(async () => {
    tmp = await tempDir('failure-kill-pglite');
    dataDir = join(tmp.path, 'pglite');
    config = await writeConfig(tmp.path, { sources: [tmp.path], dataDir });
  });

  afterAll(async () => {
    stopAll();
    await tmp.dispose();
  });

  /** Opens the PGlite folder in this process (no etl process runs now), runs `use`, closes it. */
  async function withWarehouse<T>(use: (db: Queryable) => Promise<T>): Promise<T> {
    const w: Warehouse = await openWarehouse({ dataDir });
    try {
      return await use({ query: async <R>(text: string, params: unknown[] = []) => ({ rows: (await w.db.executeQuery(CompiledQuery.raw(text, params))).rows as R[] }) });
    } finally {
      await w.close();
    }
  }

  it('keeps exactly the previous version; the stale lock is taken over and the load marked interrupted', async () => {
    const file = join(tmp.path, 'big.txt');
    const v1 = syntheticReport(COPIES, 0);
    const v2 = syntheticReport(COPIES, 1);
    await writeFile(file, v1);
    // Time the first load ('loading' to 'done' on standard error).
    const timed = startEtl(['-c', config, 'ingest', '--verbose', file]);
    const at: Record<string, number> = {};
    timed.stderrLines((line) => {
      const phase = /: (loading|done)/.exec(line)?.[1];
      if (phase) at[phase] = Date.now();
    });
    expect((await timed.run).code).toBe(0);
    const loadMs = at.done - at.loading;
    expect(loadMs).toBeGreaterThan(100);
    const before = await withWarehouse((db) => snapshot(db, 'big.txt'));
    expect(before.current).toBe(sha256(v1));

    await writeFile(file, v2);
    const killed = startEtl(['-c', config, 'ingest', '--verbose', file]);
    killed.stderrLines((line) => {
      if (line.endsWith(': loading')) setTimeout(() => killed.child.kill('SIGKILL'), loadMs / 2);
    });
    const run = await killed.run;
    expect(run.signal, run.stderr).toBe('SIGKILL');
    expect(run.stderr).not.toMatch(/: done/);
    const lock = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'));
    expect(lock.pid).toBe(killed.child.pid);

    const [after, loads] = await withWarehouse(async (db) => [await snapshot(db, 'big.txt'), await loadsOf(db, 'big.txt')] as const);
    expect(after).toEqual(before);
    expect(loads.map((l) => [l.source_id, l.status])).toEqual([[sha256(v1), 'completed'], [sha256(v2), 'running']]);

    await copyFile(join(FIXTURES, '004_2425235a77e2d1cb.txt'), join(tmp.path, 'other.txt'));
    const next = await runEtl(['-c', config, 'ingest', join(tmp.path, 'other.txt')]);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toContain(`! an earlier load of big.txt (load ${loads[1].load_id}, started `);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    const marked = await withWarehouse((db) => loadsOf(db, 'big.txt'));
    expect(marked[1]).toMatchObject({ status: 'failed', error: INTERRUPTED_LOAD_ERROR });
  });
});
