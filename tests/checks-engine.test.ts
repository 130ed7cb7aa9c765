/** The check kinds on small hand-made tables: one behaviour per test (src/checks/*). */
import { describe, expect, it } from 'vitest';
import { CheckResultSchema, runChecks, type CheckKind } from '../src/checks/index.ts';
import type { CheckResult, Observation } from '../src/model.ts';

const SOURCE = 'a'.repeat(64);
let nextLine = 1;

/** Unit and multiplier by measure, as transform writes them. */
function unitOf(measure: string): [string, number] {
  if (measure.endsWith('_pct')) return ['percent', 0];
  if (measure.endsWith('_rank')) return ['rank', 0];
  if (measure === 'contract_count') return ['项', 0];
  if (measure === 'avg_turnover') return ['CNY', 4];
  return ['CNY', 8];
}

/** One observation; each call gets the next line number unless `line` is given. */
function obs(rowLabel: string, measure: string, value: string, more: Partial<Observation> = {}): Observation {
  const [unit, unitMult] = unitOf(measure);
  return {
    sourceId: SOURCE,
    sourceName: 'x.txt',
    edition: 2021,
    tableRef: '表1',
    tableTitle: '',
    tableKind: 'test',
    dataYear: 2020,
    rowLabel,
    parentLabel: '',
    columnGroup: '',
    dimensions: {},
    measure,
    value,
    decimals: value.includes('.') ? value.split('.')[1].length : 0,
    unit,
    unitMult,
    obsStatus: '',
    footnotes: '',
    page: null,
    line: nextLine++,
    raw: value,
    ...more,
  };
}

/** A column of rows: [label, value] pairs, optionally under a parent ("P/label"). */
function column(measure: string, rows: [string, string][], more: Partial<Observation> = {}): Observation[] {
  return rows.map(([label, value]) => {
    const [parent, row] = label.includes('/') ? label.split('/') : ['', label];
    return obs(row, measure, value, { parentLabel: parent, ...more });
  });
}

/** Results of one kind, each validated against the JSON schema. */
function run(kind: CheckKind, observations: Observation[], tolerance?: number): CheckResult[] {
  const results = runChecks(observations, { kinds: [kind], tolerance });
  for (const r of results) expect(CheckResultSchema.safeParse(r).success).toBe(true);
  return results;
}

