/**
 * The embedded database (PGlite) is one process's: two processes opening the same data folder
 * would both write its files and corrupt it. Every command that opens it first takes a lock
 * file, `etl.lock` in the data folder, created atomically and holding the owner's pid; a second
 * process finds it and stops with WarehouseInUseError. A lock left by a process that died
 * (SIGKILL, power loss) names a pid that no longer runs and is taken over.
 */
import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Name of the lock file inside the PGlite data folder. */
export const LOCK_FILE = 'etl.lock';

/** The embedded database is in use by another live process (exit code 3). */
export class WarehouseInUseError extends Error {
  /** The lock file. */
  readonly lockPath: string;
  /** Pid of the process holding it. */
  readonly pid: number;

  constructor(dataDir: string, lockPath: string, holder: { pid: number; since: string }) {
    super(
      `the embedded database at ${dataDir} is in use by another etl process (pid ${holder.pid}, since ${holder.since}); ` +
        `PGlite serves one process at a time: wait for it to finish, or set DATABASE_URL to use a PostgreSQL server ` +
        `(if no such process runs, delete ${lockPath})`,
    );
    this.name = 'WarehouseInUseError';
    this.lockPath = lockPath;
    this.pid = holder.pid;
  }
}

/** What a lock file holds (JSON). `token` tells one taking of the lock from another. */
interface LockContent {
  pid: number;
  host: string;
  since: string;
  token: string;
}

/** A held lock; `release()` removes the lock file (only if it is still this process's). */
export interface DataDirLock {
  path: string;
  release(): Promise<void>;
}

/**
 * Takes the lock of the PGlite data folder `dataDir` (created if missing). Errors:
 * WarehouseInUseError when a live process holds it. A lock whose process is gone is replaced;
 * of two processes replacing the same stale lock at once, one wins and the other reports it.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const mine: LockContent = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: randomUUID() };
  const text = JSON.stringify(mine) + '\n';
  for (;;) {
    if (await createExclusive(path, text)) {
      return { path, release: () => releaseLock(path, mine.token) };
    }
    const holder = await readLock(path);
    if (holder === 'gone') continue;
    if (holder && isAlive(holder)) throw new WarehouseInUseError(dataDir, path, holder);
    await removeStale(path, holder);
  }
}

/**
 * Creates `path` holding `text` only if it does not exist, atomically: the content is written
 * to a private file first and then hard-linked into place, so the lock file is never seen
 * half-written. Returns false when the lock file exists.
 */
async function createExclusive(path: string, text: string): Promise<boolean> {
  const tmp = `${path}.${process.pid}.${randomUUID()}`;
  await writeFile(tmp, text, { flag: 'wx' });
  try {
    await link(tmp, path);
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(tmp);
  }
}

/** The lock file's content; 'gone' when it disappeared meanwhile; null when it is unreadable. */
async function readLock(path: string): Promise<LockContent | 'gone' | null> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<LockContent>;
    const valid = Number.isInteger(parsed.pid) && parsed.pid! > 0 && typeof parsed.token === 'string' && typeof parsed.since === 'string';
    return valid ? (parsed as LockContent) : null;
  } catch (error) {
    return (error as { code?: unknown }).code === 'ENOENT' ? 'gone' : null;
  }
}

/**
 * Whether the lock's process still runs. A lock taken on another host cannot be checked and
 * counts as alive (a data folder on a shared drive).
 */
function isAlive(lock: LockContent): boolean {
  if (lock.host !== hostname()) return true;
  try {
    process.kill(lock.pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

/**
 * Removes a stale lock (or an unreadable one, `judged` null) by moving it aside; if what was
 * moved is not the lock that was judged stale (another process took the lock in between), it is
 * put back.
 */
async function removeStale(path: string, judged: LockContent | null): Promise<void> {
  const aside = `${path}.stale.${process.pid}.${randomUUID()}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readLock(aside);
  const same = judged === null ? moved === null : moved !== null && moved !== 'gone' && moved.token === judged.token;
  if (!same) await link(aside, path).catch(() => {});
  await unlink(aside);
}

/** Removes the lock file if it still holds `token`. */
async function releaseLock(path: string, token: string): Promise<void> {
  const holder = await readLock(path);
  if (holder && holder !== 'gone' && holder.token === token) await unlink(path).catch(() => {});
}
