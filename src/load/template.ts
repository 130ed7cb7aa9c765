/**
 * New embedded databases without running initdb each time. PGlite creates a database folder by
 * running initdb, which writes some 1,000 files through its emulated file system: about 4 s on
 * this machine, most of a first `npm start`. Instead initdb runs once per machine and PGlite
 * version, in memory (no file system to emulate), the folder it made is dumped to a tar in
 * node_modules/.cache/etl-pglite/, and each new database folder is that tar extracted (0.2 s).
 * The folder is the one PGlite itself would have made: same PGlite, same defaults.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tar from 'tar';

/** The file whose presence makes a folder a PostgreSQL data folder (written last when seeding). */
const MARKER = 'PG_VERSION';

/** node_modules/@electric-sql/pglite, found from wherever this module runs (sources or bundle). */
function pgliteDir(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const at = entry.lastIndexOf('node_modules');
  return join(entry.slice(0, at), 'node_modules', '@electric-sql', 'pglite');
}

/**
 * The path of the template tar of this PGlite version, made first if there is none (`npm ci`
 * makes it: scripts/prepare.ts). Concurrent processes each write a temporary file and rename it
 * into place: the tar is always whole. Errors: PGlite's, file system errors.
 */
export async function templateTar(): Promise<string> {
  const pkg = pgliteDir();
  const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string };
  const path = join(pkg, '..', '..', '.cache', 'etl-pglite', `pglite-${version}.tar`);
  if (existsSync(path)) return path;
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = await PGlite.create();
  try {
    const dump = await pg.dumpDataDir('none');
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.from(await dump.arrayBuffer()));
    renameSync(temporary, path);
  } finally {
    await pg.close();
  }
  return path;
}

/**
 * Makes `dataDir` (existing, possibly holding other files such as the CLI's lock) a fresh PGlite
 * database folder, unless it is one already (it has PG_VERSION). The tar is extracted into a
 * scratch folder inside `dataDir` and its entries moved up, PG_VERSION last, so a crash midway
 * leaves no folder PGlite would take for a database; the next call clears what such a crash left
 * (only the entries the tar names, nothing else in `dataDir`). Errors: file system errors.
 */
export async function seedDataDir(dataDir: string): Promise<void> {
  if (existsSync(join(dataDir, MARKER))) return;
  const file = await templateTar();
  const scratch = join(dataDir, `.seed-${process.pid}`);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch);
  try {
    await tar.x({ file, cwd: scratch });
    const entries = readdirSync(scratch).sort((a, b) => Number(a === MARKER) - Number(b === MARKER));
    for (const name of entries) {
      rmSync(join(dataDir, name), { recursive: true, force: true });
      renameSync(join(scratch, name), join(dataDir, name));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