describe('rows_sum_to_total', () => {
  it('spells out a failing sum of exact counts, with every input and its line', () => {
    const o = column('contract_count', [
      ['北京', '81311'],
      ['湖北', '24444'],
      ['合计', '105756'],
    ]);
    const [r] = run('rows_sum_to_total', o);
    expect(r.status).toBe('fail');
    expect(r.severity).toBe('error');
    expect(r.message).toContain('北京 81311 + 湖北 24444 = 105755 ≠ 合计 105756 (gap 1)');
    expect([r.expectedLow, r.expectedHigh, r.printed, r.gap]).toEqual(['105755', '105755', '105756', '1']);
    expect(r.inputs.map((i) => [i.role, i.rowLabel, i.line])).toEqual([
      ['part', '北京', o[0].line],
      ['part', '湖北', o[1].line],
      ['total', '合计', o[2].line],
    ]);
  });

  it('passes a sum within rounding and fails one beyond it', () => {
    const parts: [string, string][] = [
      ['甲', '1.01'],
      ['乙', '2.02'],
      ['丙', '3.03'],
    ];
    expect(run('rows_sum_to_total', column('turnover', [...parts, ['合计', '6.07']]))[0].status).toBe('pass');
    const [bad] = run('rows_sum_to_total', column('turnover', [...parts, ['合计', '6.11']]));
    expect([bad.status, bad.severity, bad.expectedLow, bad.expectedHigh, bad.gap]).toEqual(['fail', 'error', '6.045', '6.075', '0.03']);
  });

  it('calls a failure that truncation explains a warning', () => {
    // True values 1.019 … printed truncated: parts 1.01 × 5, total 5.09 (true 5.095).
    const rows: [string, string][] = ['甲', '乙', '丙', '丁', '戊'].map((l) => [l, '1.01']);
    const [r] = run('rows_sum_to_total', column('turnover', [...rows, ['合计', '5.09']]));
    expect([r.status, r.severity]).toEqual(['fail', 'warning']);
    expect(r.message).toContain('truncated');
  });

  it('skips a sum with a missing cell, unless the printed rows already exceed the total', () => {
    const rows = [
      ...column('turnover', [
        ['北京', '10.00'],
        ['西藏', '0.04'],
        ['合计', '20.00'],
      ]),
      obs('天津', 'turnover_rank', '2'), // 天津 prints in the table, but no turnover
    ];
    const [skipped] = run('rows_sum_to_total', rows);
    expect(skipped.status).toBe('skipped');
    expect(skipped.message).toContain('天津 prints no value');
    const over = [...column('turnover', [['北京', '25.00'], ['合计', '20.00']]), obs('天津', 'turnover_rank', '2')];
    const [fail] = run('rows_sum_to_total', over);
    expect([fail.status, fail.severity]).toEqual(['fail', 'error']);
    expect(fail.message).toContain('even without 天津');
  });

  it('adds section totals and leaves sub-rows of a parent row out', () => {
    const o = column('contract_count', [
      ['广东', '100'],
      ['广东/深圳', '60'],
      ['事业法人/科研机构', '30'],
      ['事业法人/高等院校', '20'],
      ['事业法人/合计', '50'],
      ['总计', '150'],
    ]);
    const [r] = run('rows_sum_to_total', o);
    expect(r.status).toBe('pass');
    expect(r.message).toContain('广东 100 + 事业法人/合计 50 = 150 = 总计 150');
  });

  it('skips when a section prints no total of its own', () => {
    const o = column('contract_count', [
      ['甲', '1'],
      ['乙/丙', '2'],
      ['合计', '3'],
    ]);
    expect(run('rows_sum_to_total', o)[0].message).toContain('section 乙 prints no total');
  });

  it('accepts regroupings printed after a partition that already makes up the total', () => {
    const o = column('contract_count', [
      ['东部地区', '10'],
      ['中部地区', '20'],
      ['西部地区', '30'],
      ['京津冀地区', '5'],
      ['长三角地区', '8'],
      ['合计', '60'],
    ]);
    const [r] = run('rows_sum_to_total', o);
    expect(r.status).toBe('pass');
    expect(r.message).toContain('京津冀地区、长三角地区');
  });

  it('checks each 小计 against its block and the total against the 小计 rows', () => {
    const o = column('contract_count', [
      ['甲', '1'],
      ['乙', '2'],
      ['小计', '3'],
      ['丙', '4'],
      ['丁', '5'],
      ['小计', '10'],
      ['合计', '13'],
    ]);
    const results = run('rows_sum_to_total', o);
    expect(results.map((r) => r.status)).toEqual(['pass', 'fail', 'pass']);
    expect(results[1].message).toContain('丙 4 + 丁 5 = 9 ≠ 小计 10');
  });

  it('does not run without a total row, or with two', () => {
    expect(run('rows_sum_to_total', column('contract_count', [['甲', '1'], ['乙', '2']]))).toEqual([]);
    const two = run('rows_sum_to_total', column('contract_count', [['甲', '1'], ['合计', '1'], ['总计', '1']]));
    expect(two[0].status).toBe('skipped');
  });

  it('adds amounts printed with different multipliers, not different units', () => {
    const mixed = [
      obs('甲', 'turnover', '1.5', { unit: '亿元', unitMult: 8 }),
      obs('乙', 'turnover', '5000', { unit: '万元', unitMult: 4 }),
      obs('合计', 'turnover', '2.0', { unit: '亿元', unitMult: 8 }),
    ];
    expect(run('rows_sum_to_total', mixed)[0].status).toBe('pass');
    const clash = [obs('甲', 'turnover', '1', { unit: '项' }), obs('合计', 'turnover', '1', { unit: '亿元', unitMult: 8 })];
    expect(run('rows_sum_to_total', clash)[0].message).toContain('different units');
  });

  it('never adds growth rates, shares, ranks or averages', () => {
    const o = column('turnover_growth_pct', [['甲', '10.0'], ['合计', '99.0']]);
    expect(run('rows_sum_to_total', o)).toEqual([]);
  });

  it('widens non-exact values by the configured tolerance', () => {
    const o = column('turnover', [['甲', '1.00'], ['乙', '1.00'], ['合计', '2.02']]);
    expect(run('rows_sum_to_total', o)[0].status).toBe('fail');
    expect(run('rows_sum_to_total', o, 1)[0].status).toBe('pass');
  });
});

