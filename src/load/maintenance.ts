/** Whole-warehouse operations: emptying it for a rebuild, counting its rows. */
import { sql, type Kysely } from 'kysely';
import { WAREHOUSE_TABLES, type WarehouseSchema } from './schema.ts';

/** Rows per warehouse table, e.g. { observations: 6718, loads: 3, … }. */
export type WarehouseCounts = Record<(typeof WAREHOUSE_TABLES)[number], number>;

/**
 * Deletes every row of every warehouse table (sources and load history included) and restarts
 * the identity counters; the schema and its migrations stay. Used by `rebuild`.
 */
export async function clearWarehouse(db: Kysely<WarehouseSchema>): Promise<void> {
  await sql`truncate table ${sql.join(WAREHOUSE_TABLES.map((t) => sql.table(t)))} restart identity`.execute(db);
}

/** Counts the rows of each warehouse table. */
export async function warehouseCounts(db: Kysely<WarehouseSchema>): Promise<WarehouseCounts> {
  const counts = {} as WarehouseCounts;
  for (const table of WAREHOUSE_TABLES) {
    const row = await db
      .selectFrom(table)
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = row.n;
  }
  return counts;
}
