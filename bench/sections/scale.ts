/**
 * The scale run: a synthetic corpus of editions made from the seeds (bench/lib/corpus.ts),
 * rebuilt end to end by `etl rebuild` with the concurrency of pipeline.config.ts, 3 editions
 * and 30: wall time and peak RSS of each, and how RSS grows from 3 to 30. Embedded, and on the
 * server when it answers (where RSS is the pipeline's own, without PGlite's).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { listSources } from '../../src/source-list.ts';
import { dropSchema, runRebuild, serverAvailable, writeConfig, type RebuildRun } from '../lib/cli.ts';
import { writeCorpus } from '../lib/corpus.ts';
import { fmtInt, fmtMs, fmtRatio, median, ROOT, spread } from '../lib/measure.ts';
import type { Figures } from '../lib/report.ts';

const SCHEMA = 'bench_scale';

/** `runs` rebuilds of one configuration after an untimed one (which initialises the database). */
async function rebuilds(runs: number, configPath: string, server: boolean): Promise<RebuildRun[]> {
  await runRebuild(configPath, server);
  const out: RebuildRun[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await runRebuild(configPath, server);
    if (run.failed) throw new Error(`scale rebuild: ${run.failed} sources failed`);
    out.push(run);
  }
  return out;
}

/** The scale benchmarks; returns the figures the summary needs. */
export async function benchScale(runs: number, editions: number): Promise<Figures> {
  const base = await loadConfig(join(ROOT, 'pipeline.config.ts'));
  const work = mkdtempSync(join(tmpdir(), 'bench-scale-'));
  const figures: Figures = {};
  try {
    const seeds = (await listSources(base.sources)).filter((p) => p.endsWith('.txt'));
    const large = join(work, `corpus-${editions}`);
    const small = join(work, 'corpus-3');
    mkdirSync(large);
    mkdirSync(small);
    const corpus = await writeCorpus(large, seeds, editions);
    for (const e of corpus.slice(0, 3)) copyFileSync(e.path, join(small, basename(e.path)));
    const same = corpus.filter((e) => e.sameProfile).length;
    console.log(`\nScale: a corpus of ${editions} editions made from ${new Set(corpus.map((e) => e.seed)).size} seeds ` +
      `(${fmtInt(corpus.reduce((n, e) => n + e.scaled, 0))} cells ×10, years moved back by the variant number); ` +
      `${same}/${editions} editions transform and check exactly as their seed`);
    for (const e of corpus.filter((x) => !x.sameProfile)) console.log(`    ${basename(e.path)} differs from its seed:\n      seed:    ${e.seedProfile}\n      edition: ${e.profile}`);
    console.log(`  rebuild with concurrency ${base.concurrency}, median of ${runs}:`);
    const server = await serverAvailable();
    for (const db of server ? ['embedded', 'server'] : ['embedded']) {
      const onServer = db === 'server';
      if (onServer) await dropSchema(SCHEMA);
      const results: Record<number, { ms: number; cpuMs: number; rssMb: number }> = {};
      for (const [n, dir] of [[3, small], [editions, large]] as const) {
        const config = writeConfig(work, `${db}-${n}`, { sources: [dir], dataDir: join(work, `${db}-${n}-data`), schema: SCHEMA, concurrency: base.concurrency });
        const r = await rebuilds(runs, config, onServer);
        results[n] = { ms: median(r.map((x) => x.ms)), cpuMs: median(r.map((x) => x.cpuMs)), rssMb: median(r.map((x) => x.rssMb)) };
        console.log(`    ${db.padEnd(8)} ${String(n).padStart(2)} editions (${fmtInt(r[0].observations).padStart(7)} observations): ` +
          `wall ${fmtMs(results[n].ms).padStart(8)}   CPU ${fmtMs(results[n].cpuMs).padStart(8)}   peak RSS ${results[n].rssMb.toFixed(0).padStart(5)} MB   (wall ${spread(r.map((x) => x.ms), fmtMs)})`);
      }
      const growth = results[editions].rssMb / results[3].rssMb;
      console.log(`    ${db.padEnd(8)} RSS(${editions}) / RSS(3): ${fmtRatio(growth)}`);
      figures[`scale.${db}.ms`] = results[editions].ms;
      figures[`scale.${db}.cpuMs`] = results[editions].cpuMs;
      figures[`scale.${db}.rssRatio`] = growth;
      if (onServer) await dropSchema(SCHEMA);
    }
    return figures;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
