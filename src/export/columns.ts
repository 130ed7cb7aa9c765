/**
 * The export's columns (DESIGN.md "Export contract", golden/FORMAT.md) and how a warehouse row
 * becomes a CSV record or a JSON object. The first ten columns are the contract, in its order.
 */

/** Contract columns first, then the extras; this is the CSV header and the JSON key order. */
export const EXPORT_COLUMNS = [
  'seed',
  'table_ref',
  'data_year',
  'row_label',
  'parent_label',
  'column_group',
  'measure',
  'value',
  'unit',
  'source_line',
  'page',
  'edition',
  'table_kind',
  'table_title',
  'decimals',
  'unit_mult',
  'dimensions',
  'source_id',
] as const;

/**
 * One exported observation as read from the warehouse. `seed` is the source file name, `value`
 * the number exactly as stored in value_text ("2.0", "100.00"), `source_line` the 1-based line.
 */
export interface ExportRow {
  seed: string;
  table_ref: string;
  data_year: number;
  row_label: string;
  parent_label: string;
  column_group: string;
  measure: string;
  value: string;
  unit: string;
  source_line: number;
  page: number | null;
  edition: number | null;
  table_kind: string;
  table_title: string;
  decimals: number;
  unit_mult: number;
  dimensions: Record<string, string>;
  source_id: string;
}

/** The row as a JSON object: EXPORT_COLUMNS order, dimensions with keys sorted (stable bytes). */
export function toJsonRecord(row: ExportRow): ExportRow {
  const record = {} as Record<string, unknown>;
  for (const column of EXPORT_COLUMNS) record[column] = row[column];
  record.dimensions = sortKeys(row.dimensions);
  return record as unknown as ExportRow;
}

/** The row as CSV fields in EXPORT_COLUMNS order: null → "", dimensions → sorted-key JSON. */
export function toCsvRecord(row: ExportRow): string[] {
  return EXPORT_COLUMNS.map((column) => {
    if (column === 'dimensions') return JSON.stringify(sortKeys(row.dimensions));
    const value = row[column];
    return value === null ? '' : String(value);
  });
}

/** A copy of `o` with its keys in code-point order (jsonb returns its own key order). */
function sortKeys(o: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
