/**
 * Opens the warehouse: embedded PGlite (file-backed) by default, a PostgreSQL server through the
 * pg driver when a database URL is given. Either way the schema is migrated to the latest
 * version before the handle is returned, so callers always see the tables of schema.ts. The
 * connections handed to Kysely also run COPY (copy.ts). Only the driver in use is imported.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CompiledQuery, Kysely, PostgresDialect, type DatabaseConnection } from 'kysely';
import { copyCapablePGlite, copyCapablePool } from './copy.ts';
import { DatabaseUnreachableError } from './errors.ts';
import { migrateToLatest } from './migrations/index.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { WarehouseSchema } from './schema.ts';
import { seedDataDir } from './template.ts';

/** How to open the warehouse. */
export interface WarehouseOptions {
  /**
   * postgres://user:password@host:port/database of a server. When absent, the embedded PGlite
   * database in `dataDir` is used.
   */
  databaseUrl?: string;
  /** Directory holding the PGlite database files, e.g. ".data/pglite"; created if missing. */
  dataDir: string;
  /**
   * PostgreSQL schema holding the tables (default "public"); created if missing. Lets tests and
   * several warehouses share one database.
   */
  schema?: string;
  /** How long to wait for a server connection before giving up, in milliseconds (default 5000). */
  connectTimeoutMs?: number;
}

/** An open warehouse. Call `close()` when done (ends the pool / closes PGlite). */
export interface Warehouse {
  db: Kysely<WarehouseSchema>;
  driver: 'pglite' | 'postgres';
  /** Where the data lives, safe to print: "PGlite at /abs/dir" or "PostgreSQL at host:port/db". */
  location: string;
  close(): Promise<void>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Opens (and migrates) the warehouse. Errors: DatabaseUnreachableError when the server cannot be
 * connected to within the timeout; a plain Error for a malformed URL or schema name (the URL is
 * not quoted, it may hold a password) or a failed migration.
 */
export async function openWarehouse(opts: WarehouseOptions): Promise<Warehouse> {
  const schema = opts.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name "${schema}" (expected [a-z_][a-z0-9_]*)`);
  const onCreateConnection = async (connection: DatabaseConnection): Promise<void> => {
    await connection.executeQuery(CompiledQuery.raw(`set search_path to "${schema}"`));
  };
  const opened = opts.databaseUrl
    ? await connectServer(opts.databaseUrl, opts.connectTimeoutMs ?? 5000, onCreateConnection)
    : await openEmbedded(opts.dataDir, onCreateConnection);
  try {
    await migrateToLatest(opened.db as Kysely<unknown>, schema);
  } catch (error) {
    await opened.db.destroy();
    throw error;
  }
  return { ...opened, close: () => opened.db.destroy() };
}

type OnCreateConnection = (connection: DatabaseConnection) => Promise<void>;
type Opened = Omit<Warehouse, 'close'>;

/** PGlite in `dataDir` (PostgreSQL compiled to WebAssembly, one connection, file-backed); a new folder is seeded from the template (template.ts). */
async function openEmbedded(dataDir: string, onCreateConnection: OnCreateConnection): Promise<Opened> {
  const dir = resolve(dataDir);
  await mkdir(dir, { recursive: true });
  await seedDataDir(dir);
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = copyCapablePGlite(await PGlite.create(dir));
  const db = new Kysely<WarehouseSchema>({ dialect: new PGliteDialect({ pglite, onCreateConnection }) });
  return { db, driver: 'pglite', location: `PGlite at ${dir}` };
}

/** A pg Pool on `url`, after proving with one connection that the server answers. */
async function connectServer(url: string, timeoutMs: number, onCreateConnection: OnCreateConnection): Promise<Opened> {
  const { endpoint, password } = describeUrl(url);
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  // An idle client losing its server emits on the pool; the next query reports the failure.
  pool.on('error', (error) => console.warn(`PostgreSQL at ${endpoint}: idle connection lost (${scrub(error, password)})`));
  // A client in use (running a query or a COPY, or held for a transaction) that loses its server
  // emits 'error' on itself, where the pool listens only while the client is idle: unheard, the
  // event would be an uncaught exception (exit 5). pg has already failed the statement in flight
  // with that error, and fails every later one ("not queryable"), so the failure reaches whoever
  // awaits the statement (the per-source guard of pipeline.ts) as a rejection; and pg-pool
  // discards the client when it is released. So this listener has nothing left to do.
  pool.on('connect', (client) => client.on('error', () => {}));
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    throw new DatabaseUnreachableError(endpoint, scrub(error, password));
  }
  const db = new Kysely<WarehouseSchema>({ dialect: new PostgresDialect({ pool: copyCapablePool(pool), onCreateConnection }) });
  return { db, driver: 'postgres', location: `PostgreSQL at ${endpoint}` };
}

/** "host:port/database" and the (decoded) password of a postgres:// URL. */
function describeUrl(url: string): { endpoint: string; password: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('the database URL is not a valid URL (expected postgres://user:password@host:port/database)');
  }
  const host = parsed.hostname || 'localhost';
  const port = parsed.port || '5432';
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  return { endpoint: `${host}:${port}/${database}`, password: decodeURIComponent(parsed.password) };
}

/** An error's code and message with every occurrence of the password masked. */
function scrub(error: unknown, password: string): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const text = typeof code === 'string' && !message.includes(code) ? `${code} ${message}`.trim() : message;
  return password ? text.split(password).join('***') : text;
}
