/**
 * The main job: each source is extracted, transformed and checked (several at once, bounded by
 * the configured concurrency) and then loaded (one at a time, each in its own transaction).
 * A source that fails is reported with its reason; the others still load. A failure of the
 * database itself (connection lost, disk full) ends the run with DatabaseFailedError.
 */
import { basename } from 'node:path';
import pLimit from 'p-limit';
import type { Config } from './config.ts';
import type { Warehouse } from './load/db.ts';
import { DatabaseUnreachableError } from './load/errors.ts';
import { loadSource, markInterruptedLoads, type InterruptedLoad } from './load/loader.ts';
import type { DocumentKind, Finding } from './model.ts';
import { startPreparer } from './prepare/pool.ts';

/** What happened to one source in a run. Counts are of this source's records. Every key is always present. */
export interface SourceSummary {
  /** File base name, e.g. "2022年报告.pdf". */
  name: string;
  /** The path as given (or as listed from a folder). */
  path: string;
  status: 'loaded' | 'replaced' | 'unchanged' | 'failed';
  /**
   * What the source is: 'report', 'document' (a policy or notice: a title or headings, no table),
   * 'unrecognised' (no title, headings or tables: failed, unless loaded with --force); null for a
   * source that failed before it could be classified.
   */
  documentKind: DocumentKind | null;
  /** The title printed on its first lines ("国家技术转移体系建设方案"), or null. */
  title: string | null;
  edition: number | null;
  /** Tables found (table bodies, charts with value labels, sideways tables). */
  tables: number;
  /**
   * References of the tables found without a credible caption, loaded under a provisional
   * reference ("?L1234", the line of their first printed line), in document order.
   */
  provisionalTables: string[];
  observations: number;
  /** Rows and cells transform could not place (see `etl check`). */
  findings: number;
  /** The findings by reason, most frequent first: what could not be placed, and why. */
  unplaced: UnplacedCount[];
  checksPassed: number;
  /** Checks failing beyond rounding (severity error). */
  checksFailed: number;
  /** Checks failing beyond rounding on a table read with low confidence (severity review). */
  checksReview: number;
  /** Checks failing in a way truncation or a share nudged to 100 explains (severity warning). */
  checksWarned: number;
  checksSkipped: number;
  /**
   * What a user should know about a source that loaded: PDF pages that could not be read or carry
   * no text (their figures are missing), a text file read as GB18030 or UTF-16. Empty when none.
   */
  warnings: string[];
  /** Why the source failed: one line starting with its path; null unless status is 'failed'. */
  error: string | null;
  /** What the user can do about the failure; null when there is nothing specific to say. */
  hint: string | null;
}

/** How many findings of one kind a source has, and what that kind means. */
export interface UnplacedCount {
  kind: Finding['kind'];
  count: number;
  /** What the kind means, in words: "rows that fit no table's columns". */
  reason: string;
}

/** What each kind of finding means, for the summary. */
const FINDING_REASONS: Record<Finding['kind'], string> = {
  unplaced_row: "rows that fit no table or no table's columns",
  unparsed_table: 'rows of tables whose header was not understood',
  unplaced_cell: 'cells with no measure or year',
  malformed_number: 'cells that are no number (a slip such as "8l311"), left out',
  unknown_label: 'labels in no codelist',
  invalid_observation: 'figures that are no valid observation',
};

/** The findings of a source counted by kind, most frequent first. */
export function unplacedCounts(findings: readonly Finding[]): UnplacedCount[] {
  const counts = new Map<Finding['kind'], number>();
  for (const f of findings) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([kind, count]) => ({ kind, count, reason: FINDING_REASONS[kind] }));
}

/** The outcome of `ingest`. */
export interface IngestResult {
  /** One summary per source, in the order given. */
  sources: SourceSummary[];
  /** Loads of earlier runs found interrupted (their process died) and now marked 'failed'. */
  interrupted: InterruptedLoad[];
}

/** A failure of the database during a run (connection lost, server shut down, disk full): the run stops. */
export class DatabaseFailedError extends Error {
  override name = 'DatabaseFailedError';
}

/**
 * Progress callback. Phases of one source, in order: 'start' (its preparation begins),
 * 'extracted' (its lines read), 'transformed' (tables found, checks run), 'loading' (its turn to
 * write), 'done' (with its summary; also right after 'start' or 'extracted' when it failed).
 */
export type Progress = (event: { phase: 'start' | 'extracted' | 'transformed' | 'loading' | 'done'; path: string; summary?: SourceSummary }) => void;

/** Options of `ingest` that do not come from the configuration. */
export interface IngestOptions {
  /** Load sources that are no report or document of the warehouse (`--force`) instead of failing them. */
  force?: boolean;
}

