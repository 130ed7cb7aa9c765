/**
 * Issue 5, concurrency: two real `etl ingest` processes started at once on the same file against
 * the real PostgreSQL server (a fresh schema, so they also race through the migrations; then an
 * existing one; then two different versions under one name) never leave duplicate or mixed
 * records; two processes on one embedded PGlite folder: one runs, the other stops with exit code
 * 3 naming the first, and a lock left by a dead process is taken over. Within one process,
 * extraction and transformation run `concurrency` sources at a time, never more.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../src/cli/lock.ts';
import { loadConfig } from '../src/config.ts';
import { openWarehouse } from '../src/load/db.ts';
import { ingest } from '../src/pipeline.ts';
import { FIXTURES, runEtl, stopAll, syntheticReport, tempDir, writeConfig, type EtlRun, type TempDir } from './helpers/etl-cli.ts';
import { TEST_DATABASE_URL } from './helpers/warehouses.ts';

const SEED = '000_94f9f59014649328.txt';
/** A schema of this run's own (the test server may be shared by concurrent runs). */
const SCHEMA = `failure_test_${process.pid}`;

let tmp: TempDir;
beforeAll(async () => {
  tmp = await tempDir('failure-concurrency');
});
afterAll(async () => {
  stopAll();
  await tmp.dispose();
});

/** Runs `etl <args>` twice, both processes started at once. */
function twice(args: [string[], string[]], env: Record<string, string> = {}): Promise<[EtlRun, EtlRun]> {
  return Promise.all([runEtl(args[0], env), runEtl(args[1], env)]);
}

describe('two `etl ingest` processes at once on the PostgreSQL server', () => {
  let client: pg.Client;
  let config: string;
  const env = { DATABASE_URL: TEST_DATABASE_URL };

  beforeAll(async () => {
    client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`drop schema if exists ${SCHEMA} cascade`);
    await client.query(`set search_path to ${SCHEMA}`);
    config = await writeConfig(tmp.path, { sources: [tmp.path], dataDir: join(tmp.path, 'unused'), schema: SCHEMA }, 'server.config.mts');
  });

  afterAll(async () => {
    await client.query(`drop schema if exists ${SCHEMA} cascade`);
    await client.end();
  });

  /**
   * What the warehouse holds for source `name`: per record table, the (source_id, load_id) pairs
   * of its rows with their counts; the current source and load; loads still running.
   */
  async function holdings(name: string) {
    const current = (await client.query('select source_id, current_load_id from sources where name = $1 and current_load_id is not null', [name])).rows;
    const groups: Record<string, { source_id: string; load_id: number; n: number }[]> = {};
    for (const table of ['observations', 'report_tables', 'findings', 'check_results']) {
      groups[table] = (
        await client.query(
          `select source_id, load_id, count(*)::int as n from ${table} where source_id in (select source_id from sources where name = $1) group by 1, 2`,
          [name],
        )
      ).rows;
    }
    const running = (await client.query(`select count(*)::int as n from loads where status = 'running'`)).rows[0].n;
    return { current, groups, running };
  }

  /** Checks that source `name` is held once, wholly from the current load, with `observations` rows. */
  async function expectOneCopy(name: string, observations: number): Promise<string> {
    const { current, groups, running } = await holdings(name);
    expect(current).toHaveLength(1);
    const [{ source_id, current_load_id }] = current;
    for (const [table, rows] of Object.entries(groups)) {
      if (table === 'findings' && rows.length === 0) continue;
      expect(rows, table).toEqual([{ source_id, load_id: current_load_id, n: expect.any(Number) }]);
    }
    expect(groups.observations[0].n).toBe(observations);
    const dupes = await client.query(
      `select table_ref, row_label, parent_label, column_group, measure, data_year, line, value_text, count(*)
       from observations where source_id = $1 group by 1, 2, 3, 4, 5, 6, 7, 8 having count(*) > 1`,
      [source_id],
    );
    expect(dupes.rows).toEqual([]);
    expect(running).toBe(0);
    return source_id;
  }

  /** The observation count a run printed for `name`. */
  const printed = (run: EtlRun, name: string) => Number(new RegExp(`${name.replace('.', '\\.')} \\(edition \\d+\\): \\w+; \\d+ tables(?: \\([^)]*\\))?, (\\d+) observations`).exec(run.stdout)?.[1]);

  it('the same file, on a fresh schema (migrations raced too) and again on the existing one', async () => {
    const file = join(tmp.path, 'report.txt');
    await copyFile(join(FIXTURES, SEED), file);
    for (const round of ['fresh schema', 'existing schema']) {
      const [a, b] = await twice([['-c', config, 'ingest', file], ['-c', config, 'ingest', file]], env);
      expect([a.code, b.code], `${round}: ${a.stderr}${b.stderr}`).toEqual([0, 0]);
      expect(printed(a, 'report.txt')).toBe(printed(b, 'report.txt'));
      await expectOneCopy('report.txt', printed(a, 'report.txt'));
    }
  });

  it('two versions of one report under one name, at once: one version, whole, never a mix', async () => {
    const [dirA, dirB] = [join(tmp.path, 'a'), join(tmp.path, 'b')];
    await mkdir(dirA);
    await mkdir(dirB);
    const versions = [syntheticReport(1, 1), syntheticReport(1, 2)];
    await writeFile(join(dirA, 'versions.txt'), versions[0]);
    await writeFile(join(dirB, 'versions.txt'), versions[1]);
    const [a, b] = await twice([['-c', config, 'ingest', join(dirA, 'versions.txt')], ['-c', config, 'ingest', join(dirB, 'versions.txt')]], env);
    expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
    const kept = await expectOneCopy('versions.txt', printed(a, 'versions.txt'));
    expect(versions.map((v) => createHash('sha256').update(v).digest('hex'))).toContain(kept);
    const { rows } = await client.query(`select count(*)::int as n from loads l join sources s using (source_id) where s.name = 'versions.txt' and l.status = 'completed'`);
    expect(rows[0].n).toBe(2);
  });
});

