/**
 * Variants of how a report names its own edition. The seeds say it on the cover and in running
 * heads: 2018 "《2018 全国技术市场统计年度报告》" (L14, L50, L76), "2018全国技术市场统计年度报告" and
 * "212018年度报告" (page number fused with the head, L695); 2021 "2021 Annual Report on Statistics
 * of China Technology Market" (L947); 2006 the overprinted cover "2002002002006666年全国技术市场…" /
 * "统计年度报告…" (L4, L6). Other editions print 《全国技术市场统计年度报告（2018）》, a Chinese-numeral
 * year (二〇一八年度…), or no edition at all, leaving it to be inferred from the data years.
 */
import { collapseOverprint, type GoldenRow } from './seed-tables.ts';

/** How a variant prints an edition title, given the edition year. */
type TitleForm = 'bracket' | 'chinese' | 'none';

const DIGITS = '〇一二三四五六七八九';

/** A year in Chinese numerals, digit by digit: 2018 → "二〇一八". */
export function chineseYear(year: string): string {
  return [...year].map((d) => DIGITS[Number(d)]).join('');
}

/** The title of edition `year` in form `form` ('' for 'none'). */
function title(year: string, form: TitleForm): string {
  if (form === 'bracket') return `《全国技术市场统计年度报告（${year}）》`;
  if (form === 'chinese') return `${chineseYear(year)}年度全国技术市场统计年度报告`;
  return '';
}

const YEAR = '((?:19|20)\\d{2})';
/** "《2018 全国技术市场统计年度报告》", "2018全国技术市场统计年度报告" anywhere in a line. */
const FULL_TITLE = new RegExp(`(《?)${YEAR}\\s*年?\\s*全国技术市场统计年度报告(》?)`, 'gu');
/** A running head "212018年度报告" / "30 2018年度报告" (page number, edition, 年度报告) alone on its line. */
const RUNNING_HEAD = new RegExp(`^(\\s*\\d{0,3}?)\\s*${YEAR}\\s*年度报告\\s*$`, 'u');
/** "2021 Annual Report on Statistics of China Technology Market", "2018  ANNUAL REPORT" alone on its line. */
const ENGLISH_HEAD = new RegExp(`^\\s*${YEAR}\\s+Annual Report\\b.*$`, 'iu');
/** A cover title line "2006年全国技术市场", possibly overprinted; its next line is "统计年度报告". */
const COVER_HEAD = new RegExp(`^\\s*${YEAR}\\s*年\\s*全国技术市场\\s*$`, 'u');

/**
 * Re-prints every edition title and running head naming the edition year in `form`:
 * a title inside a line keeps its place ("《2018 全国技术市场统计年度报告》针对…" →
 * "《全国技术市场统计年度报告（2018）》针对…"; with 'none' the year alone is dropped: "《全国技术市场统计年度报告》针对…");
 * a line that is only a title or a running head is replaced (its page number kept), or removed with 'none'.
 * The 2006 cover (a title over two overprinted lines) becomes one line.
 */
function retitle(lines: readonly string[], form: TitleForm): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const cover = i < 60 ? COVER_HEAD.exec(collapseOverprint(line)) : null;
    if (cover) {
      let j = i + 1;
      while (j < lines.length && lines[j].trim() === '') j++;
      const second = j < lines.length && /^\s*统计年度报告\s*$/.test(collapseOverprint(lines[j]));
      if (form !== 'none') out.push(title(cover[1], form));
      if (second) {
        out.push(...lines.slice(i + 1, j)); // the blank lines between
        i = j;
      }
      continue;
    }
    const head = RUNNING_HEAD.exec(line);
    if (head) {
      const page = head[1];
      if (form !== 'none') out.push(page + title(head[2], form));
      else if (page.trim()) out.push(page);
      continue;
    }
    const english = ENGLISH_HEAD.exec(line);
    if (english) {
      if (form !== 'none') out.push(title(english[1], form));
      continue;
    }
    FULL_TITLE.lastIndex = 0;
    if (FULL_TITLE.test(line)) {
      const replaced = line.replace(FULL_TITLE, (_m, open: string, year: string, close: string) => {
        if (form === 'bracket') return title(year, form);
        if (form === 'chinese') return `${open}${title(year, form)}${close}`;
        return open || close ? `${open}全国技术市场统计年度报告${close}` : '';
      });
      if (replaced.trim() || form !== 'none') out.push(replaced);
      continue;
    }
    out.push(line);
  }
  return out;
}

/**
 * `title-bracket`: every edition title becomes 《全国技术市场统计年度报告（2018）》.
 * Shape: (seed lines, golden rows) → lines; the golden rows are not needed.
 */
export function titleBracket(lines: readonly string[], _golden?: readonly GoldenRow[]): string[] {
  return retitle(lines, 'bracket');
}

/**
 * `title-chinese`: every edition title becomes 二〇一八年度全国技术市场统计年度报告 (the year in
 * Chinese numerals). Shape: (seed lines, golden rows) → lines.
 */
export function titleChinese(lines: readonly string[], _golden?: readonly GoldenRow[]): string[] {
  return retitle(lines, 'chinese');
}

/**
 * `title-none`: every edition title and running head naming the edition year is removed (a title
 * inside a sentence loses its year only), so the edition must be inferred from the data years.
 * Shape: (seed lines, golden rows) → lines.
 */
export function titleNone(lines: readonly string[], _golden?: readonly GoldenRow[]): string[] {
  return retitle(lines, 'none');
}
