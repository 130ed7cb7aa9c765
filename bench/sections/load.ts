/**
 * Loading many observations: a synthetic source (bench/lib/synthetic.ts) through our loader
 * (loadSource, one transaction) next to a raw COPY of the same rows into the same table, as
 * rows per second: psql `\copy` from a file on the server, and PGlite's own
 * `COPY … FROM '/dev/blob'` on the embedded database. Each run starts from empty tables; the
 * raw COPY gets the sources and loads rows it refers to beforehand, untimed.
 */
import { createWriteStream, mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CopyIn } from '../../src/load/copy.ts';
import { openWarehouse } from '../../src/load/db.ts';
import { loadSource } from '../../src/load/loader.ts';
import { clearWarehouse } from '../../src/load/maintenance.ts';
import { observationRow, sourceRow } from '../../src/load/rows.ts';
import { WAREHOUSE_TABLES } from '../../src/load/schema.ts';
import type { SourceDocument, TransformResult } from '../../src/model.ts';
import { dropSchema, serverAvailable, SERVER_URL } from '../lib/cli.ts';
import { fmtInt, fmtMs, fmtRatio, median, runChild, spread, timed } from '../lib/measure.ts';
import type { Figures } from '../lib/report.ts';
import { syntheticSource } from '../lib/synthetic.ts';

const SCHEMA = 'bench_load';

type Source = { doc: Omit<SourceDocument, 'lines'>; result: TransformResult };

/** Writes the observations of `source` as COPY text (load_id 1) to `path`; returns the columns. */
async function writeCopyFile(source: Source, path: string): Promise<string[]> {
  const rows = source.result.observations.map((o) => observationRow(o, 1));
  const columns = Object.keys(rows[0]);
  const out = createWriteStream(path);
  for (const chunk of new CopyIn('observations', columns, rows).chunks()) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return columns;
}

/** SQL giving empty tables with the source and its load (id 1), as the raw COPY needs them. */
function prepareSql(source: Source, schema: string): string {
  const s = sourceRow(source.doc, source.result.edition);
  const text = (v: string) => `'${v.replace(/'/g, "''")}'`;
  return [
    `truncate ${WAREHOUSE_TABLES.map((t) => `"${schema}"."${t}"`).join(', ')} restart identity`,
    `insert into "${schema}".sources (source_id, name, path, kind, bytes, pages, edition) values (${text(s.source_id)}, ${text(s.name)}, ${text(s.path)}, ${text(s.kind)}, ${s.bytes}, null, ${s.edition ?? 'null'})`,
    `insert into "${schema}".loads (source_id, status) values (${text(s.source_id)}, 'running')`,
  ].join(';\n');
}

/** Prints the loader and raw-COPY medians of one database and returns the ratio. */
function printPair(label: string, rows: number, loader: number[], raw: number[], rawLabel: string): number {
  const rate = (ms: number) => rows / (ms / 1000);
  const l = median(loader);
  const r = median(raw);
  console.log(`  ${label}:`);
  console.log(`    our loader     ${fmtMs(l).padStart(8)}   ${fmtInt(rate(l)).padStart(9)} rows/s   (${spread(loader, fmtMs)})`);
  console.log(`    ${rawLabel.padEnd(14)} ${fmtMs(r).padStart(8)}   ${fmtInt(rate(r)).padStart(9)} rows/s   (${spread(raw, fmtMs)})`);
  console.log(`    loader / raw COPY rows/s: ${fmtRatio(r / l)}`);
  return r / l;
}

/** The load benchmarks; returns the figures the summary needs. */
export async function benchLoad(runs: number, rows: number): Promise<Figures> {
  const work = mkdtempSync(join(tmpdir(), 'bench-load-'));
  const figures: Figures = {};
  try {
    const source = await syntheticSource(rows);
    const file = join(work, 'observations.copy');
    const columns = await writeCopyFile(source, file);
    const load = async (w: Awaited<ReturnType<typeof openWarehouse>>) => {
      await clearWarehouse(w.db);
      return (await timed(() => loadSource(w.db, source.doc, source.result, []))).ms;
    };
    console.log(`\nLoading ${fmtInt(rows)} synthetic observations (one source), median of ${runs}:`);

    if (await serverAvailable()) {
      await dropSchema(SCHEMA);
      const w = await openWarehouse({ databaseUrl: SERVER_URL, dataDir: join(work, 'unused'), schema: SCHEMA });
      const loader: number[] = [];
      const raw: number[] = [];
      try {
        const copy = `\\copy "${SCHEMA}".observations (${columns.join(', ')}) from '${file}'`;
        for (let i = 0; i < runs; i++) {
          loader.push(await load(w));
          await runChild('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', SERVER_URL, '-c', prepareSql(source, SCHEMA)]);
          raw.push((await runChild('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', SERVER_URL, '-c', copy])).ms);
        }
      } finally {
        await w.close();
        await dropSchema(SCHEMA);
      }
      const ratio = printPair('server', rows, loader, raw, 'psql \\copy');
      figures['load.server.rowsPerSec'] = rows / (median(loader) / 1000);
      figures['load.server.ratio'] = ratio;
    } else console.log('  server: skipped (it does not answer)');

    const dataDir = join(work, 'pglite');
    const loader: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < runs; i++) {
      const w = await openWarehouse({ dataDir });
      try {
        loader.push(await load(w));
      } finally {
        await w.close();
      }
      const pglite = await PGlite.create(dataDir);
      try {
        await pglite.exec(prepareSql(source, 'public'));
        const blob = await openAsBlob(file);
        const copy = `copy observations (${columns.join(', ')}) from '/dev/blob'`;
        raw.push((await timed(() => pglite.query(copy, [], { blob }))).ms);
      } finally {
        await pglite.close();
      }
    }
    const ratio = printPair('embedded (PGlite)', rows, loader, raw, 'PGlite COPY');
    figures['load.embedded.rowsPerSec'] = rows / (median(loader) / 1000);
    figures['load.embedded.ratio'] = ratio;
    return figures;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
