/**
 * Where the time of a rebuild goes: run in a fresh process by the benchmark (`node --import tsx
 * bench/lib/phases.ts <config> [--fresh]`), it does what `etl rebuild` does, one stage at a time
 * and one source at a time, and prints the milliseconds of each phase as JSON: imports of the
 * pipeline's modules, initdb (a fresh embedded database only), opening the warehouse (database
 * start and migrations), one more migration run (what every open pays to find nothing to do),
 * emptying the warehouse, then extract, transform, checks and load summed over the sources, and
 * closing. The database is DATABASE_URL when set, else the configuration's dataDir. Unlike the
 * command line (which runs a bundle, prepares sources on worker threads and loads while they are
 * prepared), everything here runs in one thread from the TypeScript sources, so the figures are
 * each stage's own cost and "imports" is tsx's.
 */
const started = performance.now();
const { loadConfig } = await import('../../src/config.ts');
const { openWarehouse } = await import('../../src/load/db.ts');
const { migrateToLatest } = await import('../../src/load/migrations/index.ts');
const { clearWarehouse } = await import('../../src/load/maintenance.ts');
const { loadSource } = await import('../../src/load/loader.ts');
const { listSources } = await import('../../src/source-list.ts');
const { extractSource } = await import('../../src/extract/index.ts');
const { transformDocument } = await import('../../src/transform/index.ts');
const { runChecks } = await import('../../src/checks/index.ts');
const { PGlite } = await import('@electric-sql/pglite');
const phases: Record<string, number> = { imports: performance.now() - started };

/** Adds the milliseconds `fn` takes to phase `name`. */
async function phase<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  const t = performance.now();
  const value = await fn();
  phases[name] = (phases[name] ?? 0) + performance.now() - t;
  return value;
}

const config = await loadConfig(process.argv[2]);
const databaseUrl = process.env.DATABASE_URL || undefined;
if (!databaseUrl && process.argv.includes('--fresh')) {
  await phase('initdb', async () => (await PGlite.create(config.dataDir)).close());
}
const warehouse = await phase('open', () => openWarehouse({ databaseUrl, dataDir: config.dataDir, schema: config.schema }));
await phase('migrations (nothing to do)', () => migrateToLatest(warehouse.db as never, config.schema));
await phase('clear', () => clearWarehouse(warehouse.db));
for (const path of await listSources(config.sources)) {
  const doc = await phase('extract', () => extractSource(path));
  const result = await phase('transform', () => transformDocument(doc));
  const checks = await phase('checks', () => runChecks(result.observations, { tolerance: config.tolerance }));
  const { lines: _lines, ...meta } = doc;
  await phase('load', () => loadSource(warehouse.db, meta, result, checks));
}
await phase('close', () => warehouse.close());
console.log(JSON.stringify(phases));
