/**
 * Idempotent per-source load (DESIGN.md "src/load"): the records of one source replace, in one
 * transaction, whatever the warehouse held for that source, delete-then-insert, keyed by the
 * source's file name and its SHA-256. A `loads` row records every attempt and its outcome.
 */
import { sql, type Kysely } from 'kysely';
import type { CheckResult, SourceDocument, TransformResult } from '../model.ts';
import { insertInBatches } from './batch.ts';
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
 * rethrown. Throws before writing anything when a record belongs to another source.
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
      await insertInBatches(trx, 'report_tables', result.tables.map((t) => tableRow(t, loadId)));
      await insertInBatches(trx, 'observations', result.observations.map((o) => observationRow(o, loadId)));
      await insertInBatches(trx, 'findings', result.findings.map((f) => findingRow(f, loadId)));
      await insertInBatches(trx, 'check_results', checks.map((c) => checkRow(c, loadId)));
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
  }
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