describe('children_sum_to_parent', () => {
  it('requires a section to add up to its 合计', () => {
    const o = column('turnover', [
      ['企业法人/内资企业', '10.00'],
      ['企业法人/外资企业', '5.00'],
      ['企业法人/合计', '15.10'],
    ]);
    const [r] = run('children_sum_to_parent', o);
    expect([r.status, r.severity]).toEqual(['fail', 'error']);
    expect(r.message).toContain('企业法人/内资企业 10.00 + 企业法人/外资企业 5.00 = 15.00 ≠ 企业法人/合计 15.10');
  });

  it('requires 其中 rows not to exceed their parent, without exhausting it', () => {
    const ok = column('turnover', [['广东', '949.48'], ['广东/深圳', '555.09']]);
    expect(run('children_sum_to_parent', ok)[0].status).toBe('pass');
    const bad = column('turnover', [['广东', '949.48'], ['广东/深圳', '555.09'], ['广东/广州', '400.00']]);
    const [r] = run('children_sum_to_parent', bad);
    expect([r.status, r.severity]).toEqual(['fail', 'error']);
    expect(r.message).toContain('> 广东 949.48');
  });
});

describe('shares', () => {
  it('matches share = part / total × 100 and calls a nudge to 100 a warning', () => {
    const o = [
      ...column('contract_count', [['甲', '1'], ['乙', '1'], ['丙', '1'], ['合计', '3']]),
      ...column('contract_count_share_pct', [['甲', '33.33'], ['乙', '33.33'], ['丙', '33.34'], ['合计', '100.00']]),
    ];
    const results = run('share_matches_part_total', o);
    expect(results.map((r) => r.status)).toEqual(['pass', 'pass', 'fail']);
    expect(results[2].severity).toBe('warning');
    expect(results[2].message).toContain('nudged');
    expect(run('shares_sum_to_100', o)[0].status).toBe('pass');
  });

  it('reports a share beyond rounding as an error', () => {
    const o = [
      ...column('turnover', [['甲', '1.00'], ['乙', '3.00'], ['合计', '4.00']]),
      ...column('turnover_share_pct', [['甲', '30.0'], ['乙', '75.0']]),
    ];
    const results = run('share_matches_part_total', o);
    expect(results[0].severity).toBe('error');
    expect(results[0].message).toContain('甲 1.00 / 合计 4.00 × 100 ≠ printed share 30.0');
    const [sum] = run('shares_sum_to_100', o);
    expect([sum.status, sum.severity]).toEqual(['fail', 'error']);
  });

  it('accepts section rows printed as shares of their section', () => {
    const o = [
      ...column('turnover', [['甲', '50.0'], ['乙/丙', '25.0'], ['乙/丁', '25.0'], ['乙/合计', '50.0'], ['合计', '100.0']]),
      ...column('turnover_share_pct', [['甲', '50.0'], ['乙/丙', '50.0'], ['乙/丁', '50.0'], ['乙/合计', '50.0']]),
    ];
    const sums = run('shares_sum_to_100', o);
    expect(sums.every((r) => r.status === 'pass')).toBe(true);
    const shares = run('share_matches_part_total', o);
    expect(shares.every((r) => r.status === 'pass')).toBe(true);
    expect(shares.find((r) => r.subject.includes('乙/丙'))!.message).toContain('a share of 乙/合计');
  });
});

