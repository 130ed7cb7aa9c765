/**
 * The vocabulary of table headers across editions: which printed words name which measure
 * (golden/FORMAT.md "Measure codes"), which are years, flows (输出技术/吸纳技术) and units.
 * Synonyms are listed longest first so that "合同成交金额" wins over "金额".
 */

/** The concept a header word names, before growth/share are tied to their base measure. */
export type MeasureWord =
  | 'count' | 'turnover' | 'growth' | 'share' | 'rank' | 'avg' | 'org' | 'staff' | 'volume'
  | 'tech_amount' | 'property_amount' | 'other_amount' | 'activities' | 'trainees' | 'promotion' | 'training'
  | 'strategic_emerging' | 'public_plan' | 'intl_transfer' | 'major_transfer';

/** Printed words → concept, longest first. `sub` marks words that refine a parent header cell. */
export const MEASURE_WORDS: { re: RegExp; word: MeasureWord; sub?: boolean }[] = [
  { re: /^(平均每[份项](技术合同)?成交(金)?额|单项合同平均成交额)/, word: 'avg' },
  { re: /^(成交技术合同项目|技术合同项数|合同项数|成交项数|合同数)/, word: 'count' },
  { re: /^项数/, word: 'count', sub: true },
  { re: /^技术交易额/, word: 'tech_amount' },
  { re: /^产权交易额/, word: 'property_amount' },
  { re: /^其[它他]交易额/, word: 'other_amount' },
  { re: /^(技术合同成交额|合同成交金额|技术合同成交金额|成交金额|合同金额|成交总额|成交额|交易额)/, word: 'turnover' },
  { re: /^金额/, word: 'turnover', sub: true },
  { re: /^(比上年增长|同比增长|增长率|增幅|增长)/, word: 'growth' },
  { re: /^(占总数百分比|占全国比重|占比|比重)/, word: 'share' },
  { re: /^(按金额排序|排序|排名|位次)/, word: 'rank' },
  { re: /^(机构数量|机构数)/, word: 'org' },
  { re: /^(从业人员|人员数)/, word: 'staff' },
  { re: /^开展技术交流交易活动/, word: 'activities' },
  { re: /^开展技术推广和交易活动/, word: 'promotion' },
  { re: /^培训技术人员/, word: 'trainees' },
  { re: /^组织培训人次/, word: 'training' },
  // Parts of 成交金额 printed under it ("其中：促成…成交金额").
  { re: /^促成战略性新兴产业技术成交金额/, word: 'strategic_emerging', sub: true },
  { re: /^促成公共财政投入计划项目成交金额/, word: 'public_plan', sub: true },
  { re: /^促成国际技术转移项目成交金额/, word: 'intl_transfer', sub: true },
  { re: /^促成重大技术转移项目成交金额/, word: 'major_transfer', sub: true },
  { re: /^数量/, word: 'volume' },
];

/**
 * A unit as printed after a header word: "/项", "（亿元）", "(%)", or a bare "亿元"/"%" not run
 * into a following word (so the 项 of "项数" is no unit). The unit is in group 1 or 2.
 */
export const UNIT_RE = /^(?:[/（(](亿元|万元|项次|人次|万人|元|项|家|个|人|次|位|%)[）)]?|(亿元|万元|%)(?![\u4e00-\u9fff]))/;

/** The unit a UNIT_RE match names. */
export function unitOf(m: RegExpExecArray): string {
  return m[1] ?? m[2];
}

/** Flow groups of two-sided tables (column_group). */
export const FLOW_WORDS = /^(输出技术|吸纳技术)/;

/** SDMX unit multiplier of a unit: 亿元 → 8, 万元 → 4, 万人 → 4, else 0. */
export function unitMultiplier(unit: string): number {
  if (unit === '亿元') return 8;
  if (unit === '万元' || unit === '万人') return 4;
  return 0;
}

/** The default unit of a measure concept when the header names none. */
export function defaultUnit(word: MeasureWord, amountUnit: string): string {
  switch (word) {
    case 'count': return '项';
    case 'growth': case 'share': return '%';
    case 'rank': return '位';
    case 'org': return '个';
    case 'staff': return '人';
    case 'activities': case 'promotion': return '次';
    case 'trainees': case 'training': return '人';
    case 'volume': return '项';
    case 'avg': return amountUnit === '亿元' ? '万元' : amountUnit;
    default: return amountUnit;
  }
}

/** Base measure code of a concept (growth/share are derived from the base they refer to). */
export function baseMeasure(word: MeasureWord): string {
  switch (word) {
    case 'count': return 'contract_count';
    case 'turnover': return 'turnover';
    case 'avg': return 'avg_turnover';
    case 'org': return 'org_count';
    case 'staff': return 'staff_count';
    case 'tech_amount': return 'tech_transaction_amount';
    case 'property_amount': return 'x_property_rights_transaction_amount';
    case 'other_amount': return 'x_other_transaction_amount';
    case 'activities': return 'x_exchange_activity_count';
    case 'trainees': return 'x_trainee_count';
    case 'promotion': return 'x_promotion_event_count';
    case 'training': return 'x_training_attendance';
    case 'strategic_emerging': return 'x_strategic_emerging_turnover';
    case 'public_plan': return 'x_public_plan_turnover';
    case 'intl_transfer': return 'x_intl_transfer_turnover';
    case 'major_transfer': return 'x_major_transfer_turnover';
    case 'volume': return 'x_tto_service_volume';
    case 'rank': return 'turnover_rank';
    default: return 'turnover';
  }
}

/** Concepts that can carry a growth or share column after them. */
export function isBase(word: MeasureWord): boolean {
  return word !== 'growth' && word !== 'share' && word !== 'rank';
}

/**
 * Measure of a row whose label names it (tables whose columns are years, e.g. 表1-1, 附表1,
 * 附表8): "合同数 / 项" → contract_count, "技术合同成交额 / GDP（%）" → turnover_gdp_ratio_pct.
 * `title` decides between an amount and an average ("平均每项成交额"). Returns null if unknown.
 */
export function measureFromLabel(label: string, title: string): { measure: string; unit: string | null } | null {
  const l = label.replace(/\s+/g, '');
  const unit = /[/（(](亿元|万元|元|项|%)[）)]?$/.exec(l)?.[1] ?? (/[（(]%[）)]/.test(l) ? '%' : null);
  if (/成交额|交易额/.test(l) && /GDP|国内生产总值/.test(l)) return { measure: 'turnover_gdp_ratio_pct', unit: '%' };
  if (/成交额|交易额/.test(l) && /R&D/.test(l)) return { measure: 'turnover_rd_ratio_pct', unit: '%' };
  if (/GDP|国内生产总值/.test(l)) return { measure: 'gdp', unit };
  if (/R&D/.test(l)) return { measure: 'rd_expenditure', unit };
  if (/平均/.test(l) || /平均/.test(title)) return { measure: 'avg_turnover', unit: unit ?? '万元' };
  if (/合同数|项数/.test(l)) return { measure: 'contract_count', unit: unit ?? '项' };
  if (/成交额|成交总额|交易额|金额/.test(l)) return { measure: 'turnover', unit };
  return null;
}
