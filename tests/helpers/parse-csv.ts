/** CSV for tests: golden files and exports in, records out (csv-parse, RFC 4180). */
import { parse } from 'csv-parse/sync';

/**
 * Parses CSV text (quoted fields with "" escapes, CRLF or LF) into objects keyed by the header
 * row. Fields are returned exactly as written (no trimming), so values can be compared byte-wise.
 */
export function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: true, skip_empty_lines: true, bom: true, relax_column_count: true }) as Record<string, string>[];
}
