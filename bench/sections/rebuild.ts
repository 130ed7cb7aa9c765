/**
 * End-to-end `etl rebuild` of the bundled fixtures (the configuration's sources), as a user runs
 * it: into the embedded database with a fresh data directory (PGlite's initdb included) and
 * with an existing one, and into the PostgreSQL server; wall time and peak RSS of the whole
 * process. Then when things happen in it (bench/lib/timeline.ts), what each stage costs in one
 * thread (bench/lib/phases.ts), and what starting the command alone costs (`etl --help`: Node,
 * the bundle and its imports).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { dropSchema, runRebuild, serverAvailable, SERVER_URL, writeConfig, type RebuildRun } from '../lib/cli.ts';
import { fmtInt, fmtMs, median, ROOT, runChild, runScript, spread } from '../lib/measure.ts';
import type { Figures } from '../lib/report.ts';
import { rebuildTimeline, type Timeline } from '../lib/timeline.ts';

const SCHEMA = 'bench';

/** Prints one case: the medians of wall time, CPU time and peak RSS. */
function printCase(label: string, runs: RebuildRun[]): { ms: number; cpuMs: number; rssMb: number } {
  const ms = median(runs.map((r) => r.ms));
  const cpuMs = median(runs.map((r) => r.cpuMs));
  const rssMb = median(runs.map((r) => r.rssMb));
  console.log(`  ${label.padEnd(34)} wall ${fmtMs(ms).padStart(8)}   CPU ${fmtMs(cpuMs).padStart(8)}   peak RSS ${rssMb.toFixed(0).padStart(5)} MB   (wall ${spread(runs.map((r) => r.ms), fmtMs)})`);
  return { ms, cpuMs, rssMb };
}

/** Runs `n` rebuilds with `config`, after `before()` for each. */
async function repeat(n: number, configPath: string, server: boolean, before: () => void = () => {}): Promise<RebuildRun[]> {
  const runs: RebuildRun[] = [];
  for (let i = 0; i < n; i++) {
    before();
    const run = await runRebuild(configPath, server);
    if (run.failed) throw new Error(`rebuild: ${run.failed} sources failed`);
    runs.push(run);
  }
  return runs;
}

/** The median of each moment of `n` timelines (bench/lib/timeline.ts). */
async function timelines(n: number, configPath: string, server: boolean): Promise<Timeline> {
  const all: Timeline[] = [];
  for (let i = 0; i < n; i++) all.push(await rebuildTimeline(configPath, { DATABASE_URL: server ? SERVER_URL : '' }));
  return Object.fromEntries(Object.keys(all[0]).map((k) => [k, median(all.map((t) => t[k as keyof Timeline]))])) as unknown as Timeline;
}

/** Prints a timeline on one line. */
function printTimeline(label: string, t: Timeline): void {
  const s = (v: number) => `${v.toFixed(2)} s`;
  console.log(`  timeline, ${label} (seconds from spawn; median):
    first source starts ${s(t.firstStart)}, warehouse open ${s(t.warehouseReady)}, ` +
    `all prepared ${s(t.allPrepared)}, last load done ${s(t.lastLoaded)}, exit ${s(t.exit)}`);
}

/** Median milliseconds per phase over `n` runs of bench/lib/phases.ts. */
async function phases(n: number, configPath: string, server: boolean, fresh: () => boolean): Promise<Record<string, number>> {
  const all: Record<string, number>[] = [];
  for (let i = 0; i < n; i++) {
    const args = [configPath, ...(fresh() ? ['--fresh'] : [])];
    const run = await runScript('bench/lib/phases.ts', args, { DATABASE_URL: server ? SERVER_URL : '' });
    const times = JSON.parse(run.stdout) as Record<string, number>;
    times['process start (wall − phases)'] = run.ms - Object.values(times).reduce((a, b) => a + b, 0);
    all.push(times);
  }
  return Object.fromEntries(Object.keys(all[0]).map((k) => [k, median(all.map((t) => t[k] ?? 0))]));
}

/** Prints a phase breakdown on one line. */
function printPhases(label: string, times: Record<string, number>): void {
  const parts = Object.entries(times).map(([k, v]) => `${k} ${fmtMs(v)}`);
  console.log(`  each stage alone, one source after another in one thread from the TypeScript sources (imports through tsx), ${label}:\n    ${parts.join(', ')}`);
}

/** The rebuild benchmarks; returns the figures the summary needs. */
export async function benchRebuild(runs: number): Promise<Figures> {
  const base = await loadConfig(join(ROOT, 'pipeline.config.ts'));
  const work = mkdtempSync(join(tmpdir(), 'bench-rebuild-'));
  const figures: Figures = {};
  try {
    const config = (name: string, dataDir: string) =>
      writeConfig(work, name, { sources: base.sources, dataDir, schema: SCHEMA, concurrency: base.concurrency });
    const freshDir = join(work, 'fresh');
    const fresh = config('fresh', freshDir);
    const existing = config('existing', join(work, 'existing'));
    await runRebuild(existing, false); // creates and migrates the data directory
    const first = await runRebuild(existing, false);
    console.log(`\nRebuild of the bundled fixtures (${first.sources} sources, ${fmtInt(first.observations)} observations), median of ${runs}:`);
    const cold = printCase('embedded, fresh data directory', await repeat(runs, fresh, false, () => rmSync(freshDir, { recursive: true, force: true })));
    const warm = printCase('embedded, existing data directory', await repeat(runs, existing, false));
    figures['rebuild.embedded.fresh.ms'] = cold.ms;
    figures['rebuild.embedded.fresh.cpuMs'] = cold.cpuMs;
    figures['rebuild.embedded.fresh.rssMb'] = cold.rssMb;
    figures['rebuild.embedded.ms'] = warm.ms;
    figures['rebuild.embedded.cpuMs'] = warm.cpuMs;
    figures['rebuild.embedded.rssMb'] = warm.rssMb;
    const server = await serverAvailable();
    if (server) {
      await dropSchema(SCHEMA);
      await runRebuild(existing, true); // creates and migrates the schema
      const s = printCase(`server (schema ${SCHEMA})`, await repeat(runs, existing, true));
      figures['rebuild.server.ms'] = s.ms;
      figures['rebuild.server.rssMb'] = s.rssMb;
    } else console.log(`  server: skipped (${SERVER_URL.replace(/:[^:@/]*@/, ':***@')} does not answer)`);
    const help = [];
    for (let i = 0; i < runs; i++) help.push(await runChild(process.execPath, [join(ROOT, 'bin', 'etl.js'), '--help']));
    const startup = { ms: median(help.map((h) => h.ms)), cpuMs: median(help.map((h) => h.cpuMs)) };
    console.log(`  ${'start-up alone (etl --help)'.padEnd(34)} wall ${fmtMs(startup.ms).padStart(8)}   CPU ${fmtMs(startup.cpuMs).padStart(8)}`);
    figures['startup.ms'] = startup.ms;
    printTimeline('embedded, existing data directory', await timelines(runs, existing, false));
    if (server) printTimeline('server', await timelines(runs, existing, true));
    printPhases('embedded, fresh data directory', await phases(runs, fresh, false, () => (rmSync(freshDir, { recursive: true, force: true }), true)));
    printPhases('embedded, existing data directory', await phases(runs, existing, false, () => false));
    if (server) printPhases('server', await phases(runs, existing, true, () => false));
    return figures;
  } finally {
    rmSync(work, { recursive: true, force: true });
    if (await serverAvailable()) await dropSchema(SCHEMA);
  }
}
