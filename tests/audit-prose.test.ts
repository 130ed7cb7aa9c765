/**
 * Prose figures (src/transform/prose.ts) on short hand-made reports: what a sentence's figures
 * are (measure, sign, year, line), which member of the tables they are placed under (dimension
 * text.member), and what is left alone (approximations, ambiguous subjects, changes). The tables
 * are given as observations with codelist dimensions, as transform makes them.
 */
import { describe, expect, it } from 'vitest';
import type { Observation } from '../src/model.ts';
import { classifyLine } from '../src/transform/layout/lines.ts';
import { proseObservations } from '../src/transform/prose/prose-observations.ts';

const SOURCE = 'd'.repeat(64);

/** A table observation of 2020. */
function row(tableRef: string, rowLabel: string, dims: Record<string, string>, measure: string, value: string, more: Partial<Observation> = {}): Observation {
  const money = measure === 'turnover';
  return {
    sourceId: SOURCE, sourceName: 'r.txt', edition: 2021, tableRef, tableTitle: '', tableKind: 'test', dataYear: 2020, rowLabel, parentLabel: '',
    columnGroup: '', dimensions: dims, measure, value, decimals: value.split('.')[1]?.length ?? 0, unit: money ? '亿元' : measure.endsWith('_pct') ? '%' : '项',
    unitMult: money ? 8 : 0, obsStatus: '', footnotes: '', page: null, line: 900, raw: value, ...more,
  };
}

/** The tables of the little report. */
const TABLES: Observation[] = [
  row('附表2', '合计', { contract_type: '_T' }, 'contract_count', '549353'),
  row('附表2', '合计', { contract_type: '_T' }, 'turnover', '28251.51'),
  row('附表2', '技术开发', { contract_type: 'dev' }, 'contract_count', '75977'),
  row('附表2', '技术开发', { contract_type: 'dev' }, 'turnover', '569.73'),
  row('附表2', '技术服务', { contract_type: 'service' }, 'turnover', '526.58'),
  row('附表5', '港澳台', { flow: 'outflow', region: 'HMT' }, 'turnover', '60.45'),
  row('附表5', '国外', { flow: 'outflow', region: 'FOREIGN' }, 'turnover', '447.57'),
  row('附表5', '北京', { flow: 'outflow', region: '110000' }, 'turnover', '6316.2'),
  row('附表6', '北京', { flow: 'inflow', region: '110000' }, 'turnover', '3128.6'),
  row('附表6', '广东', { flow: 'inflow', region: '440000' }, 'turnover', '4306.3'),
];

/** Sellers and buyers of 附表9 / 附表14 of the 2021 edition: 高等院校 and 科研机构 are printed on both sides. */
const ENTITIES: Observation[] = [
  row('表5-2', '高等院校', { seller_type: 'public.university' }, 'org_count', '1045', { parentLabel: '事业法人', unit: '家' }),
  row('表5-2', '科研机构', { seller_type: 'public.research' }, 'org_count', '1729', { parentLabel: '事业法人', unit: '家' }),
  row('附表14', '高等院校', { buyer_type: 'public.university' }, 'turnover', '145.88', { parentLabel: '事业法人' }),
  row('附表14', '科研机构', { buyer_type: 'public.research' }, 'turnover', '123.40', { parentLabel: '事业法人' }),
];

/** The prose observations of some lines of text (line numbers from 1), against `tables`. */
function read(text: string[], tables: Observation[] = TABLES): Observation[] {
  const lines = text.map((t, i) => classifyLine({ page: null, line: i + 1, text: t }, i, false));
  return proseObservations(lines, tables, { sourceId: SOURCE, sourceName: 'r.txt', edition: 2021 });
}

/** [line, measure, value, member key] of each figure. */
const brief = (os: Observation[]) => os.map((o) => [o.line, o.measure, o.value, o.dimensions['text.member'] ?? null]);

