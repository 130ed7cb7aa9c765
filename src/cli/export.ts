/** `etl export`: every observation as CSV or JSONL, to a file or standard output. */
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { exportObservations } from '../export/export.ts';
import { openConfigured } from './warehouse.ts';

/** Writes the export; prints the row count on stderr when writing to a file. */
export async function exportCommand(configPath: string, format: 'csv' | 'jsonl', output?: string): Promise<void> {
  const { warehouse } = await openConfigured(configPath);
  try {
    const out = output ? createWriteStream(output) : process.stdout;
    const n = await exportObservations(warehouse.db, format, out);
    if (output) {
      out.end();
      await finished(out);
      console.error(`${n} observations written to ${output}`);
    }
  } finally {
    await warehouse.close();
  }
}
