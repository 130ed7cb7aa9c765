/**
 * `export`: every observation of the warehouse as CSV (RFC 4180 quoting, LF line ends, header
 * row) or JSON Lines, streamed in batches, in an order that depends only on the data, so two
 * rebuilds from the same sources give byte-identical files.
 */
import { once } from 'node:events';
import { stringify } from 'csv-stringify/sync';
import { sql, type Kysely } from 'kysely';
import type { WarehouseSchema } from '../load/schema.ts';
import { EXPORT_COLUMNS, toCsvRecord, toJsonRecord, type ExportRow } from './columns.ts';
import { forEachBatch } from './cursor.ts';

/** Export file formats. */
export type ExportFormat = 'csv' | 'jsonl';

const BATCH_ROWS = 2000;

/**
 * The observations in export order: source name, the table's first line (from report_tables, else
 * its first observation's line), table_ref, line, measure, data_year, column_group, row_label,
 * parent_label, dimensions; text compared byte-wise (collation "C") so PGlite and a server agree.
 * obs_id breaks any remaining tie: insertion order, itself deterministic for a given source.
 */
const EXPORT_QUERY = sql<ExportRow>`
  with table_start as (
    select source_id, table_ref, min(first_line) as first_line
    from report_tables
    group by source_id, table_ref
  )
  select s.name as seed, o.table_ref, o.data_year, o.row_label, o.parent_label, o.column_group,
         o.measure, o.value_text as value, o.unit, o.line as source_line, o.page, o.edition,
         o.table_kind, o.table_title, o.decimals, o.unit_mult, o.dimensions, o.source_id
  from observations o
  join sources s on s.source_id = o.source_id
  left join table_start t on t.source_id = o.source_id and t.table_ref = o.table_ref
  order by s.name collate "C",
           coalesce(t.first_line, min(o.line) over (partition by o.source_id, o.table_ref)),
           o.table_ref collate "C", o.line, o.measure collate "C", o.data_year,
           o.column_group collate "C", o.row_label collate "C", o.parent_label collate "C",
           o.dimensions::text collate "C", o.obs_id`;

/**
 * Writes every observation to `out`, one per row (CSV, header first) or line (JSONL), columns
 * as EXPORT_COLUMNS. Waits for `out` to drain when it is full; does not end `out`. Returns the
 * number of observations written. Errors: the database's, or `out`'s 'error' while draining.
 */
export async function exportObservations(
  db: Kysely<WarehouseSchema>,
  format: ExportFormat,
  out: NodeJS.WritableStream,
): Promise<number> {
  if (format === 'csv') await write(out, `${EXPORT_COLUMNS.join(',')}\n`);
  return forEachBatch(db, EXPORT_QUERY, BATCH_ROWS, async (rows) => {
    const text =
      format === 'csv'
        ? stringify(rows.map(toCsvRecord))
        : rows.map((row) => `${JSON.stringify(toJsonRecord(row))}\n`).join('');
    await write(out, text);
  });
}

/** Writes `chunk`, then waits for 'drain' if the stream's buffer is full. */
async function write(out: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}
