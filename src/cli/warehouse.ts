/**
 * Opens the configured warehouse for a CLI command: the server in DATABASE_URL if set, else
 * embedded PGlite in the configured dataDir, locked against a second process (lock.ts).
 */
import { checkDatabaseUrl, loadConfig, type Config } from '../config.ts';
import { openWarehouse, type Warehouse } from '../load/db.ts';
import { DatabaseUnreachableError } from '../load/errors.ts';
import { DatabaseFailedError } from '../pipeline.ts';
import { lockDataDir, WarehouseInUseError, type DataDirLock } from './lock.ts';

/**
 * Loads the configuration and opens the warehouse it names (see `openFor`). Errors: ConfigError
 * (see loadConfig), and those of `openFor`.
 */
export async function openConfigured(configPath: string): Promise<{ config: Config; warehouse: Warehouse }> {
  const config = await loadConfig(configPath);
  return { config, warehouse: await openFor(config) };
}

/**
 * Opens the warehouse a loaded configuration names; `close()` also releases the embedded
 * database's lock. Errors: ConfigError (a malformed DATABASE_URL), DatabaseUnreachableError
 * (server), WarehouseInUseError (embedded database held by another process), DatabaseFailedError
 * (the database opens but cannot be prepared: migration, files).
 */
export async function openFor(config: Config): Promise<Warehouse> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  if (databaseUrl) checkDatabaseUrl(databaseUrl);
  let lock: DataDirLock | null = null;
  if (!databaseUrl) {
    lock = await lockDataDir(config.dataDir).catch((error: unknown) => {
      if (error instanceof WarehouseInUseError) throw error;
      throw new DatabaseFailedError(`cannot lock the embedded database at ${config.dataDir}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    });
  }
  let warehouse: Warehouse;
  try {
    warehouse = await openWarehouse({ databaseUrl, dataDir: config.dataDir, schema: config.schema });
  } catch (error) {
    await lock?.release();
    if (error instanceof DatabaseUnreachableError) throw error;
    const where = databaseUrl ? 'the PostgreSQL server of DATABASE_URL' : `the embedded database at ${config.dataDir}`;
    throw new DatabaseFailedError(`cannot open ${where}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const close = async () => {
    try {
      await warehouse.close();
    } finally {
      await lock?.release();
    }
  };
  return { ...warehouse, close };
}
