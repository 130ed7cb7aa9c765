// The analyst views (migration 0002) on the real seeds, on both drivers: codes and labels from
// the codelists, one row per key, the latest edition winning, revisions kept.
import { readdirSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../src/checks/index.ts';
import { extractSource } from '../src/extract/index.ts';
import { loadSource } from '../src/load/loader.ts';
import { transformDocument } from '../src/transform/index.ts';
import { DRIVERS, openTestWarehouse, type TestWarehouse } from './helpers/warehouses.ts';

const fixtures = new URL('../fixtures/', import.meta.url);
const seeds = readdirSync(fixtures).filter((f) => f.endsWith('.txt')).sort();

describe.each(DRIVERS)('views on %s', (driver) => {
  let w: TestWarehouse;
  beforeAll(async () => {
    w = await openTestWarehouse(driver, 'views_test');
    for (const s of seeds) {
      const { lines, ...doc } = await extractSource(new URL(s, fixtures).pathname);
      const result = transformDocument({ ...doc, lines });
      await loadSource(w.db, doc, result, runChecks(result.observations));
    }
  });
  afterAll(async () => w?.dispose());

  it('holds every codelist member with its official label', async () => {
    const { rows } = await sql<{ label: string }>`select label from codelist_members where codelist = 'region' and code = '110000'`.execute(w.db);
    expect(rows).toEqual([{ label: '北京' }]);
  });

  it('turnover_by_region: one row per region, flow and year, with codes', async () => {
    const { rows } = await sql<{ turnover: string; region_label: string }>`
      select turnover, region_label from turnover_by_region where region_code = '110000' and flow = 'outflow' and data_year = 2020`.execute(w.db);
    expect(rows).toEqual([{ turnover: '6316.2', region_label: '北京' }]);
    const dup = await sql<{ n: string }>`select count(*)::text as n from (select region_code, flow, data_year from turnover_by_region
      group by 1, 2, 3 having count(*) > 1) d`.execute(w.db);
    expect(dup.rows[0].n).toBe('0');
  });

  it('contracts_by_type: the latest edition wins, every edition stays in the revisions', async () => {
    const { rows } = await sql<{ value: string; edition: number }>`
      select value, edition from contracts_by_type where contract_type_label = '技术开发' and measure = 'turnover' and data_year = 2020`.execute(w.db);
    expect(rows).toEqual([{ value: '8874.08', edition: 2021 }]);
    const revisions = await sql<{ n: string }>`select count(distinct edition)::text as n from contracts_by_type_revisions`.execute(w.db);
    expect(Number(revisions.rows[0].n)).toBe(3);
  });
});
