/**
 * Reads a large query in fixed-size batches through a server-side cursor, so an export never
 * holds the whole result in memory. Plain SQL (DECLARE / FETCH), so it works on PGlite (whose
 * Kysely dialect cannot stream) as on a server.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * Runs `query` in a read-only transaction and hands its rows to `onBatch`, `batchSize` at a time,
 * in the query's order; `onBatch` is awaited before the next fetch (backpressure). Returns the
 * number of rows read. Errors of the query or of `onBatch` roll the transaction back and propagate.
 */
export async function forEachBatch<Row, DB>(
  db: Kysely<DB>,
  query: RawBuilder<Row>,
  batchSize: number,
  onBatch: (rows: Row[]) => Promise<void>,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`set transaction read only`.execute(trx);
    await sql`declare batch_cursor no scroll cursor for ${query}`.execute(trx);
    let total = 0;
    for (;;) {
      const { rows } = await sql<Row>`fetch forward ${sql.lit(batchSize)} from batch_cursor`.execute(trx);
      if (rows.length === 0) break;
      await onBatch(rows);
      total += rows.length;
    }
    await sql`close batch_cursor`.execute(trx);
    return total;
  });
}
