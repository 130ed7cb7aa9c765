/**
 * The title a document prints on its first lines, the way a reader recognises a title page: a
 * line of its own, shorter than the text's full lines (not the first line of a wrapped paragraph
 * that happens to end in "…科技计划"), no sentence, ending with the name of a kind of document —
 * "国家技术转移体系建设方案",
 * "关于印发《…》的通知", "2018 全国技术市场统计年度报告", "《全国技术市场统计年度报告（2009）》".
 * Lines are read after normalisation (overprint collapsed, traditional script simplified), so
 * "2002002002006666年全国技术市场…" and "統計年度報告" are read as printed on the cover.
 */
import type { Line } from '../layout/lines.ts';

/** A title found on one of the first lines. */
export interface Title {
  /** 1-based line of the source where the title is printed. */
  line: number;
  /** The title as printed (normalised, trimmed), e.g. "国家技术转移体系建设方案". */
  text: string;
}

/** How many non-blank lines from the start count as the title page. */
const TITLE_LINES = 20;
/** Longest line read as a title, in characters (a wrapped cover title is read line by line). */
const MAX_TITLE_CHARS = 40;
/** A title is at most this share of the text's full line width (WIDTH_PERCENTILE of its line lengths). */
const MAX_WIDTH_SHARE = 0.75;
/** The percentile of non-blank line lengths taken as the text's full line width. */
const WIDTH_PERCENTILE = 0.9;
/** How many non-blank lines from the start the width is measured on (the title page and the pages after it). */
const WIDTH_SAMPLE = 2000;
/**
 * The names of kinds of document of the field a title ends with: reports and bulletins, plans and
 * programmes, notices, opinions, measures, regulations, rules. Two characters at least: a single
 * character ("法") would end one random line in twenty thousand.
 */
const GENRE = /(?:报告|年报|公报|通报|年鉴|白皮书|方案|规划|计划|纲要|通知|通告|公告|意见|办法|规定|决定|决议|条例|细则|章程|指引|指南|批复)$/;
/** What a title line holds besides the genre: no sentence punctuation, no figures run together. */
const SENTENCE = /[，。；？！：,;?!:]/;
/** Brackets and a bracketed year around a title: "《…（2009）》" → "…". */
const WRAPPING = /^[《〈“"]+|[》〉”"]+$|\s*[（(]\s*(?:19|20)\d{2}\s*[）)]\s*$/g;

/**
 * The document's title: the first of its first TITLE_LINES non-blank lines that is short (at most
 * MAX_TITLE_CHARS, and MAX_WIDTH_SHARE of the text's line width), holds no sentence punctuation
 * and ends with a genre word (GENRE), once wrapping brackets and a bracketed year are removed.
 * Null when none does (random text, a table alone, a wrong file, a paragraph's first line).
 * Example: line 1 " 国家技术转移体系建设方案" (12 characters; the text's lines are 37 wide) →
 * { line: 1, text: "国家技术转移体系建设方案" }.
 */
export function findTitle(lines: readonly Line[]): Title | null {
  const longest = Math.min(MAX_TITLE_CHARS, MAX_WIDTH_SHARE * lineWidth(lines));
  let seen = 0;
  for (const l of lines) {
    const text = l.text.trim();
    if (!text) continue;
    if (++seen > TITLE_LINES) break;
    if (text.length <= longest && isTitle(text)) return { line: l.src.line, text };
  }
  return null;
}

/** The text's full line width: the WIDTH_PERCENTILE of the lengths of its first WIDTH_SAMPLE non-blank lines, in characters. */
function lineWidth(lines: readonly Line[]): number {
  const lengths: number[] = [];
  for (const l of lines) {
    const n = l.text.trim().length;
    if (n > 0 && lengths.push(n) >= WIDTH_SAMPLE) break;
  }
  lengths.sort((a, b) => a - b);
  return lengths.length ? lengths[Math.min(lengths.length - 1, Math.floor(WIDTH_PERCENTILE * lengths.length))] : 0;
}

/** Whether one trimmed line, short enough, reads as a title (see findTitle). */
function isTitle(text: string): boolean {
  if (SENTENCE.test(text)) return false;
  let bare = text;
  for (let previous = ''; previous !== bare; ) [previous, bare] = [bare, bare.replace(WRAPPING, '').trim()];
  return GENRE.test(bare);
}
