/**
 * Load stage against real databases (PGlite in a temp dir, the PostgreSQL test server in a
 * schema of its own): migrations, idempotent per-source loads, replacement of a changed source,
 * exact decimals, failed loads, and the unreachable-server error.
 */
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../src/load/db.ts';
import { DatabaseUnreachableError } from '../src/load/errors.ts';
import { loadSource } from '../src/load/loader.ts';
import { clearWarehouse, warehouseCounts } from '../src/load/maintenance.ts';
import type { CheckResult, Finding, Observation } from '../src/model.ts';
import { goldenObservation, goldenSource, tablesOf, type TestSource } from './helpers/golden.ts';
import { DRIVERS, TEST_DATABASE_URL, openTestWarehouse, type TestWarehouse } from './helpers/warehouses.ts';

const SEED = '000_94f9f59014649328';

/** A small hand-made source exercising decimals, dimensions, findings and check results. */
function craftedSource(variant: string, values: string[]): TestSource & { checks: CheckResult[] } {
  const base = goldenSource('003_c23a70392e796f35', { variant, limit: values.length });
  const observations: Observation[] = base.result.observations.map((o, i) => ({
    ...o,
    value: values[i],
    raw: values[i],
    decimals: values[i].split('.')[1]?.length ?? 0,
    dimensions: { region: '110000', flow: 'outflow' },
  }));
  const { sourceId } = base.doc;
  const finding: Finding = { sourceId, kind: 'unplaced_row', tableRef: '表1', line: 7, page: null, message: 'no table', raw: '技术 1 2' };
  const check: CheckResult = {
    sourceId,
    checkKind: 'sum_children',
    tableRef: '表1',
    status: 'fail',
    severity: 'error',
    subject: '合计 turnover 2020',
    printed: '12.30',
    expectedLow: '12.345',
    expectedHigh: '12.355',
    gap: '0.045',
    message: 'children exceed the total',
    inputs: [{ role: 'total', tableRef: '表1', rowLabel: '合计', measure: 'turnover', dataYear: 2020, value: '12.30', line: 9, page: null }],
  };
  return { ...base, result: { ...base.result, observations, tables: tablesOf(observations), findings: [finding] }, checks: [check] };
}

describe('DatabaseUnreachableError', () => {
  it('names host:port and never the password', async () => {
    const error = await openWarehouse({ databaseUrl: 'postgres://u:secret@127.0.0.1:1/x', dataDir: '.data/unused' }).catch((e) => e);
    expect(error).toBeInstanceOf(DatabaseUnreachableError);
    expect(error.message).toContain('127.0.0.1:1');
    expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`).not.toContain('secret');
  });

  it('times out against a server that accepts but never answers', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket)); // accepts TCP, never speaks PostgreSQL
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const { port } = silent.address() as AddressInfo;
    try {
      // Without the connect timeout this would wait forever (and the test fail on vitest's own timeout).
      const error = await openWarehouse({
        databaseUrl: `postgres://u:secret@127.0.0.1:${port}/x`,
        dataDir: '.data/unused',
        connectTimeoutMs: 500,
      }).catch((e) => e);
      expect(error).toBeInstanceOf(DatabaseUnreachableError);
      expect(error.message).toContain(`127.0.0.1:${port}`);
      expect(error.message).toMatch(/timeout/i);
      expect(error.message).not.toContain('secret');
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });
});

