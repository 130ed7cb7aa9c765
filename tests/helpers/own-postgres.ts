/**
 * Test helper: a PostgreSQL server of the test's own (initdb into a temporary folder, pg_ctl on a
 * free port of 127.0.0.1, trust authentication), so a test can stop and restart it without
 * disturbing the shared test server. The binaries are the newest under /usr/lib/postgresql/<v>/bin
 * (Debian's layout, as on CI). PostgreSQL refuses to run as root: when the tests run as root, the
 * server's folder is given to the `postgres` user and initdb / pg_ctl run as it (runuser).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** A running (or stopped) server of the test's own. */
export interface OwnPostgres {
  /** postgres://postgres@127.0.0.1:<port>/<database>: the database made by `startOwnPostgres`. */
  url: string;
  port: number;
  /** Stops the server (`pg_ctl stop -m <mode>`, waiting until it is down). */
  stop(mode?: 'smart' | 'fast' | 'immediate'): Promise<void>;
  /** Starts it again on the same port and data folder (waiting until it accepts connections). */
  start(): Promise<void>;
  /** Stops it if it runs and removes its folder. */
  dispose(): Promise<void>;
}

/** The bin folder of the newest PostgreSQL installed under /usr/lib/postgresql; throws when there is none. */
function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))) : [];
  if (!versions.length) throw new Error(`no PostgreSQL server binaries (initdb, pg_ctl) under ${root}`);
  return join(root, versions.sort((a, b) => Number(b) - Number(a))[0], 'bin');
}

/** A TCP port of 127.0.0.1 free at the time of asking. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * initdb's a new cluster in a temporary folder, starts it on a free port (its socket in that
 * folder too, so nothing outside it is touched) and creates database `database`. Errors: no
 * binaries, or initdb / pg_ctl failing (their output in the message).
 */
export async function startOwnPostgres(database = 'warehouse'): Promise<OwnPostgres> {
  const bin = binDir();
  const dir = await mkdtemp(join(tmpdir(), 'own-postgres-'));
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const tool = async (name: string, args: string[]): Promise<void> => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, name), ...args]] : [join(bin, name), args];
    try {
      await run(file, argv, { cwd: dir });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`${name} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    }
  };
  const data = join(dir, 'data');
  const port = await freePort();
  await tool('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  let running = false;
  const start = async () => {
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    await tool('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);
    running = true;
  };
  const stop = async (mode: 'smart' | 'fast' | 'immediate' = 'fast') => {
    await tool('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
    running = false;
  };
  const dispose = async () => {
    if (running) await stop('immediate').catch(() => {});
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await start();
    const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query(`create database "${database}"`);
    await admin.end();
  } catch (error) {
    await dispose();
    throw error;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/${database}`, port, stop, start, dispose };
}
