/**
 * Text normalisation shared by every edition: overprinted bold runs ("表表表表3333" → "表3"),
 * full-width forms, spaced-out labels ("北 京" → "北京"), and traditional → simplified script
 * (opencc-js), applied only to documents detected as traditional (converters damage text that
 * is already simplified) and never to ASCII.
 */
import * as OpenCC from 'opencc-js';
import { asciiDigits } from './numbers.ts';

/**
 * Collapses overprinted bold text, where each piece of text stands k times in a row: a whole
 * line ("表表表表3333 1999199919991999－－－－" → "表3 1999－") or only some of its tokens, the
 * words printed once ("表3333 2009200920092009年东部地区…" → "表3 2009年东部地区…"). The repeat
 * factor is read from the line's own evidence (a year, a CJK glyph or a caption number repeated
 * three times or more), and a run of digits is collapsed only whole, so "29999" in a table row
 * or "10000" in a caption is never touched.
 */
export function collapseOverprint(line: string): string {
  return collapseWholeLine(line) ?? collapsePartial(line);
}

/** The line collapsed when it starts with an overprinted run (the whole line is bold), else null. */
function collapseWholeLine(line: string): string | null {
  // Bold titles and captions are words: a line of numbers only is never overprint ("999990").
  if (!/[\u4e00-\u9fff]/.test(line)) return null;
  const lead = line.length - line.trimStart().length;
  const body = line.slice(lead);
  const k = overprintFactor(body);
  if (k < 3) return null;
  let out = '';
  let unmatched = 0;
  for (let pos = 0; pos < body.length; ) {
    const len = longestRepeat(body, pos, k);
    if (len > 0) {
      out += body.slice(pos, pos + len);
      pos += len * k;
    } else {
      if (!/\s/.test(body[pos])) unmatched++;
      out += body[pos++];
    }
  }
  return unmatched * 5 > body.length ? null : line.slice(0, lead) + out;
}

/** Evidence of a partial overprint and its factor: a year, a CJK glyph or a caption number repeated. */
const OVERPRINT_EVIDENCE = [/((?:19|20)\d{2})\1{2,}/g, /([\u4e00-\u9fff])\1{2,}/g, /^\s*(?:附\s*表|表|图)\s*(\d)\1{2,}(?!\d)/g];

/**
 * The repeat factor a line's partial overprint shows, or 0: the factor most pieces of evidence
 * allow (a run of L identical units allows every divisor of L from 3 up: "11111111" is "1"×8 or
 * "11"×4), the largest on a tie (a run ×6 is read ×6, not ×3 leaving "20112011").
 */
