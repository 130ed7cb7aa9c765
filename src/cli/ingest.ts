/**
 * `etl ingest` and `etl rebuild`: run the pipeline, show progress, print a summary per source
 * (text, or one JSON document with --format json; see RunSummary).
 */
import cliProgress from 'cli-progress';
import { SOURCE_EXTENSIONS } from '../extract/index.ts';
import type { InterruptedLoad } from '../load/loader.ts';
import { clearWarehouse } from '../load/maintenance.ts';
import { ingest, type Progress, type SourceSummary } from '../pipeline.ts';
import { isMissing, listSources, withoutDuplicates, type DuplicateSource, type SourceList } from '../source-list.ts';
import { EXIT, UsageError, exitCodeFor } from './errors.ts';
import { loadConfig } from '../config.ts';
import { oneLine, printableName } from './printable.ts';
import { openFor } from './warehouse.ts';

export { EXIT } from './errors.ts';

/** Output options of ingest and rebuild. */
export interface RunOptions {
  format: 'text' | 'json';
  /** Log each stage of each source on standard error. */
  verbose: boolean;
  /** Load sources that are no report or document of the warehouse instead of failing them (`--force`). */
  force: boolean;
}

/**
 * The JSON document `--format json` prints (one, on standard output), also when the run ends in
 * an error (then `error` is set, `sources` lists the sources done before it, possibly none, and
 * `totals` counts what is listed).
 * Every key is always present; `exitCode` is the process's exit code.
 */
export interface RunSummary {
  command: 'ingest' | 'rebuild';
  exitCode: number;
  /** "PGlite at /abs/dir" or "PostgreSQL at host:port/db" (never a password); null if not opened. */
  warehouse: string | null;
  seconds: number;
  totals: { sources: number; loaded: number; replaced: number; unchanged: number; failed: number; observations: number; findings: number; checksFailed: number; checksReview: number; checksWarned: number };
  /** Loads of earlier runs whose process died, found by this run and marked failed. */
  interruptedLoads: { loadId: number; name: string; sourceId: string; startedAt: string }[];
  /** Paths skipped because they name a file already in the run (loaded once, counted once). */
  duplicates: DuplicateSource[];
  sources: SourceSummary[];
  /** The error that ended the run (exit codes 2, 3, 5), else null. */
  error: string | null;
}

/** Ingests the given files/folders. Sets process.exitCode: 0, or 1 when a source failed. Errors: see `run`. */
export async function ingestCommand(paths: string[], configPath: string, options: RunOptions): Promise<void> {
  await run('ingest', configPath, options, async () => {
    const missing = paths.filter(isMissing);
    if (missing.length) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);
    return listOrRefuse(paths);
  });
}

/** Empties the warehouse and ingests every configured source (refused, before emptying, when there are none). */
export async function rebuildCommand(configPath: string, options: RunOptions): Promise<void> {
  await run('rebuild', configPath, options, (sources) => listOrRefuse(sources));
}

/** The source files of `paths`, each file once; UsageError when there are none. */
async function listOrRefuse(paths: string[]): Promise<SourceList> {
  const list = withoutDuplicates(await listSources(paths));
  if (!list.files.length) throw new UsageError(`no source files (${SOURCE_EXTENSIONS.join(', ')}) in ${paths.join(', ')}`);
  return list;
}

/**
 * Loads the configuration and lists the sources (nothing is done before these succeed), then
 * opens the warehouse and empties it for a rebuild while the first sources are already being
 * prepared (nothing is written before it is open), ingests and prints the summary. Errors (after
 * printing the JSON document with --format json, or with text the summary of the sources done
 * before the error once the warehouse was open): ConfigError, UsageError,
 * DatabaseUnreachableError, WarehouseInUseError, DatabaseFailedError, anything unexpected.
 */
async function run(command: RunSummary['command'], configPath: string, options: RunOptions, sources: (configured: string[]) => Promise<SourceList>): Promise<void> {
  const started = Date.now();
  const summary: RunSummary = { command, exitCode: EXIT.ok, warehouse: null, seconds: 0, totals: totalsOf([]), interruptedLoads: [], duplicates: [], sources: [], error: null };
  try {
    const config = await loadConfig(configPath);
    const { files: list, duplicates } = await sources(config.sources);
    summary.duplicates = duplicates;
    if (options.verbose) for (const d of duplicates) console.error(`etl: ${printableName(d.path)}: skipped (the same file as ${printableName(d.sameAs)})`);
    const opening = openFor(config).then(async (warehouse) => {
      summary.warehouse = warehouse.location;
      if (command === 'rebuild') await clearWarehouse(warehouse.db);
      if (options.verbose) console.error(`etl: warehouse ready: ${warehouse.location}${command === 'rebuild' ? ', emptied' : ''}`);
      return warehouse;
    });
    // The sources done so far, for the summary of a run the database ends half-way.
    const done = new Map<string, SourceSummary>();
    const report = progress(list.length, options);
    try {
      const { sources, interrupted } = await ingest(opening, list, config, (event) => {
        if (event.summary) done.set(event.path, event.summary);
        report(event);
      }, { force: options.force });
      summary.sources = sources;
      summary.interruptedLoads = interrupted.map(interruptedJson);
      summary.totals = totalsOf(sources);
      summary.exitCode = sources.some((s) => s.status === 'failed') ? EXIT.sourcesFailed : EXIT.ok;
    } catch (error) {
      summary.sources = list.flatMap((path) => done.get(path) ?? []);
      summary.totals = totalsOf(summary.sources);
      throw error;
    } finally {
      await (await opening.catch(() => null))?.close();
    }
  } catch (error) {
    summary.exitCode = exitCodeFor(error);
    summary.error = error instanceof Error ? error.message : String(error);
    if (options.format === 'json') printJson(summary, started);
    else if (summary.warehouse !== null) printSummary(summary, started);
    throw error;
  }
  if (options.format === 'json') printJson(summary, started);
  else printSummary(summary, started);
  process.exitCode = summary.exitCode;
}

