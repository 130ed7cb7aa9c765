/**
 * The checks across tables, prose and editions (issue 4) on small hand-made sources: one behaviour
 * per test (same_figure, growth/average across tables, prose shares and ranks, share changes in
 * points, the side the text names, cross_edition), and the member keys they match on.
 */
import { describe, expect, it } from 'vitest';
import { CheckResultSchema, crossEdition, readersFor, runChecks, type CheckKind } from '../src/checks/index.ts';
import { compositeParts, indexMembers, keyOfDimensions, nationalKeyFor, TOTAL_KEY } from '../src/checks/members.ts';
import type { CheckResult, Observation } from '../src/model.ts';

const SOURCE = 'b'.repeat(64);
let nextLine = 1;

/** Unit and multiplier by measure, as transform writes them. */
function unitOf(measure: string): [string, number] {
  if (/_pct$/.test(measure)) return ['%', 0];
  if (measure.endsWith('_rank')) return ['位', 0];
  if (measure === 'contract_count') return ['项', 0];
  if (measure === 'org_count') return ['家', 0];
  if (measure === 'avg_turnover') return ['万元', 4];
  return ['亿元', 8];
}

/** One observation of table `tableRef` for member `dims`; lines count up unless given. */
function obs(tableRef: string, rowLabel: string, dims: Record<string, string>, measure: string, value: string, more: Partial<Observation> = {}): Observation {
  const [unit, unitMult] = unitOf(measure);
  return {
    sourceId: SOURCE, sourceName: 'x.txt', edition: 2021, tableRef, tableTitle: '', tableKind: 'test', dataYear: 2020, rowLabel,
    parentLabel: '', columnGroup: '', dimensions: dims, measure, value, decimals: value.split('.')[1]?.length ?? 0, unit, unitMult,
    obsStatus: '', footnotes: '', page: null, line: nextLine++, raw: value, ...more,
  };
}

/** A prose figure placed under member key `key` in statement `statement`. */
function prose(rowLabel: string, key: string, measure: string, value: string, extra: Record<string, string> = {}, more: Partial<Observation> = {}): Observation {
  return obs('text', rowLabel, { 'text.member': key, 'text.statement': extra.statement ?? String(nextLine), ...extra }, measure, value, more);
}

/** Results of some kinds, each validated against the JSON schema. */
function run(kinds: CheckKind[], observations: Observation[]): CheckResult[] {
  const results = runChecks(observations, { kinds });
  for (const r of results) expect(CheckResultSchema.safeParse(r).success, r.subject).toBe(true);
  return results;
}

const failures = (rs: CheckResult[]) => rs.filter((r) => r.status === 'fail');
const BJ = { flow: 'outflow', region: '110000' };
const DEV = { contract_type: 'dev' };

describe('member keys', () => {
  it('drop codelist totals, and the national total of contracts is one key whatever the breakdown', () => {
    expect(keyOfDimensions([['flow', 'inflow'], ['region', '_T']])).toBe(TOTAL_KEY);
    expect(keyOfDimensions([['contract_type', '_T']])).toBe(TOTAL_KEY);
    expect(keyOfDimensions([['contract_type', '_T'], ['flow', 'inflow'], ['region', 'ABROAD']])).toBe('flow=inflow;region=ABROAD');
  });

  it('keep the breakdown of a national count of organisations (sellers are not buyers)', () => {
    expect(keyOfDimensions([['seller_type', '_T']], 'org_count')).not.toBe(keyOfDimensions([['buyer_type', '_T']], 'org_count'));
    expect(nationalKeyFor('seller_type=gov', 'org_count')).toBe(keyOfDimensions([['seller_type', '_T']], 'org_count'));
  });

  it('read a composite member as its parts, and a grouping as the rows of the table that totals it', () => {
    expect(compositeParts('flow=outflow;region=HMT+FOREIGN')).toEqual(['flow=outflow;region=HMT', 'flow=outflow;region=FOREIGN']);
    const rows = [
      obs('表4-6', '北京', { flow: 'outflow', region: '110000' }, 'turnover', '10.0'),
      obs('表4-6', '天津', { flow: 'outflow', region: '120000' }, 'turnover', '5.0'),
      obs('表4-6', '合计', { flow: 'outflow', region: 'JJJ' }, 'turnover', '15.0'),
      obs('表3-1', '北京', { flow: 'registered', region: '110000' }, 'turnover', '11.0'),
      obs('表3-1', '天津', { flow: 'registered', region: '120000' }, 'turnover', '6.0'),
    ];
    const parts = indexMembers(rows).partsOf('flow=registered;region=JJJ', 2020, 'turnover');
    expect(parts?.map((p) => p.value)).toEqual(['11.0', '6.0']);
  });
});

