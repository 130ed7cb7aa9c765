/**
 * Canonical table kinds, classified from a table's title (all editions use these words, with
 * the synonyms listed: 技术贸易机构/技术交易机构, 合同类型/合同类别, 卖方/输出 …), or, for a table
 * without a title, from the dimension of its rows.
 */
import { labelDimensions } from '../../codelists/fit.ts';

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

/** The kind whose rows use one dimension, for a table whose title does not say (a provisional table). */
const KIND_OF_DIMENSION: Record<string, string> = {
  region: 'contracts_by_region_flow',
  contract_type: 'contracts_by_type',
  tech_field: 'contracts_by_tech_field',
  ip_type: 'contracts_by_ip_type',
  socioeconomic_goal: 'contracts_by_socioeconomic_goal',
  plan_category: 'contracts_by_plan_category',
};

/** Share of a table's known row labels that must belong to one dimension for its kind to follow from them. */
const ROWS_KIND_SHARE = 0.8;

/**
 * The kind of a table from its row labels, when no title names it: the kind whose dimension
 * (region, contract type, technology field …) ROWS_KIND_SHARE of the labels some codelist knows
 * belong to, at least three of them; 'other' otherwise (seller and buyer types look alike, so
 * they name no kind).
 */
export function kindFromRows(labels: readonly string[]): string {
  const votes = new Map<string, number>();
  let known = 0;
  for (const label of new Set(labels)) {
    const dims = labelDimensions(label);
    if (!dims.length) continue;
    known++;
    for (const d of dims) votes.set(d, (votes.get(d) ?? 0) + 1);
  }
  for (const [dim, kind] of Object.entries(KIND_OF_DIMENSION)) if (known >= 3 && (votes.get(dim) ?? 0) >= ROWS_KIND_SHARE * known) return kind;
  return 'other';
}
