/**
 * Multi-row INSERTs cut to fit PostgreSQL's limit of 65535 bind parameters per statement
 * (a few thousand observation rows per statement).
 */
import type { Insertable, Kysely } from 'kysely';
import type { WarehouseSchema } from './schema.ts';

/** PostgreSQL's wire protocol counts bind parameters in 16 bits. */
const MAX_PARAMETERS = 65535;

/**
 * Inserts `rows` into `table` in as few statements as the parameter limit allows. Every row
 * must carry the same columns. Returns the number of rows inserted. Run it inside the caller's
 * transaction (pass the Transaction as `db`) so a failed batch rolls back the others.
 */
export async function insertInBatches<T extends keyof WarehouseSchema & string>(
  db: Kysely<WarehouseSchema>,
  table: T,
  rows: Insertable<WarehouseSchema[T]>[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const perRow = Object.keys(rows[0]).length;
  const batchSize = Math.max(1, Math.floor(MAX_PARAMETERS / perRow));
  for (let start = 0; start < rows.length; start += batchSize) {
    // Kysely cannot relate a generic table name to its row type; the signature above does.
    await db.insertInto(table).values(rows.slice(start, start + batchSize) as never).execute();
  }
  return rows.length;
}