describe('same_figure', () => {
  it('passes a figure printed alike (within rounding, across units) in two tables', () => {
    const rs = run(['same_figure'], [obs('表3-2', '北京', BJ, 'turnover', '4486.89'), obs('附表5', '北京', BJ, 'turnover', '4486.9')]);
    expect(rs.map((r) => r.status)).toEqual(['pass']);
  });

  it('reports the printing that stands apart, citing every printing', () => {
    const rs = failures(run(['same_figure'], [
      obs('表3-2', '河南', BJ, 'contract_count', '1512'),
      obs('表4-3', '河南', BJ, 'contract_count', '7473'),
      obs('附表6', '河南', BJ, 'contract_count', '7473'),
    ]));
    expect(rs).toHaveLength(1);
    expect(rs[0]).toMatchObject({ severity: 'error', tableRef: '表3-2', printed: '1512' });
    expect(rs[0].inputs).toHaveLength(3);
  });

  it('reports a figure printed with fewer digits beyond its own rounding of the precise one, though it touches a third printing', () => {
    // The 2021 edition's 企业 吸纳 growth: 附表14 30.70, prose 30.7 twice, prose 30.8 (30.75…30.85
    // touches 30.7's 30.65…30.75, never 30.70's 30.695…30.705).
    const g = (ref: string, v: string) => (ref === 'text' ? prose('企业', 'flow=inflow;seller_type=ent', 'turnover_growth_pct', v) : obs(ref, '企业', { flow: 'inflow', seller_type: 'ent' }, 'turnover_growth_pct', v));
    const rs = failures(run(['same_figure'], [g('附表14', '30.70'), g('text', '30.7'), g('text', '30.8'), g('text', '30.7')]));
    expect(rs).toHaveLength(1);
    expect(rs[0]).toMatchObject({ severity: 'error', tableRef: 'text', printed: '30.8' });
  });

  it('passes a figure printed with fewer digits within its own rounding of the precise one (15.3 and 15.35, 30.7 and 30.70)', () => {
    const g = (ref: string, v: string) => obs(ref, '新疆', BJ, 'turnover_growth_pct', v);
    expect(run(['same_figure'], [g('附表5', '15.35'), g('表4-4', '15.3'), g('表4-2', '15.3')]).map((r) => r.status)).toEqual(['pass']);
    expect(run(['same_figure'], [g('附表5', '30.70'), g('表4-4', '30.7'), g('表4-2', '30.7')]).map((r) => r.status)).toEqual(['pass']);
  });

  it('compares ranks only within one universe (a regional rank is no national rank)', () => {
    const national = { flow: 'outflow', region: '_T' };
    const east = { flow: 'outflow', region: 'EAST' };
    const rs = run(['same_figure'], [
      obs('表3-2', '合计', national, 'turnover', '100'), obs('表3-2', '北京', BJ, 'turnover_rank', '1'),
      obs('表4-2', '合计', east, 'turnover', '60'), obs('表4-2', '北京', BJ, 'turnover_rank', '2'),
    ]);
    expect(failures(rs)).toEqual([]);
  });

  it('does not compare tables whose national totals differ (another population: 重大技术合同)', () => {
    const rs = run(['same_figure'], [
      obs('附表2', '合计', { contract_type: '_T' }, 'turnover', '13424.22'), obs('附表2', '技术服务', DEV, 'turnover', '6826.17'),
      obs('附表3', '合计', { tech_field: '_T' }, 'turnover', '13424.22'),
      obs('附表4', '合计', { contract_type: '_T' }, 'turnover', '10281.40'), obs('附表4', '技术服务', DEV, 'turnover', '5591.76'),
    ]);
    expect(failures(rs)).toEqual([]);
  });

  it('compares a prose level of several members with the sum of their printed parts', () => {
    const rs = failures(run(['same_figure'], [
      obs('附表5', '港澳台', { flow: 'outflow', region: 'HMT' }, 'turnover', '60.45'),
      obs('附表5', '国外', { flow: 'outflow', region: 'FOREIGN' }, 'turnover', '447.57'),
      prose('港澳台地区+国外', 'flow=outflow;region=HMT+FOREIGN', 'turnover', '508.19'),
    ]));
    expect(rs).toHaveLength(1);
    expect(rs[0].message).toContain('508.02');
  });
});