function partialFactor(line: string): number {
  const votes = new Map<number, number>();
  for (const re of OVERPRINT_EVIDENCE) {
    for (const m of line.matchAll(re)) {
      const repeats = m[0].trim().replace(/^(附\s*表|表|图)\s*/, '').length / m[1].length;
      for (let k = 3; k <= repeats; k++) if (repeats % k === 0) votes.set(k, (votes.get(k) ?? 0) + 1);
    }
  }
  let best = 0;
  let n = 0;
  for (const [k, c] of votes) if (c > n || (c === n && k > best)) [best, n] = [k, c];
  return best;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** Collapses every run repeated exactly k times (k from partialFactor), digit runs only whole. */
function collapsePartial(line: string): string {
  const k = partialFactor(line);
  if (k < 3) return line;
  let out = '';
  for (let pos = 0; pos < line.length; ) {
    let taken = 0;
    for (let len = Math.min(12, Math.floor((line.length - pos) / k)); len >= 1 && !taken; len--) {
      const u = line.slice(pos, pos + len);
      if (/\s/.test(u) || !line.startsWith(u.repeat(k), pos) || line.startsWith(u, pos + len * k)) continue;
      const end = pos + len * k;
      if (isDigit(u[0]) && isDigit(line[pos - 1])) continue;
      if (isDigit(u[len - 1]) && isDigit(line[end])) continue;
      out += u;
      taken = len * k;
    }
    if (taken) pos += taken;
    else out += line[pos++];
  }
  return out;
}

/**
 * A printed line as every later step reads it: overprint collapsed, full-width digits, letters,
 * point and percent turned ASCII ("２０２０年" → "2020年"; the full-width minus stays, it is a
 * sign or a null marker, and full-width overprint collapses like ASCII), a year printed with its digits spaced out joined ("2 0 1 7 年" →
 * "2017 年", "2 0 1 1—2 0 1 7" → "2011—2017"), and traditional script simplified when `traditional`.
 */
export function normaliseLine(text: string, traditional: boolean): string {
  const out = collapseOverprint(asciiDigits(text)).replace(SPACED_YEAR, (_, century: string, d3: string, d4: string) => century.replace(' ', '') + d3 + d4);
  return traditional ? simplify(out) : out;
}

/**
 * A year (19xx, 20xx) printed with a space between its digits, before 年 or before a dash and
 * another year: "2 0 1 7 年", "2 0 1 1—2 0 1 7 年"; never four one-digit cells of a row
 * ("宁 夏 2 0 1 5 －12.5").
 */
const SPACED_YEAR = /(?<![\d.])(1 9|2 0) (\d) (\d)(?= ?年| ?[—－–-] ?(?:19|20|1 9|2 0))/g;

/** How many times the text at the start of the line repeats (the overprint factor), or 1. */
function overprintFactor(s: string): number {
  for (let len = 1; len <= 6 && len * 3 <= s.length; len++) {
    const u = s.slice(0, len);
    if (/\s/.test(u)) break;
    let k = 1;
    while (s.startsWith(u, k * len)) k++;
    if (k >= 3) return k;
  }
  return 1;
}

/** Length of the longest u such that u repeated k times starts at pos, or 0. */
function longestRepeat(s: string, pos: number, k: number): number {
  for (let len = Math.floor((s.length - pos) / k); len >= 1; len--) {
    const u = s.slice(pos, pos + len);
    let ok = true;
    for (let i = 1; i < k && ok; i++) ok = s.startsWith(u, pos + i * len);
    if (ok) return len;
  }
  return 0;
}

/**
 * A row label as the export prints it (golden/FORMAT.md): all spaces (ASCII and U+3000)
 * removed, the prefix 其中：/其中: removed, footnote markers (①…⑩, ※, *) removed, full-width
 * digits and letters turned ASCII. The Chinese wording is kept exactly.
 */
export function normaliseLabel(label: string): string {
  return asciiDigits(label)
    .replace(/[\s\u3000]+/g, '')
    .replace(/^其中[:：]/, '')
    .replace(/[\u2460-\u2469※*]/g, '');
}

/** A table reference as printed, normalised: "表 3-1" → "表3-1", "附表 05" → "附表5". */
export function normaliseRef(ref: string): string {
  return asciiDigits(ref).replace(/[\s\u3000]+/g, '').replace(/[－—–]/g, '-').replace(/^(附表|表|图)0*/, '$1');
}

let toSimplified: ((s: string) => string) | null = null;

/** The opencc-js converter (Taiwan standard → mainland simplified), built once on first use. */
function opencc(): (s: string) => string {
  const convert = toSimplified ?? OpenCC.Converter({ from: 'tw', to: 'cn' });
  toSimplified = convert;
  return convert;
}

/**
 * Frequent characters of these reports that differ between the scripts, traditional and
 * simplified in the same order (國/国, 術/术, 場/场 …).
 */
const TRADITIONAL_ONLY = new Set('國術場區業額計與為數對關發經產會員這進們個時動應實據統總機權構專轉讓諮詢務開項號條類規劃調績點');
const SIMPLIFIED_ONLY = new Set('国术场区业额计与为数对关发经产会员这进们个时动应实据统总机权构专转让咨询务开项号条类规划调绩点');

/**
 * Whether a document is printed in traditional script: its frequent script-specific characters
 * are mostly the traditional forms. Cheap (no converter is built for a simplified document).
 */
export function isTraditional(text: string): boolean {
  let traditional = 0;
  let simplified = 0;
  for (const c of text.slice(0, 50000)) {
    if (TRADITIONAL_ONLY.has(c)) traditional++;
    else if (SIMPLIFIED_ONLY.has(c)) simplified++;
  }
  return traditional > simplified;
}

/**
 * Converts traditional script to simplified, leaving ASCII runs untouched. Call only for a
 * document `isTraditional` accepted.
 */
export function simplify(line: string): string {
  const convert = opencc();
  return line.replace(/[^\x00-\x7F]+/g, (run) => convert(run));
}
