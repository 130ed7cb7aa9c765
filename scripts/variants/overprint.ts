/**
 * Variants that print table captions as overprinted bold text. A PDF that fakes bold by drawing
 * each run of glyphs several times extracts as the run repeated: the 2006 edition's captions read
 * "表表表表3333 1999199919991999－－－－2005200520052005年各级计划项目…年各级计划项目…(×4)" (L368), and
 * other editions overprint only the ref and the years ("表3333 2009200920092009年…").
 */
import { LineEditor } from './line-editor.ts';
import { captionedTables, locateTables, plainCaption, type GoldenRow } from './seed-tables.ts';

/** Times a run is repeated, as in the 2006 edition. */
export const OVERPRINT_TIMES = 4;

const REF = /^(\s*)(附\s*表|表)(\s*)(\d+)(?:(\s*)([-－—–−])(\s*)(\d+))?/u;

/**
 * A caption with its ref's digits and separator and every 4-digit year repeated `k` times, words
 * printed once: "表 3-1 2016—2017 年全国…" → "表 3333----1111 2016201620162016—2017201720172017 年全国…".
 * An overprinted caption is collapsed first.
 */
export function overprintPartialLine(caption: string, k = OVERPRINT_TIMES): string {
  const plain = plainCaption(caption);
  const m = REF.exec(plain);
  if (!m) return caption;
  const [whole, lead, word, sp, major, s1 = '', sep, s2 = '', minor] = m;
  const ref = lead + word + sp + major.repeat(k) + (sep ? s1 + sep.repeat(k) + s2 + minor.repeat(k) : '');
  const rest = plain.slice(whole.length).replace(/(?<!\d)((?:19|20)\d{2})(?!\d)/g, (y) => y.repeat(k));
  return ref + rest;
}

/**
 * A caption with every run repeated `k` times, white space printed once. A run is a stretch of
 * ASCII (digits, Latin letters, "-", "/") or a stretch of anything else (CJK text, full-width
 * punctuation, dashes): "表 3-1 2016—2017 年全国…" → "表表表表 3-13-13-13-1 2016201620162016————2017201720172017 年全国…年全国…年全国…年全国…".
 * An overprinted caption is collapsed first.
 */
export function overprintFullLine(caption: string, k = OVERPRINT_TIMES): string {
  const plain = plainCaption(caption);
  return plain.replace(/[\x21-\x7e]+|[^\s\x21-\x7e]+/gu, (run) => run.repeat(k));
}

/**
 * `overprint-partial`: every table caption (表/附表, not the rotated table) re-printed with its
 * ref's digits and its years overprinted, its words once (overprintPartialLine).
 * Shape: (seed lines, golden rows) → lines.
 */
export function overprintPartial(lines: readonly string[], golden: readonly GoldenRow[]): string[] {
  const ed = new LineEditor(lines);
  for (const t of captionedTables(locateTables(lines, golden))) ed.replace(t.caption!, overprintPartialLine(lines[t.caption!]));
  return ed.render();
}

/**
 * `overprint-full`: every table caption re-printed with each run overprinted, like the 2006
 * edition's title lines 4 and 6 (overprintFullLine). Shape: (seed lines, golden rows) → lines.
 */
export function overprintFull(lines: readonly string[], golden: readonly GoldenRow[]): string[] {
  const ed = new LineEditor(lines);
  for (const t of captionedTables(locateTables(lines, golden))) ed.replace(t.caption!, overprintFullLine(lines[t.caption!]));
  return ed.render();
}
