/**
 * Schema migrations, listed in code (no filesystem discovery) so they work the same from tsx,
 * a bundle or a test. Kysely's Migrator records applied migrations in `kysely_migration` inside
 * the warehouse's schema and serialises concurrent migrators with its lock table.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { syncCodelists } from '../codelists.ts';
import { initialMigration } from './0001-initial.ts';
import { viewsMigration } from './0002-views.ts';
import { tableReadingMigration } from './0003-table-reading.ts';

/** Every migration by name; names sort in the order they must run. Append, never edit. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initialMigration,
  '0002-views': viewsMigration,
  '0003-table-reading': tableReadingMigration,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/**
 * Brings the schema `schema` of `db` up to the latest migration (creating the schema if needed)
 * and brings its codelist members up to date with the code.
 * Throws the first migration's error, with the name of the migration that failed.
 */
export async function migrateToLatest(db: Kysely<unknown>, schema: string): Promise<void> {
  const migrator = new Migrator({ db, provider, migrationTableSchema: schema });
  const { error, results } = await migrator.migrateToLatest();
  if (error === undefined) return syncCodelists(db);
  const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'the migration lock';
  throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
    cause: error,
  });
}
