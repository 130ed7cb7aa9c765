/**
 * `etl query <sql>`: runs one read-only SQL statement against the warehouse (embedded or
 * server) and prints the rows — how README's example queries are run on the embedded database.
 * Only one query statement is accepted, and it runs in a READ ONLY transaction, so a query can
 * never change the warehouse.
 */
import { sql } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import { EXIT } from './ingest.ts';
import { openConfigured } from './warehouse.ts';

/** Prints the rows of `statement` as an aligned table, CSV or JSON; a failing statement exits 2. */
export async function queryCommand(configPath: string, statement: string, format: 'table' | 'csv' | 'json'): Promise<void> {
  const { warehouse } = await openConfigured(configPath);
  try {
    const refused = refuse(statement);
    if (refused) {
      console.error(`etl query: ${refused}`);
      process.exitCode = EXIT.usage;
      return;
    }
    let rows: Record<string, unknown>[];
    try {
      rows = await warehouse.db.transaction().execute(async (trx) => {
        await sql`set transaction read only`.execute(trx);
        return (await sql.raw<Record<string, unknown>>(statement).execute(trx)).rows;
      });
    } catch (error) {
      console.error(`etl query: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = EXIT.usage;
      return;
    }
    if (format === 'json') console.log(JSON.stringify(rows, null, 2));
    else if (format === 'csv') process.stdout.write(stringify(rows, { header: true }));
    else console.log(renderTable(rows));
  } finally {
    await warehouse.close();
  }
}

/**
 * Why a statement is refused, or null: only one statement, and only a query (SELECT, WITH,
 * TABLE, VALUES, EXPLAIN). A second statement could end the READ ONLY transaction ("…; commit;
 * …") on a server, which takes several statements at once.
 */
function refuse(statement: string): string | null {
  const body = statement.trim().replace(/;\s*$/, '');
  if (body.includes(';')) return 'one statement at a time (no ";" inside the statement)';
  if (!/^(select|with|table|values|explain)\b/i.test(body)) return 'only queries (SELECT, WITH, TABLE, VALUES, EXPLAIN) can be run';
  return null;
}

/** Rows as a plain aligned text table (CJK characters count as two columns). */
function renderTable(rows: Record<string, unknown>[]): string {
  if (!rows.length) return '(no rows)';
  const cols = Object.keys(rows[0]);
  const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const width = (s: string) => [...s].reduce((n, c) => n + (/[\u2E80-\uFFEF]/.test(c) ? 2 : 1), 0);
  const widths = cols.map((c) => Math.max(width(c), ...rows.map((r) => width(cell(r[c])))));
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
  const line = (vals: string[]) => vals.map((v, i) => pad(v, widths[i])).join('  ').trimEnd();
  return [line(cols), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(cols.map((c) => cell(r[c]))))].join('\n') + `\n(${rows.length} rows)`;
}