describe('growth_across_tables and average_across_tables', () => {
  it('checks a growth rate against the previous year printed by another table', () => {
    const rs = failures(run(['growth_across_tables'], [
      obs('附表2', '技术转让', DEV, 'contract_count', '148582', { dataYear: 2019 }),
      obs('附表10', '技术转让', DEV, 'contract_count', '16698'),
      obs('附表10', '技术转让', DEV, 'contract_count_growth_pct', '32.99'),
    ]));
    expect(rs).toHaveLength(1);
    expect(rs[0]).toMatchObject({ severity: 'error', tableRef: '附表10' });
  });

  /** 附表5's 国外 and 港澳台 rows (2019 and 2020) of the 2021 edition, and a grouping row 境外地区 on one line. */
  const abroad = (count: string, amount: string, growth: string) => {
    const out = (region: string) => ({ flow: 'outflow', region });
    const line = nextLine++;
    return [
      obs('附表5', '国外', out('FOREIGN'), 'contract_count', '2782'), obs('附表5', '国外', out('FOREIGN'), 'turnover', '930.54'),
      obs('附表5', '国外', out('FOREIGN'), 'turnover', '562.66', { dataYear: 2019 }),
      obs('附表5', '港澳台', out('HMT'), 'contract_count', '315'), obs('附表5', '港澳台', out('HMT'), 'turnover', '33.28'),
      obs('附表5', '港澳台', out('HMT'), 'turnover', '86.49', { dataYear: 2019 }),
      ...(
        [['contract_count', count], ['turnover', amount], ['turnover_growth_pct', growth]] as const
      ).map(([m, x]) => obs('表4-1', '境外地区', out('ABROAD'), m, x, { line })),
    ];
  };

  it('computes a grouping printed with one part’s levels on that part’s previous year (境外地区 = 国外: 930.5 / 562.66 − 1 = 65.38, not 65.5)', () => {
    const rs = failures(run(['growth_across_tables'], abroad('2782', '930.5', '65.5')));
    expect(rs).toHaveLength(1);
    expect(rs[0]).toMatchObject({ severity: 'error', printed: '65.5' });
    expect(rs[0].message).toContain('562.66');
    expect(run(['growth_across_tables'], abroad('2782', '930.5', '65.4')).map((r) => r.status)).toEqual(['pass']);
  });

  it('computes a grouping printed with all its parts’ levels like for like on the sum of their previous years (963.8 / 649.15 − 1 = 48.5, not 71.5)', () => {
    const rs = failures(run(['growth_across_tables'], abroad('3097', '963.8', '71.5')));
    expect(rs).toHaveLength(1);
    expect(rs[0].message).toMatch(/562\.66 \+ 港澳台 86\.49/);
    expect(run(['growth_across_tables'], abroad('3097', '963.8', '48.5')).map((r) => r.status)).toEqual(['pass']);
  });

  it('leaves a grouping alone when its levels are neither one part’s nor the sum of its parts’', () => {
    expect(run(['growth_across_tables'], abroad('3000', '950.0', '60.0'))).toEqual([]);
  });

  it('computes a composite’s growth on the previous levels the text derives (level − change on the previous year), part by part', () => {
    // 2021 edition l.1511: 高等院校、科研机构 2774 sellers, +13.9 %; 2019 = (1045 − 134) + (1729 − 194) = 2446 → 13.4 %.
    const U = 'seller_type=public.university';
    const R = 'seller_type=public.research';
    const org = (m: string, key: string, value: string, statement: string) => prose(key === U ? '高等院校' : key === R ? '科研机构' : '高等院校+科研机构', key, m, value, { statement }, { unit: '家', unitMult: 0 });
    const sources = (growth: string) => [
      obs('表5-2', '高等院校', { seller_type: 'public.university' }, 'org_count', '1045'),
      obs('表5-2', '科研机构', { seller_type: 'public.research' }, 'org_count', '1729'),
      org('org_count', R, '1729', 's1'), org('x_org_count_change', R, '194', 's1'),
      org('org_count', U, '1045', 's2'), org('x_org_count_change', U, '134', 's2'),
      org('org_count', `${U}+public.research`, '2774', 's3'), prose('高等院校+科研机构', `${U}+public.research`, 'x_org_count_growth_pct', growth, { statement: 's3' }),
    ];
    const rs = failures(run(['growth_across_tables'], sources('13.9')));
    expect(rs).toHaveLength(1);
    expect(rs[0]).toMatchObject({ severity: 'error', printed: '13.9' });
    expect(rs[0].message).toMatch(/1045 − 134.*1729 − 194/);
    expect(run(['growth_across_tables'], sources('13.4')).map((r) => r.status)).toEqual(['pass']);
  });

  it('reports a growth rate that truncation explains as a warning', () => {
    const rs = failures(run(['growth_across_tables'], [
      obs('表2', '技术开发', DEV, 'contract_count', '66480', { dataYear: 2019 }),
      prose('技术开发', 'contract_type=dev', 'contract_count', '75977', { statement: 's1' }),
      prose('技术开发', 'contract_type=dev', 'contract_count_growth_pct', '14.28', { statement: 's1' }),
    ]));
    expect(rs.map((r) => r.severity)).toEqual(['warning']);
  });

  it('checks an average against amount and count printed elsewhere (亿元 / 项 → 万元)', () => {
    const ok = run(['average_across_tables'], [
      obs('附表2', '技术开发', DEV, 'turnover', '2188.88'), obs('附表2', '技术开发', DEV, 'contract_count', '16953'),
      obs('附表8', '技术开发', DEV, 'avg_turnover', '1291.14'),
    ]);
    expect(ok.map((r) => r.status)).toEqual(['pass']);
    const bad = run(['average_across_tables'], [
      obs('附表2', '技术服务', DEV, 'turnover', '5851.13'), obs('附表2', '技术服务', DEV, 'contract_count', '134852'),
      obs('附表8', '技术服务', DEV, 'avg_turnover', '433.98'),
    ]);
    expect(failures(bad).map((r) => r.severity)).toEqual(['error']);
  });
});

