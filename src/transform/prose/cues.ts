/**
 * The words of the reports' running text that say what a figure is (DESIGN.md "Prose figures"):
 * which measure ("成交额" → turnover, "项数" → contract_count, "平均" → avg_turnover), growth or
 * decline ("同比增长", "下降"), share ("占…的"), which side of a transaction ("输出" / "吸纳",
 * "卖方" / "买方", "登记"), and a previous year's value ("由上年的…"). Small pure helpers over
 * normalised text (paragraphs.ts). Serves every edition.
 */

import { isDataYear } from '../normalize/years.ts';

/** A flow of technology: the codes the region codelist uses ("" when the text names none). */
export type Flow = 'outflow' | 'inflow' | 'registered' | '';

/** Words naming a measure (or a unit right after a number), and amounts that are no turnover. */
const CUE = /(人员|人数|\d人(?!次)|\d万人(?!次)|平均|技术交易额|成交总金额|成交总额|成交金额|成交额|交易金额|合同金额|总金额|交易额|金额|合同项数|合同数|项数|签订|机构数|家数|数量|国内生产总值|GDP|R&D|经费|收入|利税|出口额|资产|营业额|投资|产值|\d项(?!次)|\d亿元|\d万元)/g;

/**
 * The measure named last in a piece of text: avg_turnover ("平均…成交额", "平均…万元"), turnover,
 * contract_count, org_count, 'other' for an amount the tables do not hold as turnover (GDP, 收入,
 * 利税 …), or null when none is named.
 */
export function lastMeasureCue(text: string): string | null {
  let last: RegExpExecArray | null = null;
  for (const m of text.matchAll(CUE)) last = m as RegExpExecArray;
  if (!last) return null;
  const word = last[1];
  const near = text.slice(Math.max(0, last.index - 12), last.index + word.length);
  const average = /平均[^,;。]*$/.test(near);
  if (word === '平均') return 'avg_turnover';
  if (/成交|金额|交易额|\d亿元/.test(word)) return average ? 'avg_turnover' : 'turnover';
  if (/\d万元/.test(word)) return average ? 'avg_turnover' : 'other';
  if (/项|签订/.test(word)) return 'contract_count';
  if (/机构数|家数|数量/.test(word)) return 'org_count';
  if (/人/.test(word)) return 'staff_count';
  return 'other';
}

/** Measures named in order in a piece of text ("项数与成交额" → contract_count, turnover). */
export function measureCuesInOrder(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(项数|合同数|数量|成交额|成交金额|金额|交易额)/g)) {
    const measure = /项数|合同数|数量/.test(m[1]) ? 'contract_count' : 'turnover';
    if (out[out.length - 1] !== measure) out.push(measure);
  }
  return out;
}

/** Growth cue just before a percentage: +1 growth, −1 decline, 0 none. */
export function growthSign(segment: string): 1 | -1 | 0 {
  const m = /(同比增长|比上年增长|较上年增长|增长|增幅|增速|涨幅|上升|提高|回升|下降|减少|降幅|降低|回落|下滑|负增长)[^,;。]*$/.exec(segment);
  if (!m) return 0;
  return /下降|减少|降幅|降低|回落|下滑|负增长/.test(m[1]) ? -1 : 1;
}

/** Whether a percentage after this text is a share ("占…的", "所占比例为"). */
export function isShareCue(segment: string): boolean {
  return /占/.test(segment) || /(?:比例|比重|份额|占比)(?:为|达|是|达到|到)?$/.test(segment);
}

/** The text of a share's base: what follows 占 ("全国技术合同成交总额的"), or "" for a bare 比例. */
export function shareBase(segment: string): string {
  // "所占比例…" names no base: the share is of the whole.
  const m = /.*(?<!所)占/s.exec(segment);
  return m ? segment.slice(m[0].length) : '';
}

/**
 * Whether a share base is the national total: once the words for "all", "contracts", "turnover",
 * "number" are taken out of it ("全国技术合同成交总额", "合同总金额", "各类卖方主体总数") nothing
 * is left ("各级科技计划项目成交总额" keeps a member of its own).
 */
export function isNationalBase(base: string): boolean {
  const head = base.split('的')[0];
  return head.replace(/全国|全部|所有|各类|技术合同|技术|合同|成交|交易|总|金额|额|项数|数量|人数|数|卖方|买方|机构|主体|份|输出|吸纳/g, '') === '';
}

/** The measure a share base counts ("成交额" → turnover, "项数" → contract_count), or null. */
export function baseMeasure(base: string): string | null {
  const head = base.split('的')[0];
  if (/人数/.test(head)) return 'staff_count';
  if (/成交额|金额|总额|交易额/.test(head)) return 'turnover';
  if (/主体|机构|家数|数量/.test(head)) return 'org_count';
  if (/项数|合同数|总数/.test(head)) return 'contract_count';
  return null;
}

/** The flow a piece of text names (both → "both"). */
export function flowWords(text: string): Flow | 'both' {
  const out = /输出|卖方|出口/.test(text);
  const inn = /吸纳|买方|购买|引进/.test(text);
  if (out && inn) return 'both';
  if (out) return 'outflow';
  if (inn) return 'inflow';
  if (/登记/.test(text)) return 'registered';
  return '';
}

/**
 * The partner verb just before a mention: "引进X" / "吸纳X(的)技术" name X as the side that
 * outputs; "输出到X" / "出口到X" / "面向X" / "向X" as the side that absorbs. null when none.
 */
export function partnerFlow(before: string): Flow | null {
  if (/(?:引进|吸纳|购买|来自)(?:了|的)?$/.test(before)) return 'outflow';
  if (/(?:输出到|输出至|出口到|出口至|流向|面向|向|到)$/.test(before)) return 'inflow';
  return null;
}

/** Words before a mention that make it an object, not the clause's subject. */
export function isObjectPosition(before: string): boolean {
  return /(?:超越|超过|紧随|低于|高于|次于|是|为|在|比|较|对|同|占|之后|除|于|等|居|位居|排名|列|至)$/.test(before);
}

/** A year as prose prints it: not the tail of a longer number ("20017 年" is a typo, not the year 17), and a data year. */
function proseYear(digits: string, before: string): number | null {
  const y = Number(digits);
  return /\d$/.test(before) || !isDataYear(y) ? null : y;
}

/** A previous year named just before a figure ("由上年的", "从2004年的"): the year offset or absolute year. */
export function previousYearBefore(segment: string): { offset: number } | { year: number } | null {
  const m = /(?:由|从)(上年|去年|上一年|(\d{4})年)的?[^,;。\d]{0,4}$/.exec(segment);
  if (!m) return null;
  if (!m[2]) return { offset: -1 };
  const year = proseYear(m[2], '');
  return year === null ? null : { year };
}

/** The year a sentence is about when it names one ("2005年，…"); ignores a comparison year ("较2004年"). */
export function sentenceYear(sentence: string): number | null {
  for (const m of sentence.matchAll(/(\d{4})年/g)) {
    const before = sentence.slice(Math.max(0, m.index! - 2), m.index!);
    const after = sentence.slice(m.index! + m[0].length, m.index! + m[0].length + 1);
    if (/(?:较|比|与|同|从|由|至|到|和|截至|于)$/.test(before) || /^[-—至~]/.test(after) || /^的/.test(after)) continue;
    const year = proseYear(m[1], before);
    if (year !== null) return year;
  }
  return null;
}

/** Text with every parenthesised part blanked out (same length), so offsets stay valid. */
export function maskParentheses(text: string): string {
  return text.replace(/\([^()]*\)/g, (m) => '□'.repeat(m.length));
}
