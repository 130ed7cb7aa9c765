// Transform on the real seeds: the observations agree with the hand-checked golden records
// (fixtures/golden, the committed copy of ../shared/golden), and a traditional-script
// rendering of each seed gives exactly the same observations.
import * as OpenCC from 'opencc-js';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractSource } from '../src/extract/index.ts';
import { extractText } from '../src/extract/text.ts';
import type { Observation } from '../src/model.ts';
import { transformDocument } from '../src/transform/index.ts';
import { join } from 'node:path';
import { GOLDEN_DIR } from './helpers/golden.ts';
import { parseCsv } from './helpers/parse-csv.ts';

const fixtures = new URL('../fixtures/', import.meta.url);
const seeds = readdirSync(fixtures).filter((f) => f.endsWith('.txt')).sort();
const cellKey = (o: Pick<Observation, 'tableRef' | 'dataYear' | 'rowLabel' | 'parentLabel' | 'columnGroup' | 'measure'>) =>
  [o.tableRef, o.dataYear, o.rowLabel, o.parentLabel, o.columnGroup, o.measure].join('|');
const sameNumber = (a: string, b: string) => a.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '') === b.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
const key = (o: Pick<Observation, 'tableRef' | 'dataYear' | 'rowLabel' | 'parentLabel' | 'columnGroup' | 'measure' | 'value'>) =>
  [o.tableRef, o.dataYear, o.rowLabel, o.parentLabel, o.columnGroup, o.measure, o.value].join('|');

describe('transform on the real seeds', async () => {
  const results = new Map<string, ReturnType<typeof transformDocument>>();
  for (const s of seeds) results.set(s, transformDocument(await extractSource(new URL(s, fixtures).pathname)));

  it('finds the tables of every edition and dates them', () => {
    expect(results.get('001_4bcf1cefdaeec81d.txt')!.edition).toBe(2021);
    expect(results.get('000_94f9f59014649328.txt')!.edition).toBe(2018);
    expect(results.get('003_c23a70392e796f35.txt')!.edition).toBe(2006);
    const refs = results.get('001_4bcf1cefdaeec81d.txt')!.tables.map((t) => t.tableRef);
    for (const r of ['表3-1', '表3-2', '表4-9', '附表5', '附表6', '附表14']) expect(refs).toContain(r);
  });

  it('reads a caption printed after its body (2018 edition 表3-2) and cities under provinces', () => {
    const o = results.get('000_94f9f59014649328.txt')!.observations;
    expect(o.find((x) => x.tableRef === '表3-2' && x.rowLabel === '北京' && x.columnGroup === '输出技术' && x.measure === 'contract_count'))
      .toMatchObject({ value: '81311', line: 623, dataYear: 2017, unit: '项' });
    expect(o.find((x) => x.tableRef === '表3-1' && x.rowLabel === '深圳' && x.dataYear === 2017 && x.measure === 'turnover'))
      .toMatchObject({ value: '555.09', parentLabel: '广东', unit: '亿元', unitMult: 8 });
  });

  it('never produces rows for null markers (2006 edition 表5 西藏 "/ / /")', () => {
    const o = results.get('003_c23a70392e796f35.txt')!.observations;
    expect(o.filter((x) => x.tableRef === '表5' && x.rowLabel.startsWith('西藏'))).toEqual([]);
  });

  it('agrees with the hand-checked golden records (recall ≥ 95%, no wrong value)', () => {
    let goldenCount = 0;
    let found = 0;
    const wrong: string[] = [];
    for (const seed of seeds) {
      const file = join(GOLDEN_DIR, seed.replace(/\.txt$/, ''), 'golden.csv');
      if (!existsSync(file)) continue;
      const golden = parseCsv(readFileSync(file, 'utf8')).filter((g) => g.table_ref !== 'text');
      const ours = new Map<string, string[]>();
      for (const o of results.get(seed)!.observations) ours.set(cellKey(o), [...(ours.get(cellKey(o)) ?? []), o.value]);
      goldenCount += golden.length;
      for (const g of golden) {
        const vs = ours.get(cellKey({ tableRef: g.table_ref, dataYear: Number(g.data_year), rowLabel: g.row_label, parentLabel: g.parent_label, columnGroup: g.column_group, measure: g.measure }));
        if (!vs) continue;
        if (vs.some((v) => sameNumber(v, g.value))) found++;
        else wrong.push(`${seed} ${g.table_ref} ${g.row_label} ${g.measure} ${g.data_year}: ${vs.join('/')} ≠ ${g.value}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(found / goldenCount).toBeGreaterThan(0.95);
  });

  it('ingests a traditional-script rendering of every seed to the same observations', async () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    for (const seed of seeds) {
      const text = readFileSync(new URL(seed, fixtures), 'utf8');
      const tw = text.replace(/[^\x00-\x7F]+/g, (run) => toTraditional(run));
      const doc = await extractText(`/tmp/${seed}`, Buffer.from(tw, 'utf8'));
      const strip = (o: Observation) => key(o) + '|' + o.line;
      const ours = results.get(seed)!.observations.map(strip);
      expect(transformDocument(doc).observations.map(strip)).toEqual(ours);
    }
  });
});
