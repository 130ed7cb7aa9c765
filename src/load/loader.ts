/**
 * Idempotent per-source load (DESIGN.md "src/load"): the records of one source replace, in one
 * transaction, whatever the warehouse held for that source, delete-then-insert, keyed by the
 * source's file name and its SHA-256. A `loads` row records every attempt and its outcome.
 * Records are written with COPY (copy.ts), each row encoded only when the database reads it.
 */
import { sql, type Kysely } from 'kysely';
import type { CheckResult, SourceDocument, TransformResult } from '../model.ts';
import { copyInto } from './copy.ts';
import { checkRow, findingRow, observationRow, sourceRow, tableRow } from './rows.ts';
import type { WarehouseSchema } from './schema.ts';

/**
 * What `loadSource` did. `unchanged`: this exact source (same SHA-256, same name) is already
 * loaded, nothing was written. `loaded`: first records for this name. `replaced`: records of an
 * earlier version of the same name (or of the same bytes under another name) were replaced.
 * `loadId` is the new load, null when unchanged; `observations` counts the source's observations
 * in the warehouse after the call.
 */
export interface LoadOutcome {
  status: 'unchanged' | 'loaded' | 'replaced';
  loadId: number | null;
  observations: number;
}

/** The tables holding a source's derived records, emptied per source before a load. */
const RECORD_TABLES = ['check_results', 'findings', 'observations', 'report_tables'] as const;

/**
 * Loads one transformed source with its check results. First a `loads` row is committed as
 * 'running' (so a crash leaves a visible unfinished load); then one transaction deletes the
 * records of every source with the same name or the same SHA-256, writes the new ones, marks the
 * source current and the load 'completed' with its counts. If that transaction fails it is rolled
 * back (the old records stay), the load is marked 'failed' with the error, and the error is
 * rethrown. Throws before writing anything when a record belongs to another source. `db` must
 * come from `openWarehouse` (its connections run the COPY statements).
 * The writes run on one connection, which holds a session advisory lock on the load's id from
 * before its 'running' row is visible until the load ends: see `markInterruptedLoads`.
 */
export async function loadSource(
  db: Kysely<WarehouseSchema>,
  doc: Omit<SourceDocument, 'lines'>,
  result: TransformResult,
  checks: CheckResult[],
): Promise<LoadOutcome> {
  assertOwnRecords(doc, result, checks);
  const known = await db
    .selectFrom('sources')
    .innerJoin('loads', 'loads.load_id', 'sources.current_load_id')
    .select(['sources.name', 'loads.observation_count'])
    .where('sources.source_id', '=', doc.sourceId)
    .executeTakeFirst();
  if (known && known.name === doc.name) {
    return { status: 'unchanged', loadId: null, observations: known.observation_count ?? 0 };
  }
  return db.connection().execute((conn) => writeSource(conn, doc, result, checks));
}

/** The writes of `loadSource`, on one connection: the one holding the load's advisory lock. */
async function writeSource(
  db: Kysely<WarehouseSchema>,
  doc: Omit<SourceDocument, 'lines'>,
  result: TransformResult,
  checks: CheckResult[],
): Promise<LoadOutcome> {
  const loadId = await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('sources')
      .values(sourceRow(doc, result.edition))
      .onConflict((oc) => oc.column('source_id').doNothing())
      .execute();
    const load = await trx
      .insertInto('loads')
      .values({ source_id: doc.sourceId, status: 'running' })
      .returning('load_id')
      .executeTakeFirstOrThrow();
    // Session-level: survives this commit, released by releaseLoadLock or by the session's end.
    await sql`select pg_advisory_lock(${LOAD_LOCK_CLASS}, ${load.load_id})`.execute(trx);
    return load.load_id;
  });

  try {
    const replaced = await db.transaction().execute(async (trx) => {
      // Serialise concurrent loads of the same name or bytes (always name first: no deadlock).
      await sql`select pg_advisory_xact_lock(hashtext(${`name:${doc.name}`}))`.execute(trx);
      await sql`select pg_advisory_xact_lock(hashtext(${`source:${doc.sourceId}`}))`.execute(trx);
      const sameSource = trx
        .selectFrom('sources')
        .select('source_id')
        .where((eb) => eb.or([eb('name', '=', doc.name), eb('source_id', '=', doc.sourceId)]));
      const previous = await trx
        .selectFrom('sources')
        .select('source_id')
        .where('source_id', 'in', sameSource)
        .where('current_load_id', 'is not', null)
        .execute();
      for (const table of RECORD_TABLES) {
        await trx.deleteFrom(table).where('source_id', 'in', sameSource).execute();
      }
      await trx.updateTable('sources').set({ current_load_id: null }).where('source_id', 'in', sameSource).execute();
      await trx
        .updateTable('sources')
        .set({ ...sourceRow(doc, result.edition), last_loaded_at: sql`now()`, current_load_id: loadId })
        .where('source_id', '=', doc.sourceId)
        .execute();
      await copyInto(trx, 'report_tables', rowsOf(result.tables, (t) => tableRow(t, loadId)));
      await copyInto(trx, 'observations', rowsOf(result.observations, (o) => observationRow(o, loadId)));
      await copyInto(trx, 'findings', rowsOf(result.findings, (f) => findingRow(f, loadId)));
      await copyInto(trx, 'check_results', rowsOf(checks, (c) => checkRow(c, loadId)));
      await trx
        .updateTable('loads')
        .set({
          status: 'completed',
          finished_at: sql`now()`,
          observation_count: result.observations.length,
          table_count: result.tables.length,
        })
        .where('load_id', '=', loadId)
        .execute();
      return previous.length > 0;
    });
    return { status: replaced ? 'replaced' : 'loaded', loadId, observations: result.observations.length };
  } catch (error) {
    await markFailed(db, loadId, error);
    throw error;
  } finally {
    await releaseLoadLock(db, loadId);
  }
}

