/** `etl export`: every observation as CSV or JSONL, to a file or standard output. */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { exportObservations } from '../export/export.ts';
import { UsageError } from './errors.ts';
import { openConfigured } from './warehouse.ts';

/**
 * Writes the export; prints the row count on stderr when writing to a file. Errors: UsageError
 * when the output file cannot be created (before the warehouse is opened), and those of
 * `openConfigured`. A reader that stops early (`etl export | head`) ends the export quietly.
 */
export async function exportCommand(configPath: string, format: 'csv' | 'jsonl', output?: string): Promise<void> {
  const file = output ? await openOutput(output) : null;
  const { warehouse } = await openConfigured(configPath);
  try {
    if (file) {
      const n = await exportObservations(warehouse.db, format, file);
      file.end();
      await finished(file);
      console.error(`${n} observations written to ${output}`);
    } else {
      await untilReaderCloses(exportObservations(warehouse.db, format, process.stdout));
    }
  } finally {
    await warehouse.close();
  }
}

/** Creates (truncates) the output file. Errors: UsageError naming the file and the reason. */
async function openOutput(path: string): Promise<WriteStream> {
  const stream = createWriteStream(path);
  try {
    await once(stream, 'open');
    return stream;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new UsageError(`cannot write ${path}: ${code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' ? 'permission denied' : (error as Error).message}`);
  }
}

/**
 * Waits for `work` (writing to standard output), or returns as soon as standard output's reader
 * has gone (EPIPE): what was asked for was delivered, so that is no error. Other errors of
 * standard output or of `work` are thrown.
 */
async function untilReaderCloses(work: Promise<unknown>): Promise<void> {
  let onError!: (error: Error) => void;
  const readerGone = new Promise<void>((resolve, reject) => {
    onError = (error: Error & { code?: string }) => (error.code === 'EPIPE' ? resolve() : reject(error));
  });
  // Stays attached: once the reader is gone, the export's later writes fail the same way.
  process.stdout.on('error', onError);
  // The export may still be waiting for the pipe when the reader goes; closing the warehouse ends it.
  work.catch(() => {});
  try {
    await Promise.race([work, readerGone]);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EPIPE') throw error;
  }
}