describe('two processes on one embedded PGlite folder', () => {
  let config: string;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = join(tmp.path, 'pglite');
    config = await writeConfig(tmp.path, { sources: [tmp.path], dataDir }, 'pglite.config.mts');
    await copyFile(join(FIXTURES, '004_2425235a77e2d1cb.txt'), join(tmp.path, 'policy.txt'));
  });

  it('one runs, the other stops at once with exit code 3 naming the first', async () => {
    const file = join(tmp.path, 'policy.txt');
    const runs = await twice([['-c', config, 'ingest', file], ['-c', config, 'ingest', file]]);
    const codes = runs.map((r) => r.code).sort();
    expect(codes, runs.map((r) => r.stderr).join('\n')).toEqual([0, 3]);
    const refused = runs.find((r) => r.code === 3)!;
    expect(refused.stdout).toBe('');
    expect(refused.stderr.trim()).toMatch(
      new RegExp(
        `^etl: the embedded database at ${dataDir} is in use by another etl process \\(pid \\d+, since [-\\d:.TZ]+\\); PGlite serves one process at a time: ` +
          `wait for it to finish, or set DATABASE_URL to use a PostgreSQL server \\(if no such process runs, delete ${join(dataDir, LOCK_FILE)}\\)$`,
      ),
    );
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    const after = await runEtl(['-c', config, 'query', '--format', 'json', `select count(*)::int as n from sources where name = 'policy.txt'`]);
    expect(JSON.parse(after.stdout)).toEqual([{ n: 1 }]);
  });

  it('a lock left by a process that is gone is taken over; one held by a live process is not', async () => {
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((done) => dead.on('close', done));
    const lock = join(dataDir, LOCK_FILE);
    const content = (pid: number) => JSON.stringify({ pid, host: hostname(), since: '2020-01-01T00:00:00.000Z', token: `t${pid}` });
    await writeFile(lock, content(dead.pid!));
    const taken = await runEtl(['-c', config, 'ingest', join(tmp.path, 'policy.txt')]);
    expect(taken.code, taken.stderr).toBe(0);
    expect(existsSync(lock)).toBe(false);
    await writeFile(lock, content(process.pid));
    const held = await runEtl(['-c', config, 'ingest', join(tmp.path, 'policy.txt')]);
    expect(held.code).toBe(3);
    expect(held.stderr).toContain(`in use by another etl process (pid ${process.pid}, since 2020-01-01T00:00:00.000Z)`);
    expect(existsSync(lock)).toBe(true);
  });
});

describe('extraction and transformation bounded by config.concurrency', () => {
  it('prepares at most `concurrency` sources at once (and that many), and holds at most one more waiting for its load', async () => {
    const dir = join(tmp.path, 'many');
    await mkdir(dir);
    const files: string[] = [];
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      files.push(join(dir, `${name}.txt`));
      await writeFile(files.at(-1)!, `${name}\n` + readFileSync(join(FIXTURES, '003_c23a70392e796f35.txt'), 'utf8'));
    }
    for (const concurrency of [1, 3]) {
      const config = await loadConfig(await writeConfig(tmp.path, { sources: [dir], dataDir: join(tmp.path, `bound-${concurrency}`), concurrency }, `bound-${concurrency}.config.mts`));
      const warehouse = await openWarehouse({ dataDir: config.dataDir });
      try {
        let preparing = 0;
        let held = 0;
        let mostPreparing = 0;
        let mostHeld = 0;
        const phases: string[] = [];
        const { sources } = await ingest(warehouse, files, config, ({ phase }) => {
          phases.push(phase);
          if (phase === 'start') {
            mostPreparing = Math.max(mostPreparing, ++preparing);
            mostHeld = Math.max(mostHeld, ++held);
          }
          if (phase === 'transformed') preparing--;
          if (phase === 'done') held--;
        });
        expect(sources.map((s) => s.status)).toEqual(['loaded', 'loaded', 'loaded', 'loaded', 'loaded']);
        expect(mostPreparing).toBe(concurrency);
        expect(mostHeld).toBeLessThanOrEqual(concurrency + 1);
        expect(phases.slice(0, concurrency)).toEqual(Array(concurrency).fill('start'));
        expect(phases[concurrency]).toBe('extracted');
      } finally {
        await warehouse.close();
      }
    }
  });
});