describe.each(DRIVERS)('load on %s', (driver) => {
  let w: TestWarehouse;
  beforeAll(async () => {
    w = await openTestWarehouse(driver, 'load_test');
  });
  afterAll(async () => {
    await w?.dispose();
  });

  it('migrations create the schema, with exact numeric values', async () => {
    const columns = await sql<{ table_name: string; column_name: string; data_type: string }>`
      select table_name, column_name, data_type from information_schema.columns
      where table_schema = current_schema() order by table_name, ordinal_position`.execute(w.db);
    const tables = new Set(columns.rows.map((c) => c.table_name));
    for (const t of ['sources', 'loads', 'report_tables', 'observations', 'findings', 'check_results']) {
      expect(tables).toContain(t);
    }
    const type = (t: string, c: string) => columns.rows.find((r) => r.table_name === t && r.column_name === c)?.data_type;
    expect(type('observations', 'value')).toBe('numeric');
    expect(type('observations', 'value_text')).toBe('text');
    expect(type('observations', 'dimensions')).toBe('jsonb');
    expect(type('observations', 'obs_id')).toBe('bigint');
    expect(type('check_results', 'gap')).toBe('numeric');
    expect(await warehouseCounts(w.db)).toEqual({
      check_results: 0, findings: 0, observations: 0, report_tables: 0, loads: 0, sources: 0,
    });
  });

  it('loads a source once; loading it again changes nothing', async () => {
    const src = goldenSource(SEED);
    const first = await loadSource(w.db, src.doc, src.result, []);
    expect(first).toMatchObject({ status: 'loaded', observations: src.golden.length });
    expect(first.loadId).toBeTypeOf('number');
    const counts = await warehouseCounts(w.db);
    expect(counts).toMatchObject({ observations: src.golden.length, sources: 1, loads: 1, report_tables: src.result.tables.length });

    const again = await loadSource(w.db, src.doc, src.result, []);
    expect(again).toEqual({ status: 'unchanged', loadId: null, observations: src.golden.length });
    expect(await warehouseCounts(w.db)).toEqual(counts);
    const load = await w.db.selectFrom('loads').selectAll().executeTakeFirstOrThrow();
    expect(load).toMatchObject({ status: 'completed', observation_count: src.golden.length, error: null });
    expect(load.finished_at).toBeInstanceOf(Date);
  });

  it('replaces the records of a changed file of the same name, and back again', async () => {
    const original = goldenSource(SEED);
    const changed = goldenSource(SEED, { variant: 'edited', limit: 100 });
    expect(changed.doc.sourceId).not.toBe(original.doc.sourceId);
    const outcome = await loadSource(w.db, changed.doc, changed.result, []);
    expect(outcome).toMatchObject({ status: 'replaced', observations: 100 });
    expect(await warehouseCounts(w.db)).toMatchObject({ observations: 100, sources: 2, loads: 2 });
    const bySource = await w.db.selectFrom('observations').select('source_id').distinct().execute();
    expect(bySource).toEqual([{ source_id: changed.doc.sourceId }]);
    const current = await w.db.selectFrom('sources').select(['source_id', 'current_load_id']).orderBy('source_id').execute();
    expect(current.find((s) => s.source_id === original.doc.sourceId)?.current_load_id).toBeNull();
    expect(current.find((s) => s.source_id === changed.doc.sourceId)?.current_load_id).toBe(outcome.loadId);

    // The original file comes back: its old completed load no longer holds the data.
    const back = await loadSource(w.db, original.doc, original.result, []);
    expect(back).toMatchObject({ status: 'replaced', observations: original.golden.length });
    expect(await warehouseCounts(w.db)).toMatchObject({ observations: original.golden.length, loads: 3 });
  });

  it('keeps every source of a multi-source load apart, across insert batches', async () => {
    const other = goldenSource('001_4bcf1cefdaeec81d'); // > 2978 rows: more than one INSERT
    expect(other.golden.length).toBeGreaterThan(3000);
    await loadSource(w.db, other.doc, other.result, []);
    const perSource = await w.db
      .selectFrom('observations')
      .innerJoin('sources', 'sources.source_id', 'observations.source_id')
      .select(['sources.name', sql<number>`count(*)::int`.as('n')])
      .groupBy('sources.name')
      .orderBy('sources.name')
      .execute();
    expect(perSource).toEqual([
      { name: `${SEED}.txt`, n: goldenSource(SEED).golden.length },
      { name: '001_4bcf1cefdaeec81d.txt', n: other.golden.length },
    ]);
  });

  it('loads sources concurrently; concurrent loads of one source leave one copy', async () => {
    await clearWarehouse(w.db);
    const stems = ['000_94f9f59014649328', '001_4bcf1cefdaeec81d', '003_c23a70392e796f35'];
    const sources = stems.map((stem) => goldenSource(stem));
    const twice = [...sources, goldenSource(stems[2])];
    const outcomes = await Promise.all(twice.map((src) => loadSource(w.db, src.doc, src.result, [])));
    expect(outcomes.filter((o) => o.status === 'unchanged')).toHaveLength(0);
    const total = sources.reduce((n, src) => n + src.golden.length, 0);
    expect(await warehouseCounts(w.db)).toMatchObject({ observations: total, sources: 3, loads: 4 });
    const completed = await w.db.selectFrom('loads').select('status').where('status', '=', 'completed').execute();
    expect(completed).toHaveLength(4);
  });

  it('stores values exactly: numeric from the printed string, value_text verbatim', async () => {
    const values = ['2.0', '100.00', '-15.17', '0.000', '13424.22', '123456789012345.123456789', '-0.5', '7'];
    const src = craftedSource('decimals', values);
    await loadSource(w.db, src.doc, src.result, src.checks);
    const rows = await w.db
      .selectFrom('observations')
      .select(['value_text', sql<string>`value::text`.as('numeric_text'), 'decimals', 'dimensions'])
      .where('source_id', '=', src.doc.sourceId)
      .orderBy('obs_id')
      .execute();
    expect(rows.map((r) => r.value_text)).toEqual(values);
    expect(rows.map((r) => r.numeric_text)).toEqual(values);
    expect(rows.map((r) => r.decimals)).toEqual([1, 2, 2, 3, 2, 9, 1, 0]);
    expect(rows[0].dimensions).toEqual({ region: '110000', flow: 'outflow' });
    const sum = await w.db
      .selectFrom('observations')
      .select(sql<string>`sum(value)::text`.as('s'))
      .where('source_id', '=', src.doc.sourceId)
      .executeTakeFirstOrThrow();
    expect(sum.s).toBe('123456789025862.673456789'); // exact decimal arithmetic, no float drift

    const check = await w.db.selectFrom('check_results').selectAll().where('source_id', '=', src.doc.sourceId).executeTakeFirstOrThrow();
    expect(check).toMatchObject({ printed: '12.30', expected_low: '12.345', expected_high: '12.355', gap: '0.045', status: 'fail' });
    expect(check.inputs).toEqual(src.checks[0].inputs);
    const finding = await w.db.selectFrom('findings').selectAll().where('source_id', '=', src.doc.sourceId).executeTakeFirstOrThrow();
    expect(finding).toMatchObject({ kind: 'unplaced_row', line: 7, raw: '技术 1 2' });
  });

  it('rolls back a failed load, keeps the old records and marks the load failed', async () => {
    const before = await warehouseCounts(w.db);
    const good = goldenObservation(goldenSource('003_c23a70392e796f35').golden[0], 'f'.repeat(64));
    const broken = craftedSource('broken', ['1.5', '2.5']);
    // A value the zod schema would refuse, smuggled past it: the numeric cast fails in the database.
    broken.result.observations[1] = { ...broken.result.observations[1], value: 'abc' };
    await expect(loadSource(w.db, broken.doc, broken.result, broken.checks)).rejects.toThrow();
    const last = await w.db.selectFrom('loads').selectAll().orderBy('load_id', 'desc').executeTakeFirstOrThrow();
    expect(last.status).toBe('failed');
    expect(last.error).toMatch(/numeric/);
    expect(await warehouseCounts(w.db)).toEqual({ ...before, loads: before.loads + 1, sources: before.sources + 1 });
    // The previous version of that name (the 'decimals' source) is still there, still current.
    const previous = craftedSource('decimals', []).doc.sourceId;
    const kept = await w.db.selectFrom('observations').select('value_text').where('source_id', '=', previous).execute();
    expect(kept).toHaveLength(8);

    // A record of another source is refused before anything is written.
    const foreign = goldenSource('003_c23a70392e796f35');
    foreign.result.observations.push(good);
    await expect(loadSource(w.db, foreign.doc, foreign.result, [])).rejects.toThrow(/refusing/);
    expect((await warehouseCounts(w.db)).loads).toBe(before.loads + 1);
  });

  it('reopening runs no migration twice; clearWarehouse empties every table', async () => {
    if (driver === 'postgres') {
      const again = await openWarehouse({ databaseUrl: TEST_DATABASE_URL, dataDir: '.data/unused', schema: 'load_test' });
      expect((await warehouseCounts(again.db)).observations).toBeGreaterThan(0);
      await again.close();
    }
    await clearWarehouse(w.db);
    expect(Object.values(await warehouseCounts(w.db))).toEqual([0, 0, 0, 0, 0, 0]);
    const src = goldenSource(SEED, { limit: 5 });
    expect(await loadSource(w.db, src.doc, src.result, [])).toMatchObject({ status: 'loaded', loadId: 1 });
  });
});