/**
 * Ingests source files into the warehouse. Sources are prepared (extracted, transformed, checked:
 * prepare/) at once, on `config.concurrency` worker threads, while the warehouse is still being
 * opened; then loaded one at a time, in the order they are ready. First marks loads of earlier
 * runs whose process died as failed (interrupted). Returns one summary per file, in the order
 * given. Memory is bounded whatever the number of files: at most `config.concurrency` sources
 * are being prepared and at most one more is held waiting for its load, each released once
 * loaded. Never throws for a bad source (its summary has status 'failed', the error and a hint);
 * throws what `warehouse` rejects with, or DatabaseFailedError (or DatabaseUnreachableError)
 * when the database itself fails, after which nothing more is loaded. A source that is no report
 * or document (no title, headings or tables) fails unless `options.force`; one with more than
 * `config.maxFindings` findings fails.
 */
export async function ingest(
  warehouse: Warehouse | Promise<Warehouse>, files: string[], config: Config, progress: Progress = () => {}, options: IngestOptions = {},
): Promise<IngestResult> {
  // The warehouse opens while the first sources are prepared; every load waits for it. Its
  // rejection is observed at once (before any await: a warehouse failing while the preparer
  // starts would otherwise be an unhandled rejection) and rethrown below.
  const ready = Promise.resolve(warehouse).then(async (w) => ({ w, interrupted: await guard('marking interrupted loads', () => markInterruptedLoads(w.db)) }));
  ready.catch(() => {});
  const preparer = await startPreparer(config.concurrency, {
    maxBytes: config.maxSourceBytes, tolerance: config.tolerance, maxFindings: config.maxFindings, force: options.force ?? false,
  });
  const held = pLimit(config.concurrency + 1);
  const preparing = pLimit(config.concurrency);
  const loadQueue = pLimit(1);
  // Once the database has failed, no later load starts (the run is ending with that error).
  let failure: DatabaseFailedError | null = null;
  const one = async (path: string): Promise<SourceSummary> => {
    const base: SourceSummary = {
      name: basename(path), path, status: 'failed', documentKind: null, title: null, edition: null, tables: 0, provisionalTables: [], observations: 0, findings: 0, unplaced: [],
      checksPassed: 0, checksFailed: 0, checksReview: 0, checksWarned: 0, checksSkipped: 0, warnings: [], error: null, hint: null,
    };
    const prepared = await preparing(() => {
      progress({ phase: 'start', path });
      return preparer.prepare(path, (phase) => progress({ phase, path }));
    });
    let summary: SourceSummary;
    if (!prepared.ok) summary = { ...base, documentKind: prepared.documentKind, error: prepared.error, hint: prepared.hint };
    else {
      const { meta, result, checks } = prepared;
      const { w } = await ready;
      const outcome = await loadQueue(async () => {
        if (failure) throw failure;
        progress({ phase: 'loading', path });
        try {
          return await guard(`loading ${meta.name}`, () => loadSource(w.db, meta, result, checks));
        } catch (error) {
          if (error instanceof DatabaseFailedError) failure = error;
          throw error;
        }
      });
      summary = {
        ...base, name: meta.name, status: outcome.status, documentKind: result.document.kind, title: result.document.title,
        edition: result.edition, tables: result.tables.length,
        provisionalTables: result.tables.filter((t) => t.reading.caption === 'provisional').map((t) => t.tableRef),
        observations: outcome.observations, findings: result.findings.length, unplaced: unplacedCounts(result.findings),
        checksPassed: checks.filter((c) => c.status === 'pass').length,
        checksFailed: checks.filter((c) => c.status === 'fail' && c.severity === 'error').length,
        checksReview: checks.filter((c) => c.status === 'fail' && c.severity === 'review').length,
        checksWarned: checks.filter((c) => c.status === 'fail' && (c.severity === 'warning' || c.severity === 'info')).length,
        checksSkipped: checks.filter((c) => c.status === 'skipped').length,
        warnings: prepared.warnings,
      };
    }
    progress({ phase: 'done', path, summary });
    return summary;
  };
  try {
    const sources = await Promise.all(files.map((f) => held(() => one(f))));
    return { sources, interrupted: (await ready).interrupted };
  } catch (error) {
    held.clearQueue();
    throw error;
  } finally {
    await preparer.close();
  }
}

/** Runs a database step; a failure of the database itself becomes a DatabaseFailedError naming the step. */
async function guard<T>(step: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isDatabaseFailure(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new DatabaseFailedError(`the database failed while ${step}: ${message}`, { cause: error });
  }
}

/**
 * Whether an error is the database's own failure rather than this source's: connection errors
 * (SQLSTATE class 08), operator intervention such as a server shutdown (57P), insufficient
 * resources such as a full disk (53), system errors (58), network errors, and a closed PGlite.
 */
function isDatabaseFailure(error: unknown): boolean {
  if (error instanceof DatabaseUnreachableError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^(08|57P|53|58)[0-9A-Z]{2,3}$/.test(code)) return true;
  if (typeof code === 'string' && ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND'].includes(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|Client has encountered a connection error|PGlite is closed/i.test(message);
}
