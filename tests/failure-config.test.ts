/**
 * Issue 5, configuration and exit codes, through the real `etl` command: a bad configuration
 * (unknown key, wrong type, missing folder, a schema name that is not an identifier, a limit too
 * large, a module that does not load) and a bad command line are refused with exit code 2 and the
 * path of the bad field, before any work (no data folder, no schema created); a DATABASE_URL that
 * cannot be reached (refused port, unknown host, missing database, a server that never answers)
 * fails fast with exit code 3, the host named and the password never printed.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../src/load/db.ts';
import { FIXTURES, runEtl, startEtl, stopAll, tempDir, writeConfig, type TempDir } from './helpers/etl-cli.ts';
import { TEST_DATABASE_URL } from './helpers/warehouses.ts';

const SEED = join(FIXTURES, '004_2425235a77e2d1cb.txt');
const PASSWORD = 'S3cret-Pa55word';

let tmp: TempDir;
let dataDir: string;
beforeAll(async () => {
  tmp = await tempDir('failure-config');
  dataDir = join(tmp.path, 'pglite');
});
afterAll(async () => {
  stopAll();
  await tmp.dispose();
});

/** Whether schema `name` exists on the test server. */
async function schemaExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query('select 1 from pg_namespace where nspname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

describe('a wrong configuration is refused before any work (exit code 2, the zod path named)', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['an unknown key', { colour: 'red' }, 'colour: unknown key (known keys: sources, dataDir, schema, concurrency, tolerance, maxSourceBytes, maxFindings)'],
    ['a wrong type', { concurrency: 'two' }, 'concurrency: Invalid input: expected number, received string'],
    ['a missing source folder', { sources: ['no/such/reports'] }, 'sources.0: "no/such/reports" does not exist'],
    ['a schema that is not an SQL identifier', { schema: 'public; drop table loads' }, 'schema: a lower-case SQL identifier'],
    ['a size limit beyond what fits in memory', { maxSourceBytes: 2 ** 40 }, 'maxSourceBytes: Too big: expected number to be <=536870912'],
    ['a findings budget of none', { maxFindings: 0 }, 'maxFindings: Too small: expected number to be >0'],
  ];
  for (const [what, patch, message] of cases) {
    it(`refuses ${what}`, async () => {
      const config = await writeConfig(tmp.path, { sources: [FIXTURES], dataDir, ...patch }, 'bad.config.mts');
      const run = await runEtl(['-c', config, 'ingest', SEED]);
      expect(run.code).toBe(2);
      expect(run.stderr.trim()).toBe(`etl: ${config}: invalid configuration: ${message}`);
      expect(run.stdout).toBe('');
      expect(existsSync(dataDir)).toBe(false);
    });
  }

  it('refuses an invalid schema name with a server configured too, creating nothing there', async () => {
    const config = await writeConfig(tmp.path, { sources: [FIXTURES], dataDir, schema: 'Failure_Test"; drop schema public; --' }, 'bad.config.mts');
    const run = await runEtl(['-c', config, 'rebuild'], { DATABASE_URL: TEST_DATABASE_URL });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('invalid configuration: schema: a lower-case SQL identifier');
    expect(await schemaExists('Failure_Test"; drop schema public; --')).toBe(false);
    expect(await schemaExists('public')).toBe(true);
  });

  it('the database layer refuses such a schema name too, before connecting', async () => {
    const url = `postgres://etl:${PASSWORD}@127.0.0.1:1/test`;
    await expect(openWarehouse({ databaseUrl: url, dataDir, schema: 'x"; drop schema public; --' })).rejects.toThrow(
      'invalid schema name "x"; drop schema public; --" (expected [a-z_][a-z0-9_]*)',
    );
  });

  it('refuses a missing configuration file and one that does not load', async () => {
    const missing = await runEtl(['-c', join(tmp.path, 'none.config.mts'), 'ingest', SEED]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe(`etl: ${join(tmp.path, 'none.config.mts')}: configuration file not found`);
    const broken = join(tmp.path, 'broken.config.mts');
    await writeFile(broken, 'export default { sources: [ };\n');
    const run = await runEtl(['-c', broken, 'ingest', SEED]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^etl: ${broken}: the configuration cannot be loaded: `));
    expect(existsSync(dataDir)).toBe(false);
  });
});

describe('a wrong command line is refused before any work (exit code 2)', () => {
  let config: string;
  beforeAll(async () => {
    config = await writeConfig(tmp.path, { sources: [FIXTURES], dataDir });
  });

  it('a path that does not exist, a folder without sources, an unknown command or option', async () => {
    const missing = await runEtl(['-c', config, 'ingest', SEED, join(tmp.path, 'nope.pdf')]);
    expect([missing.code, missing.stderr.trim()]).toEqual([2, `etl: no such file or folder: ${join(tmp.path, 'nope.pdf')}`]);
    const empty = join(tmp.path, 'empty-folder');
    await mkdir(empty, { recursive: true });
    const none = await runEtl(['-c', config, 'ingest', empty]);
    expect([none.code, none.stderr.trim()]).toEqual([2, `etl: no source files (.txt, .pdf) in ${empty}`]);
    expect(existsSync(dataDir)).toBe(false);
    const unknown = await runEtl(['-c', config, 'ingets', SEED]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'ingets'/);
    const option = await runEtl(['-c', config, 'ingest', '--format', 'xml', SEED]);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/'xml' is invalid/);
    expect((await runEtl(['ingest', '--help'])).code).toBe(0);
  });

  it('export: an output file that cannot be written is refused; a reader that stops early is no error', async () => {
    const refused = await runEtl(['-c', config, 'export', '-o', join(tmp.path, 'no', 'such', 'folder', 'out.csv')]);
    expect([refused.code, refused.stderr.trim()]).toEqual([2, `etl: cannot write ${join(tmp.path, 'no', 'such', 'folder', 'out.csv')}: its folder does not exist`]);
    const exportDir = join(tmp.path, 'export-pglite');
    const exportConfig = await writeConfig(tmp.path, { sources: [FIXTURES], dataDir: exportDir }, 'export.config.mts');
    expect((await runEtl(['-c', exportConfig, 'ingest', join(FIXTURES, '003_c23a70392e796f35.txt')])).code).toBe(0);
    // Like `etl export | head -1`: the reader takes the first chunk and closes the pipe.
    const { child, run } = startEtl(['-c', exportConfig, 'export']);
    child.stdout!.once('data', () => child.stdout!.destroy());
    const ended = await run;
    expect([ended.code, ended.stderr]).toEqual([0, '']);
    expect(existsSync(join(exportDir, 'etl.lock'))).toBe(false);
  });

  it('rebuild with no sources is refused before the warehouse is emptied', async () => {
    const loaded = await runEtl(['-c', config, 'ingest', SEED]);
    expect(loaded.code).toBe(0);
    const empty = join(tmp.path, 'no-reports');
    await mkdir(empty, { recursive: true });
    const emptyConfig = await writeConfig(tmp.path, { sources: [empty], dataDir }, 'empty.config.mts');
    const rebuild = await runEtl(['-c', emptyConfig, 'rebuild', '--format', 'json']);
    expect(rebuild.code).toBe(2);
    expect(rebuild.stderr.trim()).toBe(`etl: no source files (.txt, .pdf) in ${empty}`);
    expect(JSON.parse(rebuild.stdout)).toMatchObject({ command: 'rebuild', exitCode: 2, warehouse: null, sources: [], error: `no source files (.txt, .pdf) in ${empty}` });
    const still = await runEtl(['-c', config, 'query', '--format', 'json', 'select name from sources']);
    expect(JSON.parse(still.stdout)).toEqual([{ name: '004_2425235a77e2d1cb.txt' }]);
  });
});

describe('a database that cannot be reached fails with exit code 3, host named, password never printed (its speed is measured in the bench, not here)', () => {
  let config: string;
  beforeAll(async () => {
    config = await writeConfig(tmp.path, { sources: [FIXTURES], dataDir: join(tmp.path, 'unused'), schema: 'failure_test' }, 'server.config.mts');
  });

  /** Runs ingest against `url` in text and JSON form and checks what both print. */
  async function unreachable(url: string, endpoint: string, reason: RegExp): Promise<void> {
    for (const format of ['text', 'json']) {
      const run = await runEtl(['-c', config, 'ingest', '--format', format, SEED], { DATABASE_URL: url });
      expect(run.code, `signal ${run.signal}; stderr: ${run.stderr}`).toBe(3);
      const line = run.stderr.trim();
      expect(line.startsWith(`etl: cannot connect to PostgreSQL at ${endpoint}: `), line).toBe(true);
      expect(line).toMatch(reason);
      expect(run.stdout + run.stderr).not.toContain(PASSWORD);
      if (format === 'json') expect(JSON.parse(run.stdout)).toMatchObject({ exitCode: 3, warehouse: null, error: line.slice('etl: '.length) });
    }
  }

  it('a refused port', async () => {
    await unreachable(`postgres://etl:${PASSWORD}@127.0.0.1:1/test`, '127.0.0.1:1/test', /ECONNREFUSED/);
  });

  it('an unknown host', async () => {
    await unreachable(`postgres://etl:${PASSWORD}@no-such-host.invalid:5432/test`, 'no-such-host.invalid:5432/test', /ENOTFOUND|EAI_AGAIN/);
  });

  it('a database that does not exist on a live server', async () => {
    const url = new URL(TEST_DATABASE_URL);
    url.password = PASSWORD;
    url.pathname = '/no_such_database_etl';
    await unreachable(url.href, `${url.hostname}:${url.port || '5432'}/no_such_database_etl`, /does not exist/);
  });

  it('a server that accepts connections but never answers (the 5 s connect timeout)', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const { port } = silent.address() as AddressInfo;
    try {
      await unreachable(`postgres://etl:${PASSWORD}@127.0.0.1:${port}/test`, `127.0.0.1:${port}/test`, /timeout/i);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((done) => silent.close(done));
    }
  });

  it('a DATABASE_URL that is not a PostgreSQL URL is a usage error, and is not echoed', async () => {
    for (const url of [`mysql://etl:${PASSWORD}@127.0.0.1/test`, `etl:${PASSWORD}@127.0.0.1/test`]) {
      const run = await runEtl(['-c', config, 'ingest', SEED], { DATABASE_URL: url });
      expect(run.code).toBe(2);
      expect(run.stderr.trim()).toBe('etl: DATABASE_URL: not a PostgreSQL URL (expected postgres://user:password@host:port/database; the value is not shown, it may hold a password)');
      expect(run.stdout + run.stderr).not.toContain(PASSWORD);
    }
  });
});