/** Prints the run summary as one JSON document on standard output. */
function printJson(summary: RunSummary, started: number): void {
  console.log(JSON.stringify({ ...summary, seconds: elapsed(started) }, null, 2));
}

/** Seconds since `started`, to a tenth. */
function elapsed(started: number): number {
  return Math.round((Date.now() - started) / 100) / 10;
}

/** The run's totals over its sources. */
function totalsOf(sources: SourceSummary[]): RunSummary['totals'] {
  const count = (status: SourceSummary['status']) => sources.filter((s) => s.status === status).length;
  const sum = (key: 'observations' | 'findings' | 'checksFailed' | 'checksReview' | 'checksWarned') => sources.reduce((n, s) => n + s[key], 0);
  return {
    sources: sources.length, loaded: count('loaded'), replaced: count('replaced'), unchanged: count('unchanged'), failed: count('failed'),
    observations: sum('observations'), findings: sum('findings'), checksFailed: sum('checksFailed'), checksReview: sum('checksReview'), checksWarned: sum('checksWarned'),
  };
}

/** An interrupted load as the JSON summary lists it. */
function interruptedJson(load: InterruptedLoad): RunSummary['interruptedLoads'][number] {
  return { loadId: load.loadId, name: load.name, sourceId: load.sourceId, startedAt: new Date(load.startedAt).toISOString() };
}

/**
 * Progress on standard error: with --verbose one line per stage of each source; otherwise a
 * progress bar on a terminal; nothing else (and nothing with JSON output unless --verbose).
 */
function progress(total: number, options: RunOptions): Progress {
  if (options.verbose) {
    return ({ phase, path, summary }) => {
      const outcome = phase === 'done' && summary ? `: ${summary.status}${summary.error ? ` (${oneLine(summary.error)})` : ''}` : '';
      console.error(`etl: ${printableName(path)}: ${phase}${outcome}`);
    };
  }
  if (options.format === 'json' || !process.stderr.isTTY) return () => {};
  const bar = new cliProgress.SingleBar({ format: 'ingest [{bar}] {value}/{total} {file}', stream: process.stderr, clearOnComplete: true }, cliProgress.Presets.shades_classic);
  bar.start(total, 0, { file: '' });
  let done = 0;
  return ({ phase, path }) => {
    if (phase === 'done') bar.update(++done, { file: path.split('/').pop() });
    if (done === total) bar.stop();
  };
}

/** Up to six references, then how many more: "?L140, ?L560, … and 3 more". */
function listed(refs: string[]): string {
  return refs.length <= 6 ? refs.join(', ') : `${refs.slice(0, 6).join(', ')} and ${refs.length - 6} more`;
}

/** What a loaded source is, for its summary line: "edition 2018", "edition ?", "document: 国家技术转移体系建设方案", "not recognised". */
function what(s: SourceSummary): string {
  if (s.documentKind === 'document') return s.title ? `document: ${printableName(s.title)}` : 'document';
  if (s.documentKind === 'unrecognised') return 'not recognised';
  return `edition ${s.edition ?? '?'}`;
}

/**
 * Prints the run summary as text: interrupted loads found and duplicate paths skipped, then one
 * line per source (failures with reason and hint), warnings under it, then the totals. File
 * names are printed escaped (printable.ts), so every entry stays on its own lines.
 */
function printSummary(summary: RunSummary, started: number): void {
  console.log(`Warehouse: ${summary.warehouse}`);
  for (const load of summary.interruptedLoads) {
    console.log(
      `  ! an earlier load of ${printableName(load.name)} (load ${load.loadId}, started ${load.startedAt}) was interrupted before it completed: ` +
        `marked failed; none of its records were kept, the version loaded before it (if any) is intact`,
    );
  }
  for (const d of summary.duplicates) console.log(`  = ${printableName(d.path)}: skipped, the same file as ${printableName(d.sameAs)}`);
  for (const s of summary.sources) {
    if (s.status === 'failed') {
      console.log(`  ✗ ${printableName(s.name)}: FAILED — ${oneLine(s.error ?? '')}${s.hint ? ` → ${oneLine(s.hint)}` : ''}`);
      continue;
    }
    const provisional = s.provisionalTables.length ? ` (${s.provisionalTables.length} with a provisional caption: ${listed(s.provisionalTables)})` : '';
    console.log(
      `  ${printableName(s.name)} (${what(s)}): ${s.status}; ${s.tables} tables${provisional}, ${s.observations} observations, ` +
        `${s.findings} unplaced; checks ${s.checksPassed} passed, ${s.checksFailed} beyond rounding, ` +
        `${s.checksReview ? `${s.checksReview} to review, ` : ''}${s.checksWarned} warnings, ${s.checksSkipped} skipped`,
    );
    if (s.unplaced.length) console.log(`    unplaced: ${s.unplaced.map((u) => `${u.count} ${u.reason}`).join('; ')}`);
    for (const w of s.warnings) console.log(`    ! ${oneLine(w)}`);
  }
  const t = summary.totals;
  const skipped = summary.duplicates.length ? `, ${summary.duplicates.length} duplicate ${summary.duplicates.length === 1 ? 'path' : 'paths'} skipped` : '';
  console.log(`${t.sources} sources (${t.failed} failed)${skipped}, ${t.observations} observations, in ${elapsed(started).toFixed(1)} s. Run \`etl check\` for the findings.`);
}
