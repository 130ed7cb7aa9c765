/**
 * `etl tables`: every table of the warehouse's current loads and how it was read — its reference
 * (printed, or provisional "?L1234" when no caption was credible), its lines, the observations it
 * gave, and the evidence that attached its caption (position, years, rows, grouping, citation),
 * so a user can see why a table was read as it was. `--provisional` lists only the tables without
 * a credible caption; `--source` one file. Errors: ConfigError, DatabaseUnreachableError (main.ts).
 */
import { storedTables } from '../audit/warehouse-reads.ts';
import { openConfigured } from './warehouse.ts';

/** Options of `etl tables`. */
export interface TablesOptions {
  format: 'text' | 'json';
  /** Only the tables with a provisional reference. */
  provisional: boolean;
  /** Only the tables of this source file (its base name). */
  source?: string;
}

/** One table as `etl tables --format json` prints it. */
export interface TableListing {
  file: string;
  tableRef: string;
  title: string;
  kind: string;
  caption: 'found' | 'provisional';
  score: number | null;
  titleLine: number | null;
  lines: [number, number];
  observations: number;
  evidence: { kind: string; weight: number; detail: string }[];
}

/** Prints the tables (text: one line per table and one per piece of evidence; json: TableListing[]). */
export async function tablesCommand(configPath: string, options: TablesOptions): Promise<void> {
  const { warehouse } = await openConfigured(configPath);
  try {
    const rows = await storedTables(warehouse.db, options.source);
    const listed: TableListing[] = rows
      .filter((r) => !options.provisional || r.caption_status === 'provisional')
      .map((r) => ({
        file: r.name, tableRef: r.table_ref, title: r.table_title, kind: r.table_kind, caption: r.caption_status,
        score: r.caption_score === null ? null : Number(r.caption_score), titleLine: r.title_line, lines: [r.first_line, r.last_line],
        observations: r.observation_count, evidence: r.caption_evidence,
      }));
    if (options.format === 'json') {
      console.log(JSON.stringify(listed, null, 2));
      return;
    }
    let file = '';
    for (const t of listed) {
      if (t.file !== file) console.log(`${file ? '\n' : ''}== ${t.file}`);
      file = t.file;
      const how = t.caption === 'provisional' ? 'provisional: no credible caption' : `caption${t.titleLine ? ` line ${t.titleLine}` : ''}${t.score !== null ? `, score ${t.score}` : ''}`;
      console.log(`  ${t.tableRef.padEnd(8)} lines ${t.lines[0]}–${t.lines[1]}, ${t.observations} observations (${how})${t.title ? `  ${t.title}` : ''}`);
      for (const e of t.evidence) console.log(`      ${e.weight >= 0 ? '+' : ''}${e.weight.toFixed(2)} ${e.kind}: ${e.detail}`);
    }
    if (!listed.length) console.log(options.provisional ? 'no table with a provisional reference' : 'no tables loaded');
  } finally {
    await warehouse.close();
  }
}
