/**
 * Real test databases for the load and export tests: the PostgreSQL server (DESIGN.md
 * "Databases": 127.0.0.1:5432, database test), each test file in a schema of its own that is
 * dropped first, and embedded PGlite in a fresh temporary directory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openWarehouse, type Warehouse } from '../../src/load/db.ts';

/** The test server; TEST_DATABASE_URL overrides it. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Drops `schema` (and everything in it) on the test server, through a connection of its own: a CLI test's clean-up. */
export async function dropTestSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

/** The two drivers every warehouse test runs on. */
export const DRIVERS = ['pglite', 'postgres'] as const;

/** A warehouse opened for a test, with `dispose()` to close it and remove its data. */
export interface TestWarehouse extends Warehouse {
  dispose(): Promise<void>;
}

/** Drops schema `schema` of the test server (and everything in it) if it exists. */
async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

/** Opens an empty, migrated warehouse on `driver`; on the server it lives in schema `schema`. */
export async function openTestWarehouse(driver: (typeof DRIVERS)[number], schema: string): Promise<TestWarehouse> {
  if (driver === 'postgres') {
    await dropSchema(schema);
    const w = await openWarehouse({ databaseUrl: TEST_DATABASE_URL, dataDir: '.data/unused', schema });
    return { ...w, dispose: async () => (await w.close(), await dropSchema(schema)) };
  }
  const dir = await mkdtemp(join(tmpdir(), 'warehouse-test-'));
  const w = await openWarehouse({ dataDir: join(dir, 'pglite') });
  return { ...w, dispose: async () => (await w.close(), await rm(dir, { recursive: true, force: true })) };
}
