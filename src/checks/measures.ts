/**
 * What the checks need to know about measures and units (golden/FORMAT.md "Measure codes";
 * DESIGN.md "The canonical record"): which measures add up over a partition of rows, which
 * measure a share, growth rate, rank or average is computed from, and which units count things
 * exactly. Serves every edition: the codes are the canonical ones, not printed headers.
 */
import type { Observation } from '../model.ts';

/** Suffixes and prefixes that mark a measure as derived (a ratio, rate, rank or mean): never summed. */
const NON_ADDITIVE = [/_pct$/, /_growth/, /_rank$/, /^avg_/, /_ratio/, /_share/, /_change/];

/**
 * Whether values of `measure` add up over a partition of rows: contract_count, turnover,
 * tech_transaction_amount, org_count, staff_count, gdp, rd_expenditure and the x_* amounts and
 * counts; never a share, growth rate, ratio, rank or average.
 */
export function isAdditive(measure: string): boolean {
  return !NON_ADDITIVE.some((re) => re.test(measure));
}

/** Whether `measure` is a share in percent of a column total ("turnover_share_pct"). */
export function isShare(measure: string): boolean {
  return /_share_pct$/.test(measure) && baseOf(measure, '_share_pct') !== null;
}

/**
 * The measure a derived measure is computed from, by stripping `suffix`:
 * ("turnover_share_pct", "_share_pct") → "turnover"; null when `measure` does not end in it.
 */
export function baseOf(measure: string, suffix: string): string | null {
  return measure.endsWith(suffix) && measure.length > suffix.length ? measure.slice(0, -suffix.length) : null;
}

/**
 * Candidate codes for the level measure of a derived one, most specific first: an invented
 * "x_org_count_growth_pct" may be the growth of the standard "org_count".
 */
export function baseCandidates(measure: string, suffix: string): string[] {
  const base = baseOf(measure, suffix);
  if (base === null) return [];
  return base.startsWith('x_') ? [base, base.slice(2)] : [base];
}

/**
 * An average measure and the amount and count it divides: avg_turnover = turnover / contract_count
 * (FORMAT.md: 平均每份 / 每项成交额).
 */
export interface AverageDefinition {
  average: string;
  amount: string;
  count: string;
}

/** The averages the reports print. */
export const AVERAGES: readonly AverageDefinition[] = [
  { average: 'avg_turnover', amount: 'turnover', count: 'contract_count' },
];

/**
 * Units that count things (项, 家, 个, 人, 次, 位 …), in the printed form and the canonical
 * "rank". A value in one of them, printed without decimals and without a multiplier, is exact.
 */
const COUNT_UNITS = new Set(['项', '家', '个', '人', '次', '位', '人次', '项次', '所', '件', '份', 'rank']);

/**
 * Whether an observation is an exact count (DESIGN.md: "a count of things is exact"): a count
 * unit, no UNIT_MULT (万人 is a rounded amount) and no printed decimals.
 */
export function isExactCount(o: Pick<Observation, 'unit' | 'unitMult' | 'decimals'>): boolean {
  return COUNT_UNITS.has(o.unit) && o.unitMult === 0 && o.decimals === 0;
}

/**
 * A unit without its multiplier prefix, so that amounts printed in 亿元 and 万元 (UNIT_MULT 8 and 4)
 * count as the same unit 元 once scaled: "亿元" → "元", "万人" → "人", "CNY" → "CNY".
 */
export function baseUnit(unit: string): string {
  return /^[万亿千百].+/.test(unit) ? unit.slice(1) : unit;
}
