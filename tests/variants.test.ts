/**
 * The layout-variant corpus (scripts/variants/): pure tests, no database. Every variant of every
 * seed still prints every golden value (the generators' self-check), changes something, and is
 * deterministic; the helpers the variants and the variant scorer rely on read the seeds as
 * their table catalogues (fixtures/golden/<seed>/tables.md) say.
 */
import { describe, expect, it } from 'vitest';
import { headerCells } from '../scripts/variants/header-down.ts';
import { loadSeeds, VARIANTS } from '../scripts/variants/index.ts';
import { overprintFullLine, overprintPartialLine } from '../scripts/variants/overprint.ts';
import { remapProvisionalRefs } from '../scripts/variants/provisional-refs.ts';
import { captionRef, collapseOverprint, locateTables, splitLabel } from '../scripts/variants/seed-tables.ts';
import { spacedCaption } from '../scripts/variants/spacing.ts';
import { chineseYear } from '../scripts/variants/title-forms.ts';
import { lostValues } from '../scripts/variants/value-check.ts';
import { splitLabelHalf } from '../scripts/variants/wrap-labels.ts';

const seeds = loadSeeds();

describe('every variant of every seed', () => {
  for (const variant of VARIANTS) {
    for (const seed of seeds) {
      const leaves = variant.leaves?.includes(seed.seed) ?? false;
      it(`${variant.name} of ${seed.seed}: keeps every golden value, ${leaves ? 'leaves a seed already printed this way' : 'changes something'}, is deterministic`, () => {
        const out = variant.make(seed.lines, seed.golden);
        expect(lostValues(seed.lines, out, seed.golden).map((l) => l.reason)).toEqual([]);
        if (leaves) expect(out).toEqual(seed.lines);
        else expect(out.join('\n')).not.toBe(seed.lines.join('\n'));
        expect(variant.make(seed.lines, seed.golden)).toEqual(out);
      });
    }
  }

  it('the variants have distinct kebab-case names and a description each', () => {
    const names = VARIANTS.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
    for (const v of VARIANTS) {
      expect(v.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(v.description.length).toBeGreaterThan(10);
    }
  });
});

describe('the self-check', () => {
  const seed = seeds[0];
  it('finds nothing lost in the seed itself', () => {
    for (const s of seeds) expect(lostValues(s.lines, s.lines, s.golden)).toEqual([]);
  });
  it('reports the values of a dropped body line', () => {
    const cut = seed.lines.filter((_, i) => i !== 565); // 2018 表3-1 L566 "北 京 74965 3940.80 1 81266 4485.33 1"
    const lost = lostValues(seed.lines, cut, seed.golden).map((l) => l.row.value);
    expect(lost).toEqual(expect.arrayContaining(['74965', '3940.80']));
  });
  it('reads full-width and grouped digits as the same value', () => {
    const edited = seed.lines.map((l, i) => (i === 565 ? '北 京 ７４ ９６５ ３９４０．８０ １ ８１ ２６６ ４４８５．３３ １' : l));
    expect(lostValues(seed.lines, edited, seed.golden)).toEqual([]);
  });
});

describe('locating the seeds’ tables from golden.csv', () => {
  const find = (seed: number, ref: string) => locateTables(seeds[seed].lines, seeds[seed].golden).find((t) => t.ref === ref)!;
  it('finds captions before and after their bodies, and detached ones (tables.md)', () => {
    expect(find(0, '表3-1')).toMatchObject({ caption: 557, captionBefore: true, first: 565, last: 601 });
    expect(find(0, '表3-2')).toMatchObject({ caption: 690, captionBefore: false });
    expect(find(0, '表4-5')).toMatchObject({ caption: 1000, captionBefore: false, last: 984 });
    expect(find(0, '附表1')).toMatchObject({ caption: 3012, captionBefore: true, first: 3044 });
    expect(find(2, '表3').caption).toBe(367); // overprinted "表表表表3333 …"
    expect(find(2, '表1')).toMatchObject({ caption: 116, unitLine: 118 });
  });
  it('marks the rotated 2018 表5-1 vertical and gives it no caption', () => {
    expect(find(0, '表5-1')).toMatchObject({ vertical: true, caption: null });
  });
  it('finds header lines, leaving out a label printed above its numbers', () => {
    expect(find(0, '表3-2').header).toEqual([617, 618, 620]);
    expect(find(2, '表4').header).toEqual([455]);
  });
});

describe('helpers', () => {
  it('collapses overprint and reads caption refs', () => {
    expect(collapseOverprint('表表表表3333 1999199919991999－－－－2005200520052005年')).toBe('表3 1999－2005年');
    expect(collapseOverprint('2002002002006666年全国技术市场年全国技术市场年全国技术市场年全国技术市场')).toBe('2006年全国技术市场');
    expect(captionRef(' 表 3-1 2016—2017 年全国技术合同认定登记情况')).toBe('表3-1');
    expect(captionRef('表 3 - 1  2 0 1 6—2 0 1 7 年')).toBe('表3-1');
    expect(captionRef('附表 12　2020 年全国技术合同计划项目构成')).toBe('附表12');
    expect(captionRef('表11）。')).toBeNull();
    expect(captionRef('表表表表10101010 2001-20052001-2005…')).toBe('表10');
  });
  it('splits a row into label and cells', () => {
    expect(splitLabel('西 藏 — — 31 3  0.04 31')).toMatchObject({ label: '西 藏', rest: '— — 31 3  0.04 31' });
    expect(splitLabel('全社会 R&D 经费 / 亿元 8687 10298')).toMatchObject({ label: '全社会 R&D 经费 / 亿元', rest: '8687 10298' });
    expect(splitLabel('  其中：深圳 9831 468.74')).toMatchObject({ indent: '  ', label: '其中：深圳', rest: '9831 468.74' });
    expect(splitLabel('1999 43701 8701')).toMatchObject({ label: '', rest: '1999 43701 8701' });
  });
  it('re-prints captions overprinted, spaced', () => {
    expect(overprintPartialLine('表 3-1 2016—2017 年全国')).toBe('表 3333----1111 2016201620162016—2017201720172017 年全国');
    expect(overprintFullLine('表3 2005年全国')).toBe('表表表表3333 2005200520052005年全国年全国年全国年全国');
    expect(collapseOverprint(overprintFullLine('表 3-1 2016—2017 年全国'))).toBe('表 3-1 2016—2017 年全国');
    expect(spacedCaption('表 3-1 2016—2017 年全国')).toBe('表 3 - 1  2 0 1 6—2 0 1 7 年全国');
  });
  it('splits header cells and wraps labels', () => {
    expect(headerCells(' 合同数/项 成交额/亿元 排名  合同数/项 成交额/亿元 排名')).toHaveLength(6);
    expect(headerCells('年份 2016 年 2017 年 2019 年 a')).toEqual(['年份', '2016 年', '2017 年', '2019 年 a']);
    expect(headerCells('合同数 / 项 成交额 / 亿元 排名')).toEqual(['合同数 / 项', '成交额 / 亿元', '排名']);
    expect(headerCells('地 区')).toEqual(['地 区']);
    expect(splitLabelHalf('长江经济带地区')).toEqual(['长江经济', '带地区']);
    expect(chineseYear('2018')).toBe('二〇一八');
  });
  it('maps provisional refs to the golden table they match most', () => {
    const golden = seeds[0].golden;
    const rows = golden.filter((g) => g.table_ref === '表3-3').slice(0, 5);
    const csv = ['seed,table_ref,data_year,row_label,parent_label,column_group,measure,value,unit,source_line',
      ...rows.map((g) => [g.seed, '?L700', g.data_year, g.row_label, g.parent_label, g.column_group, g.measure, g.value, g.unit, '1'].join(','))].join('\n');
    const { csv: out, report } = remapProvisionalRefs(csv, golden);
    expect(report.mapped).toEqual([{ seed: '000_94f9f59014649328', from: '?L700', to: '表3-3', matched: 5, rows: 5 }]);
    expect(out).toContain(',表3-3,');
    expect(out).not.toContain('?L700');
  });
});