describe('a count column printed one row off', () => {
  /** The 2018 edition's 附表2 (2016: amounts, counts as printed) and 附表8 (2016 averages). */
  const tables = (counts: string[], serviceAverage: string) => {
    const rows: [string, Record<string, string>, string, string][] = [
      ['技术开发', { contract_type: 'dev' }, '3479.64', '234.19'],
      ['技术转让', { contract_type: 'transfer' }, '1607.89', '1280.57'],
      ['技术咨询', { contract_type: 'consult' }, '468.33', '191.57'],
      ['技术服务', { contract_type: 'service' }, '5851.13', serviceAverage],
    ];
    return rows.flatMap(([label, dims, amount, average], k) => {
      const line = 3033 + 2 * k;
      return [
        obs('附表2', label, dims, 'turnover', amount, { line, dataYear: 2016 }),
        obs('附表2', label, dims, 'contract_count', counts[k], { line, dataYear: 2016 }),
        obs('附表8', label, dims, 'avg_turnover', average, { line: 3400 + 2 * k, dataYear: 2016 }),
      ];
    });
  };

  it('is named once, and each average is read with the count printed on the neighbouring row (a wrong one still found)', () => {
    const rs = failures(run(['average_across_tables'], tables(['134852', '148582', '12556', '24447'], '433.98')));
    expect(rs.map((r) => [r.tableRef, r.severity, r.printed])).toEqual([['附表2', 'error', null], ['附表8', 'error', '433.98']]);
    expect(rs[0].subject).toBe('附表2 2016 contract_count: column printed one row off (averages of 附表8)');
    expect(rs[1].message).toContain('134852');
    expect(failures(run(['average_across_tables'], tables(['134852', '148582', '12556', '24447'], '433.89')))).toHaveLength(1);
  });

  it('is not suspected when the averages hold as printed, or when only one row fails', () => {
    expect(failures(run(['average_across_tables'], tables(['148582', '12556', '24447', '134852'], '433.89')))).toEqual([]);
    const one = failures(run(['average_across_tables'], tables(['148582', '12556', '24447', '134852'], '433.98')));
    expect(one.map((r) => r.tableRef)).toEqual(['附表8']);
  });
});

