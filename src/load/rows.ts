/**
 * Model records (model.ts, camelCase) → warehouse rows (schema.ts, snake_case). Values are
 * copied as they are: exact decimals stay strings (`value` goes to the numeric column and,
 * verbatim, to `value_text`), JSON columns are serialised here.
 */
import type { Insertable } from 'kysely';
import type { CheckResult, Finding, Observation, SourceDocument, TableRecord } from '../model.ts';
import type {
  CheckResultsTable,
  FindingsTable,
  ObservationsTable,
  ReportTablesTable,
  SourcesTable,
} from './schema.ts';

/** The `sources` row of a document (timestamps and current load are left to the database). */
export function sourceRow(doc: Omit<SourceDocument, 'lines'>, edition: number | null): Insertable<SourcesTable> {
  return {
    source_id: doc.sourceId,
    name: doc.name,
    path: doc.path,
    kind: doc.kind,
    bytes: doc.bytes,
    pages: doc.pages,
    edition,
  };
}

/** The `report_tables` row of a table written by load `loadId`. */
export function tableRow(t: TableRecord, loadId: number): Insertable<ReportTablesTable> {
  return {
    source_id: t.sourceId,
    load_id: loadId,
    table_ref: t.tableRef,
    table_title: t.tableTitle,
    table_kind: t.tableKind,
    title_line: t.titleLine,
    first_line: t.firstLine,
    last_line: t.lastLine,
    columns: JSON.stringify(t.columns),
    observation_count: t.observationCount,
    caption_status: t.reading.caption,
    caption_score: t.reading.score,
    caption_evidence: JSON.stringify(t.reading.evidence),
  };
}

/** The `observations` row of an observation written by load `loadId`. */
export function observationRow(o: Observation, loadId: number): Insertable<ObservationsTable> {
  return {
    source_id: o.sourceId,
    load_id: loadId,
    edition: o.edition,
    table_ref: o.tableRef,
    table_title: o.tableTitle,
    table_kind: o.tableKind,
    data_year: o.dataYear,
    row_label: o.rowLabel,
    parent_label: o.parentLabel,
    column_group: o.columnGroup,
    dimensions: JSON.stringify(o.dimensions),
    measure: o.measure,
    value: o.value,
    value_text: o.value,
    decimals: o.decimals,
    unit: o.unit,
    unit_mult: o.unitMult,
    obs_status: o.obsStatus,
    footnotes: o.footnotes,
    page: o.page,
    line: o.line,
    raw: o.raw,
  };
}

/** The `findings` row of a finding written by load `loadId`. */
export function findingRow(f: Finding, loadId: number): Insertable<FindingsTable> {
  return {
    source_id: f.sourceId,
    load_id: loadId,
    kind: f.kind,
    table_ref: f.tableRef,
    line: f.line,
    page: f.page,
    message: f.message,
    raw: f.raw,
  };
}

/** The `check_results` row of a check result stored under load `loadId`. */
export function checkRow(c: CheckResult, loadId: number): Insertable<CheckResultsTable> {
  return {
    source_id: c.sourceId,
    load_id: loadId,
    check_kind: c.checkKind,
    table_ref: c.tableRef,
    status: c.status,
    severity: c.severity,
    subject: c.subject,
    printed: c.printed,
    expected_low: c.expectedLow,
    expected_high: c.expectedHigh,
    gap: c.gap,
    message: c.message,
    inputs: JSON.stringify(c.inputs),
  };
}
