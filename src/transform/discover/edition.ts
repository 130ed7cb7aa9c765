/**
 * The report edition (its year of publication), from every form a report names itself in:
 * "2021 Annual Report", "《2018 全国技术市场统计年度报告》", "2006年全国技术市场统计年度报告",
 * "《全国技术市场统计年度报告（2009）》", "二〇〇九年度" on the cover or in the preface (lines are
 * read after normalisation: overprint collapsed, traditional script simplified). When no line
 * names it, the edition is inferred as the year after the latest year most table captions name
 * (a report covers the year before it is published), and the result says it was inferred.
 */
import type { Line } from '../layout/lines.ts';
import { isDataYear } from '../normalize/years.ts';

/** How the edition was found. */
export interface Edition {
  year: number | null;
  /** 'named': a title or running head names it; 'inferred': from the data years; null: unknown. */
  how: 'named' | 'inferred' | null;
  /** What decided it, for the summary: "named 3 times, e.g. line 4", "inferred from 25 table captions". */
  detail: string;
}

const YEAR = '((?:19|20)\\d{2})';
/**
 * The year printed before the report's name ("2018 全国技术市场统计年度报告", "2021 Annual
 * Report", a cover title broken after "2006年全国技术市场"); not "2017年全国技术市场交易…" in prose.
 */
const BEFORE_NAME = new RegExp(`${YEAR}\\s*年?\\s*度?\\s*(?:全国技术市场(?:统计年|\\s*$)|Annual Report|年度报告|年报)`, 'g');
/** The year printed in brackets after the report's name: "年度报告（2009）". */
const AFTER_NAME = new RegExp(`(?:年度报告|年报|Annual Report)\\s*》?\\s*[（(]\\s*${YEAR}\\s*[）)]`, 'g');
/** A year in Chinese numerals followed by 年度: "二〇〇九年度". */
const CHINESE_YEAR = /([一二][〇○零一二三四五六七八九]{3})\s*年度/g;
/** How many non-blank lines from the start count as the cover and preface. */
const COVER_LINES = 120;

const DIGITS: Record<string, string> = { 〇: '0', '○': '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** "二〇〇九" → 2009. */
function chineseYear(s: string): number {
  return Number([...s].map((c) => DIGITS[c]).join(''));
}

/** The edition a document names, else the one its table captions imply (see the module comment). */
export function detectEdition(lines: readonly Line[]): Edition {
  const votes = new Map<number, { n: number; first: number }>();
  const vote = (y: number, line: number) => {
    if (!isDataYear(y)) return;
    const v = votes.get(y);
    if (v) v.n++;
    else votes.set(y, { n: 1, first: line });
  };
  let content = 0;
  for (const l of lines) {
    if (l.kind === 'blank') continue;
    content++;
    for (const m of l.text.matchAll(BEFORE_NAME)) vote(Number(m[1]), l.src.line);
    for (const m of l.text.matchAll(AFTER_NAME)) vote(Number(m[1]), l.src.line);
    const cover = content <= COVER_LINES || /全国技术市场|年度报告/.test(l.text);
    if (cover) for (const m of l.text.matchAll(CHINESE_YEAR)) vote(chineseYear(m[1]), l.src.line);
  }
  let best: [number, { n: number; first: number }] | null = null;
  for (const entry of votes) if (!best || entry[1].n > best[1].n) best = entry;
  if (best) return { year: best[0], how: 'named', detail: `named ${best[1].n} time${best[1].n > 1 ? 's' : ''}, first on line ${best[1].first}` };
  return inferEdition(lines);
}

/** The year after the latest year most table captions name, or unknown. */
function inferEdition(lines: readonly Line[]): Edition {
  const latest = new Map<number, number>();
  let captions = 0;
  for (const l of lines) {
    if (l.kind !== 'caption' || !l.title) continue;
    const years = [...l.title.matchAll(/(?<!\d)(?:19|20)\d{2}(?!\d)/g)].map((m) => Number(m[0])).filter(isDataYear);
    if (!years.length) continue;
    captions++;
    const y = Math.max(...years);
    latest.set(y, (latest.get(y) ?? 0) + 1);
  }
  let year: number | null = null;
  let n = 0;
  for (const [y, k] of latest) if (k > n || (k === n && year !== null && y > year)) [year, n] = [y, k];
  if (year === null || !isDataYear(year + 1)) return { year: null, how: null, detail: 'no title names the edition and no table caption names a year' };
  return { year: year + 1, how: 'inferred', detail: `no title names the edition: inferred from ${n} of ${captions} table captions naming ${year} as their latest year (a report covers the year before its edition)` };
}