/** The warehouse rows of `records`, made one at a time as they are read (never all at once). */
function* rowsOf<R, Row>(records: readonly R[], row: (record: R) => Row): Generator<Row> {
  for (const record of records) yield row(record);
}

/** Records a failed load. Best effort: the load's own error matters more than this one's. */
async function markFailed(db: Kysely<WarehouseSchema>, loadId: number, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  try {
    await db
      .updateTable('loads')
      .set({ status: 'failed', finished_at: sql`now()`, error: message })
      .where('load_id', '=', loadId)
      .execute();
  } catch {
    // The database is likely gone; the load stays 'running', which reads as "not completed".
  }
}

/** Throws when a record handed to `loadSource` names another source than `doc`. */
function assertOwnRecords(doc: Omit<SourceDocument, 'lines'>, result: TransformResult, checks: CheckResult[]): void {
  const foreign =
    result.observations.find((o) => o.sourceId !== doc.sourceId || o.sourceName !== doc.name) ??
    [...result.tables, ...result.findings, ...checks].find((r) => r.sourceId !== doc.sourceId);
  if (foreign) {
    throw new Error(
      `${doc.name}: refusing to load a record of source ${foreign.sourceId} (expected ${doc.sourceId})`,
    );
  }
}

// Interrupted loads (issue 5): a load whose process died (SIGKILL, power loss, lost connection)
// stays 'running' for ever; its data transaction was rolled back with the session. A live load
// holds the advisory lock (LOAD_LOCK_CLASS, load_id) on its session, so a 'running' load whose
// lock can be taken has no process any more.

/** First key of the two-key advisory lock a load in progress holds ("LOAD"); the second is its load_id. */
const LOAD_LOCK_CLASS = 0x4c4f4144;

/** The `loads.error` of a load found interrupted by `markInterruptedLoads`. */
export const INTERRUPTED_LOAD_ERROR = 'interrupted: the process loading this source ended before the load completed; none of its records were kept';

/** A load `markInterruptedLoads` found interrupted. */
export interface InterruptedLoad {
  loadId: number;
  sourceId: string;
  /** The source's file name. */
  name: string;
  startedAt: Date;
}

/**
 * Marks every 'running' load whose process is gone as 'failed' with INTERRUPTED_LOAD_ERROR and
 * returns them. A load still in progress in another process is left alone. Call it before this
 * process loads anything (on PGlite's single session the lock of a load of this very process
 * would not stop it). A process killed while its server session is still ending is found by a
 * later call.
 */
export async function markInterruptedLoads(db: Kysely<WarehouseSchema>): Promise<InterruptedLoad[]> {
  const running = await db
    .selectFrom('loads')
    .innerJoin('sources', 'sources.source_id', 'loads.source_id')
    .select(['loads.load_id', 'loads.source_id', 'sources.name', 'loads.started_at'])
    .where('loads.status', '=', 'running')
    .orderBy('loads.load_id')
    .execute();
  const interrupted: InterruptedLoad[] = [];
  for (const load of running) {
    const marked = await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ free: boolean }>`select pg_try_advisory_xact_lock(${LOAD_LOCK_CLASS}, ${load.load_id}) as free`.execute(trx);
      if (!rows[0].free) return false;
      const updated = await trx
        .updateTable('loads')
        .set({ status: 'failed', finished_at: sql`now()`, error: INTERRUPTED_LOAD_ERROR })
        .where('load_id', '=', load.load_id)
        .where('status', '=', 'running')
        .executeTakeFirst();
      return updated.numUpdatedRows > 0n;
    });
    if (marked) interrupted.push({ loadId: load.load_id, sourceId: load.source_id, name: load.name, startedAt: load.started_at });
  }
  return interrupted;
}

/** Releases the lock of a finished load. Best effort: a lost session has released it already. */
async function releaseLoadLock(db: Kysely<WarehouseSchema>, loadId: number): Promise<void> {
  try {
    await sql`select pg_advisory_unlock(${LOAD_LOCK_CLASS}, ${loadId})`.execute(db);
  } catch {
    // The connection is gone, and the lock with it.
  }
}
