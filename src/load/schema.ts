/**
 * The warehouse's tables as Kysely sees them (column names are the SQL names, snake_case).
 * `Generated` columns are filled by the database; a `ColumnType<S, I, U>` reads as S and is
 * written as I (insert) / U (update). Exact decimals (`numeric`) are read and written as strings,
 * JSON columns (`jsonb`) are written as JSON text and read back parsed. The DDL is in
 * migrations/0001-initial.ts.
 */
import type { ColumnType, Generated } from 'kysely';
import type { CheckInput } from '../model.ts';

/** A `numeric` column: an exact decimal string both ways, e.g. "13424.22". */
type Numeric = ColumnType<string, string, string>;
/** A nullable `numeric` column. */
type NullableNumeric = ColumnType<string | null, string | null, string | null>;
/** A `jsonb` column holding T: written as JSON text (`JSON.stringify`), read back parsed. */
type Json<T> = ColumnType<T, string, string>;
/** A `timestamptz` column, defaulting to now() on insert. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `bigint` identity column; drivers disagree on its JS type (pg: string), so never rely on it. */
type BigIdentity = ColumnType<string | number | bigint, never, never>;

/** One source file version, keyed by the SHA-256 of its bytes. Rows are kept as history. */
export interface SourcesTable {
  source_id: string;
  /** File base name: the export's `seed`. */
  name: string;
  path: string;
  kind: 'text' | 'pdf';
  bytes: number;
  pages: number | null;
  edition: number | null;
  first_loaded_at: Timestamp;
  last_loaded_at: Timestamp;
  /**
   * The completed load whose records of this source are in the warehouse now; null while none
   * is (never loaded to completion, or replaced by another version of the same name).
   */
  current_load_id: number | null;
}

/** Status of a load: 'running' until its data transaction commits ('completed') or fails. */
export type LoadStatus = 'running' | 'completed' | 'failed';

/** One attempt to load one source. */
export interface LoadsTable {
  load_id: Generated<number>;
  source_id: string;
  started_at: Timestamp;
  finished_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  status: LoadStatus;
  error: string | null;
  observation_count: number | null;
  table_count: number | null;
}

/** One reconstructed table of a source (model `TableRecord`). */
export interface ReportTablesTable {
  table_id: BigIdentity;
  source_id: string;
  load_id: number;
  table_ref: string;
  table_title: string;
  table_kind: string;
  title_line: number | null;
  first_line: number;
  last_line: number;
  columns: Json<string[]>;
  observation_count: number;
  caption_status: 'found' | 'provisional';
  /** Exact decimal text on read (numeric). */
  caption_score: string | number | null;
  caption_evidence: Json<{ kind: string; weight: number; detail: string }[]>;
}

/** One observation (model `Observation`): `value` exact numeric, `value_text` as printed. */
export interface ObservationsTable {
  obs_id: BigIdentity;
  source_id: string;
  load_id: number;
  edition: number | null;
  table_ref: string;
  table_title: string;
  table_kind: string;
  data_year: number;
  row_label: string;
  parent_label: string;
  column_group: string;
  dimensions: Json<Record<string, string>>;
  measure: string;
  value: Numeric;
  value_text: string;
  decimals: number;
  unit: string;
  unit_mult: number;
  obs_status: string;
  footnotes: string;
  page: number | null;
  line: number;
  raw: string;
}

/** Something transform could not place (model `Finding`). */
export interface FindingsTable {
  finding_id: BigIdentity;
  source_id: string;
  load_id: number;
  kind: string;
  table_ref: string | null;
  line: number;
  page: number | null;
  message: string;
  raw: string;
}

/** One reconciliation check outcome (model `CheckResult`), stored under the load it ran in. */
export interface CheckResultsTable {
  check_id: BigIdentity;
  source_id: string;
  load_id: number;
  check_kind: string;
  table_ref: string;
  status: 'pass' | 'fail' | 'skipped';
  severity: 'error' | 'warning' | 'review' | 'info';
  subject: string;
  printed: NullableNumeric;
  expected_low: NullableNumeric;
  expected_high: NullableNumeric;
  gap: NullableNumeric;
  message: string;
  inputs: Json<CheckInput[]>;
}

/** Every table of the warehouse, by SQL name. */
export interface WarehouseSchema {
  sources: SourcesTable;
  loads: LoadsTable;
  report_tables: ReportTablesTable;
  observations: ObservationsTable;
  findings: FindingsTable;
  check_results: CheckResultsTable;
}

/** Names of the warehouse tables, children before parents (a safe order to empty them). */
export const WAREHOUSE_TABLES = [
  'check_results',
  'findings',
  'observations',
  'report_tables',
  'loads',
  'sources',
] as const satisfies readonly (keyof WarehouseSchema)[];

