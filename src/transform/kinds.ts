/**
 * Canonical table kinds, classified from a table's title (all editions use these words, with
 * the synonyms listed: 技术贸易机构/技术交易机构, 合同类型/合同类别, 卖方/输出 …).
 */

const KINDS: [RegExp, string][] = [
  [/平均每[份项]/, 'avg_turnover_by_type'],
  [/GDP|国内生产总值|R\s*&\s*D/, 'gdp_rd_comparison'],
  [/重大技术合同/, 'major_contracts'],
  [/技术领域|领域构成|行业分布/, 'contracts_by_tech_field'],
  [/知识产权/, 'contracts_by_ip_type'],
  [/社会\s*[—－-]?\s*经济目标/, 'contracts_by_socioeconomic_goal'],
  [/计划项目|计划类别|各级计划/, 'contracts_by_plan_category'],
  [/排名前|前\s*\d+\s*[名位]/, 'top_entities'],
  [/卖方/, 'contracts_by_seller_type'],
  [/买方/, 'contracts_by_buyer_type'],
  [/交易机构|贸易机构|交易所|交易市场|服务情况|人员构成/, 'trading_institutions'],
  [/合同类型|合同类别|各类技术合同/, 'contracts_by_type'],
  [/输出技术成交|输出技术情况/, 'contracts_by_region_outflow'],
  [/吸纳技术/, 'contracts_by_region_inflow'],
  [/流向|交易情况|认定登记|成交金额|成交情况/, 'contracts_by_region_flow'],
];

/** The table kind of a title, e.g. "2020 年全国技术合同技术领域构成" → contracts_by_tech_field. */
export function tableKind(title: string): string {
  if (/全国技术合同成交情况$/.test(title)) return 'national_series';
  for (const [re, kind] of KINDS) if (re.test(title)) return kind;
  return 'other';
}
