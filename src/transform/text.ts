/**
 * Text normalisation shared by every edition: overprinted bold runs ("表表表表3333" → "表3"),
 * full-width forms, spaced-out labels ("北 京" → "北京"), and traditional → simplified script
 * (opencc-js), applied only to documents detected as traditional (converters damage text that
 * is already simplified) and never to ASCII.
 */
import * as OpenCC from 'opencc-js';
import { asciiDigits } from './numbers.ts';

/**
 * Collapses a line printed as an overprinted bold run, where each piece of text stands k times
 * in a row ("表表表表3333 1999199919991999－－－－" → "表3 1999－"). Lines that do not start with
 * such a run are returned unchanged, so "29999" in a table row is never touched.
 */
export function collapseOverprint(line: string): string {
  const lead = line.length - line.trimStart().length;
  const body = line.slice(lead);
  const k = overprintFactor(body);
  if (k < 3) return line;
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
  return unmatched * 5 > body.length ? line : line.slice(0, lead) + out;
}

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