describe('prose figures', () => {
  it('reads a national total with grouped digits, and the growth rates "分别" pairs with it', () => {
    const os = read(['2020 年全年共签订技术合同 549 353 项，成交额为 28 251.5 亿元，同比增长分别为', '13.5% 和 26.1%。']);
    expect(brief(os)).toEqual([
      [1, 'contract_count', '549353', 'TOTAL'],
      [1, 'turnover', '28251.5', 'TOTAL'],
      [2, 'contract_count_growth_pct', '13.5', 'TOTAL'],
      [2, 'turnover_growth_pct', '26.1', 'TOTAL'],
    ]);
    expect(os.every((o) => o.tableRef === 'text' && o.rowLabel === '合计')).toBe(true);
  });

  it('places a contract type under the table’s row, reads 下降 as a negative growth and a share of the whole', () => {
    const os = read(['技术开发合同成交额为 569.73 亿元，比上年下降 2.05%，占全国技术合同成交总额的 2.02%。']);
    expect(brief(os)).toEqual([
      [1, 'turnover', '569.73', 'contract_type=dev'],
      [1, 'turnover_growth_pct', '-2.05', 'contract_type=dev'],
      [1, 'turnover_share_pct', '2.02', 'contract_type=dev'],
    ]);
    expect(os[0].rowLabel).toBe('技术开发');
    expect(os[2].dimensions['text.base']).toBe('TOTAL');
  });

  it('reads "引进X和Y的技术" as the two regions’ output, summed', () => {
    const os = read(['引进港澳台地区和国外的技术合同成交额为 508.19 亿元。']);
    expect(brief(os)).toEqual([[1, 'turnover', '508.19', 'flow=outflow;region=HMT+FOREIGN']]);
  });

  it('reads a rank stated for both flows as one figure per flow', () => {
    const os = read(['北京输出和吸纳技术合同成交额位居全国第一。']);
    expect(brief(os)).toEqual([
      [1, 'turnover_rank', '1', 'flow=outflow;region=110000'],
      [1, 'turnover_rank', '1', 'flow=inflow;region=110000'],
    ]);
    expect(os.every((o) => o.dimensions['text.universe'] === 'TOTAL')).toBe(true);
  });

  it('leaves approximations, thresholds and changes alone', () => {
    expect(read(['技术开发合同成交额突破 500 亿元，较上年增加 20884 项，增幅超过 20%。'])).toEqual([]);
  });

  it('keeps a change against the previous year after a level as x_<measure>_change, signed (2021 edition l.1645–1647)', () => {
    const os = read(['2020 年科研机构作为卖方参与技术交易的机构数量为 1729 家，较上年增加 194 家，成交额为 1111.8 亿元。'], [...TABLES, ...ENTITIES]);
    expect(brief(os)).toEqual([
      [1, 'org_count', '1729', 'seller_type=public.research'],
      [1, 'x_org_count_change', '194', 'seller_type=public.research'],
      [1, 'turnover', '1111.8', 'seller_type=public.research'],
    ]);
    expect(brief(read(['科研机构卖方机构数量为 1729 家，比上年减少 12 家。'], [...TABLES, ...ENTITIES]))[1]).toEqual([1, 'x_org_count_change', '-12', 'seller_type=public.research']);
  });

  it('reads a count printed right before the member it counts as its org_count ("共有 1045 所高等院校")', () => {
    const os = read(['2020 年共有 1045 所高等院校参与技术交易，较上年增加 134 所。'], [...TABLES, ...ENTITIES]);
    expect(brief(os)).toEqual([
      [1, 'org_count', '1045', 'seller_type=public.university'],
      [1, 'x_org_count_change', '134', 'seller_type=public.university'],
    ]);
  });

  it('binds members printed on both sides to the composite of the side the words name (高等院校、科研机构卖方机构)', () => {
    const os = read(['高等院校、科研机构卖方机构数量为 2774 家，同比增长 13.9%。'], [...TABLES, ...ENTITIES]);
    expect(brief(os)).toEqual([
      [1, 'org_count', '2774', 'seller_type=public.university+public.research'],
      [1, 'x_org_count_growth_pct', '13.9', 'seller_type=public.university+public.research'],
    ]);
  });

  it('reads a member named within a grouping before it as that member of the grouping (2021 edition l.1414–1418)', () => {
    const BRI: Observation[] = [
      row('表4-1', '“一带一路”地区', { flow: 'inflow', region: 'BRI' }, 'turnover', '592.6'),
      row('表4-13', '城市建设与社会发展', { flow: 'inflow', region: 'BRI', tech_field: 'urban' }, 'turnover', '185.0'),
      row('附表3', '城市建设与社会发展', { tech_field: 'urban' }, 'turnover', '2996.98'),
    ];
    const os = read(['2020 年我国面向“一带一路”沿线国家输出城市建设与社会发展领域技术交易活跃，成交额为 185.0 亿元，同比增长 1704.8%，占“一带一路”国家吸纳技术合同成交额的 32.1%。'], [...TABLES, ...BRI]);
    expect(brief(os)).toEqual([
      [1, 'turnover', '185.0', 'flow=inflow;region=BRI;tech_field=urban'],
      [1, 'turnover_growth_pct', '1704.8', 'flow=inflow;region=BRI;tech_field=urban'],
      [1, 'turnover_share_pct', '32.1', 'flow=inflow;region=BRI;tech_field=urban'],
    ]);
    expect(os[2].dimensions['text.base']).toBe('flow=inflow;region=BRI');
  });

  it('places nothing when a clause names two members before its figures', () => {
    const os = read(['其中，北京输出和广东吸纳技术合同成交额分别为 6316.2 亿元和 4306.3 亿元。']);
    expect(os.every((o) => o.dimensions['text.member'] === undefined)).toBe(true);
  });
});
