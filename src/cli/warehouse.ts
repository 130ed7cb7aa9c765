/** Opens the configured warehouse for a CLI command: DATABASE_URL if set, else embedded PGlite. */
import { loadConfig, type Config } from '../config.ts';
import { openWarehouse, type Warehouse } from '../load/db.ts';

/** Loads the configuration and opens the warehouse it names. Errors: ConfigError, DatabaseUnreachableError. */
export async function openConfigured(configPath: string): Promise<{ config: Config; warehouse: Warehouse }> {
  const config = await loadConfig(configPath);
  const warehouse = await openWarehouse({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: config.dataDir, schema: config.schema });
  return { config, warehouse };
}