describe('prose shares, ranks and changes of a share', () => {
  const total = [obs('表4', '合计', {}, 'turnover', '1551.36'), obs('表4', '合计', {}, 'turnover', '1334.36', { dataYear: 2019 })];

  it('checks a share against the statement’s level and the national total; truncation is a warning', () => {
    const rs = run(['share_of_base'], [
      ...total,
      prose('工业', 'x', 'turnover', '470.98', { statement: 's2' }),
      prose('工业', 'x', 'turnover_share_pct', '30.3', { statement: 's2', 'text.base': TOTAL_KEY }),
    ]);
    expect(failures(rs).map((r) => r.severity)).toEqual(['warning']);
  });

  it('takes a miss of one unit among shares printed together that total 100 as a nudge (warning)', () => {
    const shares: [string, string, string][] = [['企业', '1171.34', '76'], ['管理部门', '133.75', '8'], ['科研机构', '63.20', '4'], ['个体', '11.26', '1'], ['技贸', '10.68', '1'], ['其它', '161.13', '10']];
    const rows = shares.flatMap(([label, amount, share], i) => [
      prose(label, `m=${i}`, 'turnover', amount, { statement: `n${i}` }),
      prose(label, `m=${i}`, 'turnover_share_pct', share, { statement: `n${i}`, 'text.base': TOTAL_KEY }),
    ]);
    const rs = failures(run(['share_of_base'], [...total, ...rows]));
    expect(rs.map((r) => [r.printed, r.severity])).toEqual([['8', 'warning']]);
  });

  it('checks a rank the text states against the amounts of a national table', () => {
    const nat = { flow: 'inflow', region: '_T' };
    const rows = [
      obs('表3-2', '合计', nat, 'turnover', '100'),
      obs('表3-2', '北京', { flow: 'inflow', region: '110000' }, 'turnover', '31.3'),
      obs('表3-2', '广东', { flow: 'inflow', region: '440000' }, 'turnover', '43.1'),
      prose('北京', 'flow=inflow;region=110000', 'turnover_rank', '1', { 'text.universe': TOTAL_KEY }),
    ];
    expect(failures(run(['rank_in_text'], rows)).map((r) => r.severity)).toEqual(['error']);
  });

  it('accepts a change in points computed on shares rounded to its own precision', () => {
    const rows = [
      ...total,
      obs('表2', '技术服务', DEV, 'turnover', '526.58'), obs('表2', '技术服务', DEV, 'turnover', '446.85', { dataYear: 2019 }),
      prose('技术服务', 'contract_type=dev', 'x_turnover_share_change_pp', '1', { 'text.base': TOTAL_KEY }),
      prose('技术服务', 'contract_type=dev', 'x_turnover_share_change_pp', '2', { 'text.base': TOTAL_KEY }),
    ];
    expect(run(['share_change_points'], rows).map((r) => r.status)).toEqual(['pass', 'fail']);
  });
});

describe('cross_edition', () => {
  it('reports a figure two editions print differently as a revision (severity info)', () => {
    const a = obs('附表8', '技术服务', DEV, 'avg_turnover', '441.29', { dataYear: 2017, edition: 2018 });
    const b = obs('附表8', '技术服务', DEV, 'avg_turnover', '411.29', { dataYear: 2017, edition: 2021, sourceId: 'c'.repeat(64) });
    const same = obs('附表1', '合计', {}, 'turnover', '13424.22', { dataYear: 2017, edition: 2018 });
    const same2 = obs('附表1', '合计', {}, 'turnover', '13424.22', { dataYear: 2017, edition: 2021, sourceId: 'c'.repeat(64) });
    const rs = crossEdition([{ name: 'a.txt', edition: 2018, observations: [a, same] }, { name: 'b.txt', edition: 2021, observations: [b, same2] }], readersFor());
    expect(rs.map((r) => [r.status, r.severity])).toEqual([['fail', 'info'], ['pass', 'info']]);
    expect(rs[0].inputFiles).toEqual(['a.txt', 'b.txt']);
    expect(rs[0].message).toMatch(/^revised/);
    for (const r of rs) expect(CheckResultSchema.safeParse(r).success).toBe(true);
  });
});
