/**
 * Export against real databases: the contract header, lossless values, byte-identical output
 * across rebuilds (in any load order) and across PGlite and the PostgreSQL server, CSV quoting,
 * JSON Lines, and backpressure on a slow stream.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../src/export/columns.ts';
import { exportObservations, type ExportFormat } from '../src/export/export.ts';
import { loadSource } from '../src/load/loader.ts';
import { clearWarehouse } from '../src/load/maintenance.ts';
import type { Kysely } from 'kysely';
import type { WarehouseSchema } from '../src/load/schema.ts';
import { goldenSeeds, goldenSource, tablesOf } from './helpers/golden.ts';
import { parseCsv } from './helpers/parse-csv.ts';
import { DRIVERS, openTestWarehouse, type TestWarehouse } from './helpers/warehouses.ts';

const CONTRACT = 'seed,table_ref,data_year,row_label,parent_label,column_group,measure,value,unit,source_line';
const GOLDEN_COLUMNS = CONTRACT.split(',');

/** A Writable that collects what it is given; `slow` makes it signal backpressure often. */
class Collector extends Writable {
  readonly chunks: Buffer[] = [];
  constructor(slow = false) {
    super({ highWaterMark: slow ? 256 : 16384 });
    this.slow = slow;
  }
  private readonly slow: boolean;
  override _write(chunk: Buffer, _enc: BufferEncoding, done: (error?: Error | null) => void): void {
    this.chunks.push(chunk);
    if (this.slow) setImmediate(done);
    else done();
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

async function exportText(db: Kysely<WarehouseSchema>, format: ExportFormat, slow = false): Promise<string> {
  const out = new Collector(slow);
  await exportObservations(db, format, out);
  return out.text();
}

/** Loads every golden seed, in the given order of seed stems. */
async function loadGolden(db: Kysely<WarehouseSchema>, stems: string[]): Promise<void> {
  for (const stem of stems) {
    const src = goldenSource(stem);
    await loadSource(db, src.doc, src.result, []);
  }
}

const seeds = goldenSeeds();
const goldenRows = seeds.flatMap((stem) => goldenSource(stem).golden);
const key = (r: Record<string, string>) => GOLDEN_COLUMNS.map((c) => r[c]).join('\u0001');

const exports: Record<string, string> = {};

describe.each(DRIVERS)('export on %s', (driver) => {
  let w: TestWarehouse;
  beforeAll(async () => {
    w = await openTestWarehouse(driver, 'export_test');
    await loadGolden(w.db, seeds);
  });
  afterAll(async () => {
    await w?.dispose();
  });

  it('writes the contract header and every observation, values as printed', async () => {
    const csv = await exportText(w.db, 'csv');
    exports[driver] = csv;
    expect(csv.startsWith(`${CONTRACT},`)).toBe(true);
    expect(csv.split('\n', 1)[0]).toBe(EXPORT_COLUMNS.join(','));
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(goldenRows.length);
    // Same multiset of (seed … source_line) as the golden files: nothing lost, "2.0" stays "2.0".
    expect(rows.map(key).sort()).toEqual(goldenRows.map(key).sort());
    expect(rows.some((r) => r.value === '100.00')).toBe(true);
    expect(rows.some((r) => r.value === '-15.17')).toBe(true);
    expect(rows[0]).toMatchObject({ page: '', edition: '', table_kind: 'golden', dimensions: '{}' });
    expect(rows[0].source_id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('orders rows by source, table position and line', async () => {
    const rows = parseCsv(exports[driver]);
    const seedsInOrder = [...new Set(rows.map((r) => r.seed))];
    expect(seedsInOrder).toEqual(seeds.map((s) => `${s}.txt`));
    for (const seed of seedsInOrder) {
      const refs = rows.filter((r) => r.seed === seed).map((r) => r.table_ref);
      const blocks = refs.filter((ref, i) => ref !== refs[i - 1]);
      expect(new Set(blocks).size).toBe(blocks.length); // each table exported as one block
    }
  });

  it('is byte-identical after a rebuild in another load order, and under backpressure', async () => {
    await clearWarehouse(w.db);
    await loadGolden(w.db, [...seeds].reverse());
    expect(await exportText(w.db, 'csv', true)).toBe(exports[driver]);
  });

  it('writes JSON Lines with the same records, dimensions as an object', async () => {
    const jsonl = await exportText(w.db, 'jsonl');
    expect(await exportText(w.db, 'jsonl')).toBe(jsonl);
    const lines = jsonl.split('\n');
    expect(lines.pop()).toBe('');
    const records = lines.map((l) => JSON.parse(l));
    expect(Object.keys(records[0])).toEqual([...EXPORT_COLUMNS]);
    expect(records[0].dimensions).toEqual({});
    expect(typeof records[0].data_year).toBe('number');
    expect(typeof records[0].value).toBe('string');
    const csvRows = parseCsv(exports[driver]);
    expect(records.map((r) => GOLDEN_COLUMNS.map((c) => String(r[c] ?? '')).join('\u0001'))).toEqual(csvRows.map(key));
  });

  it('quotes awkward text (RFC 4180) and sorts dimension keys', async () => {
    const src = goldenSource('003_c23a70392e796f35', { variant: 'awkward', limit: 2 });
    src.doc.name = 'zz "awkward", file.txt';
    const label = '技术开发,其中 "含" \n两行';
    src.result.observations = src.result.observations.map((o) => ({
      ...o,
      sourceName: src.doc.name,
      rowLabel: label,
      dimensions: { z: '1', a: '2', region: '110000' },
      page: 3,
      edition: 2006,
    }));
    src.result.tables = tablesOf(src.result.observations);
    await loadSource(w.db, src.doc, src.result, []);
    const csv = await exportText(w.db, 'csv');
    const last = parseCsv(csv).at(-1)!;
    expect(last).toMatchObject({ seed: 'zz "awkward", file.txt', row_label: label, page: '3', edition: '2006' });
    expect(last.dimensions).toBe('{"a":"2","region":"110000","z":"1"}');
    const jsonLast = JSON.parse((await exportText(w.db, 'jsonl')).trimEnd().split('\n').at(-1)!);
    expect(Object.keys(jsonLast.dimensions)).toEqual(['a', 'region', 'z']);
  });

  it('exports an empty warehouse as the header alone', async () => {
    await clearWarehouse(w.db);
    expect(await exportText(w.db, 'csv')).toBe(`${EXPORT_COLUMNS.join(',')}\n`);
    expect(await exportText(w.db, 'jsonl')).toBe('');
  });
});

describe('export across drivers', () => {
  it('PGlite and the PostgreSQL server give byte-identical CSV', () => {
    expect(exports.pglite).toBeDefined();
    expect(exports.pglite).toBe(exports.postgres);
  });
});