describe('shares without a table total', () => {
  it('reports a near miss against the parent, and skips a far one', () => {
    const o = [
      ...column('contract_count', [['技术交易所', '12490'], ['技术交易所/技术项目', '11493'], ['技术交易所/其他', '997']]),
      ...column('contract_count_share_pct', [['技术交易所/技术项目', '92.01'], ['技术交易所/其他', '50.00']]),
    ];
    const [near, far] = run('share_matches_part_total', o);
    expect([near.status, near.severity]).toEqual(['fail', 'warning']);
    expect(near.message).toContain('truncated');
    expect(far.status).toBe('skipped');
  });
});

describe('growth_matches_years', () => {
  it('compares a growth rate with the two years of the same row', () => {
    const o = [
      obs('甲', 'turnover', '100.00', { dataYear: 2019 }),
      obs('甲', 'turnover', '110.00'),
      obs('甲', 'turnover_growth_pct', '10.00'),
      obs('乙', 'turnover', '100.00', { dataYear: 2019 }),
      obs('乙', 'turnover', '110.00'),
      obs('乙', 'turnover_growth_pct', '12.00'),
    ];
    const results = run('growth_matches_years', o);
    expect(results.map((r) => [r.status, r.severity])).toEqual([
      ['pass', 'info'],
      ['fail', 'error'],
    ]);
    expect(results[1].message).toContain('(2020 110.00 / 2019 100.00 − 1) × 100 ≠ printed growth 12.00');
  });

  it("checks a single-year total's growth against the base its rows imply", () => {
    const rows = (totalGrowth: string) => [
      ...column('turnover', [['甲', '110.0'], ['乙', '220.0'], ['合计', '330.0']]),
      ...column('turnover_growth_pct', [['甲', '10.0'], ['乙', '10.0'], ['合计', totalGrowth]]),
    ];
    expect(run('growth_matches_years', rows('10.0'))[0].status).toBe('pass');
    expect(run('growth_matches_years', rows('12.0'))[0].status).toBe('fail');
  });
});

describe('average_matches_amount_count', () => {
  it('divides 亿元 by a count into 万元', () => {
    const o = (avg: string) => [obs('全国', 'turnover', '13424.22'), obs('全国', 'contract_count', '367586'), obs('全国', 'avg_turnover', avg)];
    const [ok] = run('average_matches_amount_count', o('365.20'));
    expect(ok.status).toBe('pass');
    expect(ok.message).toContain('13424.22 × 10^4 / 367586');
    expect(run('average_matches_amount_count', o('36.52'))[0].severity).toBe('error');
  });

  it('reads printed units (亿元 / 万元) by their multipliers', () => {
    const o = [
      obs('技术服务', 'turnover', '5851.13', { unit: '亿元', unitMult: 8 }),
      obs('技术服务', 'contract_count', '134852', { unit: '项' }),
      obs('技术服务', 'avg_turnover', '433.98', { unit: '万元', unitMult: 4 }),
    ];
    const [r] = run('average_matches_amount_count', o);
    expect([r.status, r.severity, r.expectedLow, r.expectedHigh]).toEqual(['fail', 'error', '433.89234', '433.89309']);
  });
});

describe('rank_follows_amounts', () => {
  it('fails a pair ranked against its amounts', () => {
    const o = [
      ...column('turnover', [['非洲', '0.02'], ['大洋洲', '0.54'], ['亚洲', '190.07']]),
      ...column('turnover_rank', [['非洲', '4'], ['大洋洲', '5'], ['亚洲', '1']]),
    ];
    const results = run('rank_follows_amounts', o);
    expect(results).toHaveLength(1);
    expect([results[0].status, results[0].severity]).toEqual(['fail', 'error']);
    expect(results[0].message).toContain('大洋洲 0.54 (rank 5) > 非洲 0.02 (rank 4)');
  });

  it('passes ranks that follow the amounts within rounding', () => {
    const o = [
      ...column('turnover', [['甲', '1.00'], ['乙', '1.01']]),
      ...column('turnover_rank', [['甲', '1'], ['乙', '2']]),
    ];
    expect(run('rank_follows_amounts', o)[0].status).toBe('pass');
  });
});

describe('runChecks', () => {
  it('rejects an unknown kind', () => {
    expect(() => runChecks([], { kinds: ['nope' as CheckKind] })).toThrow(/unknown check kind/);
  });
});
