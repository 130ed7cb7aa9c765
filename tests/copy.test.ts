/**
 * The COPY path of the loader (src/load/copy.ts) on both drivers: field encoding, text that
 * needs escaping read back verbatim, nulls, a load large enough for several COPY statements on
 * PGlite, a failing COPY rolling back its transaction (the connection still usable), and a
 * plain driver refusing a COPY it cannot run.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyField, copyInto, CopyIn } from '../src/load/copy.ts';
import { clearWarehouse } from '../src/load/maintenance.ts';
import type { Finding } from '../src/model.ts';
import { findingRow } from '../src/load/rows.ts';
import { DRIVERS, TEST_DATABASE_URL, openTestWarehouse, type TestWarehouse } from './helpers/warehouses.ts';

const SOURCE = 'c'.repeat(64);

/** Text COPY must escape, or that looks like its markers, and text it must leave alone. */
const AWKWARD = ['a\tb', 'line 1\nline 2', 'cr\r\nlf', 'back\\slash', '\\N', '\\.', '', ' 北 京 ', '"quoted", comma', 'end\\'];

describe('copyField', () => {
  it('writes COPY text fields', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyField('\\N')).toBe('\\\\N');
    expect(copyField('13424.22')).toBe('13424.22');
    expect(copyField(42)).toBe('42');
    expect(copyField(12n)).toBe('12');
    expect(copyField(true)).toBe('t');
    expect(copyField(new Date('2021-06-01T00:00:00Z'))).toBe('2021-06-01T00:00:00.000Z');
    expect(() => copyField(Number.NaN)).toThrow(TypeError);
    expect(() => copyField({ a: 1 })).toThrow(/serialise/);
  });

  it('encodes rows lazily, in chunks of whole rows, once', () => {
    let read = 0;
    const rows = (function* () {
      for (let i = 0; i < 2500; i++) {
        read++;
        yield { a: i, b: `r${i}` };
      }
    })();
    const copy = new CopyIn('t', ['a', 'b'], rows);
    const segments = copy.segments(2);
    const first = segments.next();
    expect(first.done).toBe(false);
    expect(read).toBeLessThanOrEqual(2001); // the third chunk is not encoded yet
    expect(first.value?.[0].split('\n').slice(0, 2)).toEqual(['0\tr0', '1\tr1']);
    const rest = [...segments];
    expect(rest.map((s) => s.length)).toEqual([1]);
    expect(copy.rowCount).toBe(2500);
    expect([...(first.value ?? []), ...rest.flat()].join('').split('\n')).toHaveLength(2501);
    expect(() => [...copy.chunks()]).toThrow(/already read/);
    expect(copy.statement('stdin')).toBe('copy "t" ("a", "b") from stdin');
  });
});

describe('a plain pg client', () => {
  it('refuses a COPY query it cannot run, naming openWarehouse', async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      const copy = new CopyIn('findings', ['kind'], [{ kind: 'x' }]);
      await expect(client.query(copy.statement('stdin'), [copy])).rejects.toThrow(/openWarehouse/);
    } finally {
      await client.end();
    }
  });
});

describe.each(DRIVERS)('COPY on %s', (driver) => {
  let w: TestWarehouse;
  let loadId: number;
  beforeAll(async () => {
    w = await openTestWarehouse(driver, 'copy_test');
  });
  afterAll(async () => {
    await w?.dispose();
  });

  /** An empty warehouse holding one source and one load for the rows to refer to. */
  async function prepare(): Promise<void> {
    await clearWarehouse(w.db);
    await w.db.insertInto('sources').values({ source_id: SOURCE, name: 'copy.txt', path: '/copy.txt', kind: 'text', bytes: 1, pages: null, edition: null }).execute();
    const load = await w.db.insertInto('loads').values({ source_id: SOURCE, status: 'running' }).returning('load_id').executeTakeFirstOrThrow();
    loadId = load.load_id;
  }

  const finding = (i: number, raw: string, tableRef: string | null = null): Finding => ({
    sourceId: SOURCE, kind: 'unplaced_row', tableRef, line: i + 1, page: null, message: `row ${i}`, raw,
  });

  it('reads back escaped text verbatim, nulls as null, in order', async () => {
    await prepare();
    const rows = AWKWARD.map((raw, i) => findingRow(finding(i, raw, i % 2 ? '表1' : null), loadId));
    const written = await w.db.transaction().execute((trx) => copyInto(trx, 'findings', rows));
    expect(written).toBe(AWKWARD.length);
    const back = await w.db.selectFrom('findings').select(['raw', 'table_ref', 'page']).orderBy('finding_id').execute();
    expect(back.map((r) => r.raw)).toEqual(AWKWARD);
    expect(back.map((r) => r.table_ref)).toEqual(AWKWARD.map((_, i) => (i % 2 ? '表1' : null)));
    expect(back.every((r) => r.page === null)).toBe(true);
    expect(await w.db.transaction().execute((trx) => copyInto(trx, 'findings', []))).toBe(0);
  });

  it('aborts the COPY when a row cannot be encoded, and the connection stays usable', async () => {
    await prepare();
    const rows = (function* () {
      for (let i = 0; i < 3000; i++) yield findingRow(finding(i, `raw ${i}`), loadId);
      yield { ...findingRow(finding(3000, 'bad'), loadId), raw: { not: 'text' } as unknown as string };
    })();
    await expect(w.db.transaction().execute((trx) => copyInto(trx, 'findings', rows))).rejects.toThrow(/serialise/);
    const after = await w.db.selectFrom('findings').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(0);
  });

  it('loads more rows than one PGlite COPY takes, and rolls all back when a late row fails', async () => {
    await prepare();
    const count = 100_500; // more than one PGlite segment (100 chunks of 1,000 rows)
    const rows = (bad: boolean) =>
      (function* () {
        for (let i = 0; i < count; i++) yield findingRow(finding(i, `raw ${i}`), loadId);
        // A null where the column is NOT NULL: the COPY fails after the first segment went in.
        if (bad) yield { ...findingRow(finding(count, 'bad'), loadId), message: null as unknown as string };
      })();
    await expect(w.db.transaction().execute((trx) => copyInto(trx, 'findings', rows(true)))).rejects.toThrow(/null/i);
    const none = await w.db.selectFrom('findings').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    expect(none.n).toBe(0);
    // The connection is usable again, and a whole load goes in.
    expect(await w.db.transaction().execute((trx) => copyInto(trx, 'findings', rows(false)))).toBe(count);
    const all = await w.db
      .selectFrom('findings')
      .select([sql<number>`count(*)::int`.as('n'), sql<number>`max(line)::int`.as('last')])
      .executeTakeFirstOrThrow();
    expect(all).toEqual({ n: count, last: count });
  });
});
