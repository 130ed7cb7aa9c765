/**
 * The main job: each source is extracted, transformed and checked (several at once, bounded by
 * the configured concurrency) and then loaded (one at a time, each in its own transaction).
 * A source that fails is reported with its reason; the others still load.
 */
import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import pLimit from 'p-limit';
import { runChecks } from './checks/index.ts';
import { isDirectory, type Config } from './config.ts';
import { SOURCE_EXTENSIONS, extractSource } from './extract/index.ts';
import type { Warehouse } from './load/db.ts';
import { loadSource } from './load/loader.ts';
import { transformDocument } from './transform/index.ts';

/** What happened to one source in a run. Counts are of this source's records. */
export interface SourceSummary {
  name: string;
  path: string;
  status: 'loaded' | 'replaced' | 'unchanged' | 'failed';
  edition: number | null;
  tables: number;
  observations: number;
  findings: number;
  checksPassed: number;
  /** Checks failing beyond rounding (severity error). */
  checksFailed: number;
  /** Checks failing in a way truncation or a share nudged to 100 explains (severity warning). */
  checksWarned: number;
  checksSkipped: number;
  error?: string;
}

/**
 * Expands folders into the source files directly inside them (known extensions, sorted by
 * name); files are kept as given. Errors: a path that does not exist.
 */
export async function listSources(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    if (!isDirectory(p)) {
      out.push(p);
      continue;
    }
    const names = (await readdir(p, { withFileTypes: true }))
      .filter((e) => e.isFile() && (SOURCE_EXTENSIONS as readonly string[]).includes(extname(e.name).toLowerCase()))
      .map((e) => e.name)
      .sort();
    out.push(...names.map((n) => join(p, n)));
  }
  return out;
}

/** Progress callback: called when a source starts and when it is done. */
export type Progress = (event: { phase: 'start' | 'done'; path: string; summary?: SourceSummary }) => void;

/**
 * Ingests source files into the warehouse. Returns one summary per file, in the order given.
 * Never throws for a bad source (its summary has status 'failed' and the error); throws only if
 * the database itself fails.
 */
export async function ingest(warehouse: Warehouse, files: string[], config: Config, progress: Progress = () => {}): Promise<SourceSummary[]> {
  const limit = pLimit(config.concurrency);
  let loading: Promise<unknown> = Promise.resolve();
  const one = async (path: string): Promise<SourceSummary> => {
    progress({ phase: 'start', path });
    const base: SourceSummary = {
      name: path.split('/').pop() ?? path, path, status: 'failed', edition: null, tables: 0, observations: 0,
      findings: 0, checksPassed: 0, checksFailed: 0, checksWarned: 0, checksSkipped: 0,
    };
    let summary: SourceSummary;
    try {
      const doc = await extractSource(path);
      const result = transformDocument(doc);
      const checks = runChecks(result.observations, { tolerance: config.tolerance });
      const { lines: _lines, ...meta } = doc;
      const load = (loading = loading.then(() => loadSource(warehouse.db, meta, result, checks)));
      const outcome = await (load as Promise<Awaited<ReturnType<typeof loadSource>>>);
      summary = {
        ...base, name: doc.name, status: outcome.status, edition: result.edition, tables: result.tables.length,
        observations: outcome.observations, findings: result.findings.length,
        checksPassed: checks.filter((c) => c.status === 'pass').length,
        checksFailed: checks.filter((c) => c.status === 'fail' && c.severity === 'error').length,
        checksWarned: checks.filter((c) => c.status === 'fail' && c.severity !== 'error').length,
        checksSkipped: checks.filter((c) => c.status === 'skipped').length,
      };
    } catch (error) {
      if (isDatabaseError(error)) throw error;
      summary = { ...base, error: error instanceof Error ? error.message : String(error) };
    }
    progress({ phase: 'done', path, summary });
    return summary;
  };
  return Promise.all(files.map((f) => limit(() => one(f))));
}

/** Errors of the database itself (connection lost, migration failed) end the whole run. */
function isDatabaseError(error: unknown): boolean {
  return error instanceof Error && error.name === 'DatabaseUnreachableError';
}
