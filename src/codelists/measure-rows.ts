/**
 * Row labels that name a measure rather than a member (tables whose rows are measures and whose
 * columns are years: 表1-1 and 附表1 of the 2018/2021 editions, 表4 of the 2006 edition, and the
 * overall row of 附表8). Such a row needs no row dimension: its measure says what it is.
 * Labels are listed without their printed unit ("国内生产总值GDP/亿元" → "国内生产总值GDP"); see
 * `withoutUnit`.
 */

/** Measure-naming row labels as printed, units removed. */
export const MEASURE_ROW_LABELS: ReadonlySet<string> = new Set([
  '国内生产总值GDP',
  '国内生产总值（GDP）',
  '全社会R&D经费',
  '技术合同成交额',
  '技术合同成交额/R&D经费',
  '技术合同成交额/R&D',
  '技术合同成交额/GDP',
  '技术合同交易额',
  '技术合同交易额/国内生产总值',
  '合同数',
  '成交总额',
  '单项合同平均成交额',
]);

const UNIT = /(?:\/\s*(?:亿元|万元|元|项次|人次|项|家|次|人|个|%|％)|[（(](?:亿元|万元|元|项|个|家|人|万人|%|％)[）)])$/;

/** A label without the unit printed at its end: "技术开发/万元" → "技术开发", "增长（%）" → "增长". */
export function withoutUnit(label: string): string {
  return label.replace(UNIT, '');
}
