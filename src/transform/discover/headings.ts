/**
 * The heading structure of a policy, a notice or a report: headings numbered in Chinese numerals,
 * one style per level, counting up in document order — "一、总体要求" … "二、优化国家技术转移体系
 * 基础架构", "（一）指导思想。" … "（二）基本原则。", "第一章 总则", "第三条 …", "第一部分 技术合同交易".
 * A structure is a chain 一, 二, 三 … of one style: headings that merely start with a numeral here
 * and there (a stray "一、" in running text) make no chain.
 */
import type { Line } from '../layout/lines.ts';

/** The longest chain of numbered headings of one style. */
export interface Headings {
  /** The style, as printed with its number elided: "…、", "（…）", "第…章". */
  style: string;
  /** How many headings the chain holds (一 … its last number). */
  count: number;
  /** 1-based line of its first heading ("一、…"). */
  firstLine: number;
}

/** The fewest headings that make a structure: 一, 二, 三 (two alone could be chance in a long random text). */
export const MIN_HEADINGS = 3;

const NUMERAL = '[一二三四五六七八九十百〇零]+';
/** The heading styles, with the numeral captured: "一、", "（一）" or "(一)", "第一章" (节, 条, 部分, 篇). */
const STYLES: { style: (m: RegExpExecArray) => string; re: RegExp }[] = [
  { style: () => '…、', re: new RegExp(`^\\s*(${NUMERAL})\\s*、`) },
  { style: () => '（…）', re: new RegExp(`^\\s*[（(]\\s*(${NUMERAL})\\s*[）)]`) },
  { style: (m) => `第…${m[2]}`, re: new RegExp(`^\\s*第\\s*(${NUMERAL})\\s*(章|节|条|部分|篇)`) },
];

/** What every heading starts with (a numeral, a bracket, 第): lines without it are passed over at once. */
const START = new RegExp(`^\\s*(?:[（(]\\s*|第\\s*)?${NUMERAL}`);

const DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * A Chinese numeral below 1000 as a number: "三" → 3, "十一" → 11, "二十二" → 22, "一百零五" → 105;
 * null for what is no such numeral ("十十").
 */
export function chineseNumber(s: string): number | null {
  const m = /^(?:([一二三四五六七八九])百)?(?:零)?(?:([一二三四五六七八九])?(十))?([一二三四五六七八九])?$/.exec(s);
  if (!m || !s) return null;
  const hundreds = m[1] ? DIGIT[m[1]] * 100 : 0;
  const tens = m[3] ? (m[2] ? DIGIT[m[2]] : 1) * 10 : 0;
  const units = m[4] ? DIGIT[m[4]] : 0;
  return hundreds + tens + units || null;
}

/**
 * The document's heading structure: for each style, the chain 一, 二, 三 … of its headings in
 * document order (a heading numbered one more than the chain's last extends it; others, such as
 * a table of contents repeated by the body, are passed over), and the longest chain if it holds
 * at least MIN_HEADINGS headings, else null.
 * Example: lines "一、总体要求", "（一）指导思想。", "（二）基本原则。", "二、…", "三、…" →
 * { style: "…、", count: 3, firstLine: 1 } (the （…） chain holds only two).
 */
export function findHeadings(lines: readonly Line[]): Headings | null {
  const chains = new Map<string, Headings>();
  for (const l of lines) {
    if (!START.test(l.text)) continue;
    for (const { style, re } of STYLES) {
      const m = re.exec(l.text);
      if (!m) continue;
      const n = chineseNumber(m[1]);
      const key = style(m);
      const chain = chains.get(key);
      if (n === 1 && !chain) chains.set(key, { style: key, count: 1, firstLine: l.src.line });
      else if (chain && n === chain.count + 1) chain.count = n;
      break;
    }
  }
  let best: Headings | null = null;
  for (const c of chains.values()) if (c.count >= MIN_HEADINGS && (!best || c.count > best.count)) best = c;
  return best;
}
