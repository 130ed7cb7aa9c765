/** `etl ingest` and `etl rebuild`: run the pipeline, show progress, print a summary per source. */
import cliProgress from 'cli-progress';
import { clearWarehouse } from '../load/maintenance.ts';
import { ingest, listSources, type Progress, type SourceSummary } from '../pipeline.ts';
import { openConfigured } from './warehouse.ts';

/** Exit codes the CLI keeps (README "When things go wrong"). */
export const EXIT = { ok: 0, sourcesFailed: 1, usage: 2, database: 3, checksFailed: 4 } as const;

/** Ingests the given files/folders. Sets process.exitCode: 0, or 1 when a source failed. */
export async function ingestCommand(paths: string[], configPath: string, format: 'text' | 'json'): Promise<void> {
  await run(configPath, format, async () => listSources(paths), false);
}

/** Empties the warehouse and ingests every configured source. */
export async function rebuildCommand(configPath: string, format: 'text' | 'json'): Promise<void> {
  await run(configPath, format, async (sources) => listSources(sources), true);
}

async function run(configPath: string, format: 'text' | 'json', files: (sources: string[]) => Promise<string[]>, clear: boolean): Promise<void> {
  const { config, warehouse } = await openConfigured(configPath);
  try {
    const list = await files(config.sources);
    if (clear) await clearWarehouse(warehouse.db);
    const started = Date.now();
    const summaries = await ingest(warehouse, list, config, progressBar(list.length, format));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (format === 'json') console.log(JSON.stringify({ warehouse: warehouse.location, seconds: Number(seconds), sources: summaries }, null, 2));
    else printSummary(summaries, warehouse.location, seconds);
    process.exitCode = summaries.some((s) => s.status === 'failed') ? EXIT.sourcesFailed : EXIT.ok;
  } finally {
    await warehouse.close();
  }
}

/** A progress bar on a terminal (stderr), nothing otherwise or with JSON output. */
function progressBar(total: number, format: 'text' | 'json'): Progress {
  if (format === 'json' || !process.stderr.isTTY || total < 1) return () => {};
  const bar = new cliProgress.SingleBar({ format: 'ingest [{bar}] {value}/{total} {file}', stream: process.stderr, clearOnComplete: true }, cliProgress.Presets.shades_classic);
  bar.start(total, 0, { file: '' });
  let done = 0;
  return ({ phase, path }) => {
    if (phase === 'done') bar.update(++done, { file: path.split('/').pop() });
    if (done === total) bar.stop();
  };
}

function printSummary(summaries: SourceSummary[], location: string, seconds: string): void {
  console.log(`Warehouse: ${location}`);
  for (const s of summaries) {
    if (s.status === 'failed') {
      console.log(`  ✗ ${s.name}: FAILED — ${s.error}`);
      continue;
    }
    console.log(
      `  ${s.name} (edition ${s.edition ?? '?'}): ${s.status}; ${s.tables} tables, ${s.observations} observations, ` +
        `${s.findings} unplaced; checks ${s.checksPassed} passed, ${s.checksFailed} beyond rounding, ` +
        `${s.checksWarned} warnings, ${s.checksSkipped} skipped`,
    );
  }
  const failed = summaries.filter((s) => s.status === 'failed').length;
  const obs = summaries.reduce((n, s) => n + s.observations, 0);
  console.log(`${summaries.length} sources (${failed} failed), ${obs} observations, in ${seconds} s. Run \`etl check\` for the findings.`);
}
