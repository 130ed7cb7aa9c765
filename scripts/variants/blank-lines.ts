/**
 * The `no-blank-lines` variant: text as pdf-parse extracts it from the PDF, one line per printed
 * line with no empty line between them, where the seeds (extracted by another tool) put an empty
 * line between most printed lines ("北 京 81311 …" / "" / "湖 北 24444 …").
 */
import { locateTables, type GoldenRow } from './seed-tables.ts';

/**
 * `no-blank-lines`: every line holding only white space is removed, except inside the rotated 2018
 * 表5-1, whose blank lines and " " lines separate its 1–2 digit cell fragments and are kept as
 * printed (one change: the rotated table's own reading is not this variant's business).
 * Lines of U+3000 (empty-cell markers) are kept. Shape: (seed lines, golden rows) → lines.
 */
export function noBlankLines(lines: readonly string[], golden: readonly GoldenRow[]): string[] {
  const keep = new Set<number>();
  for (const t of locateTables(lines, golden)) {
    if (!t.vertical) continue;
    // The whole rotated block: every line of at most 3 glyphs around its values (caption, header, cells).
    let start = t.first;
    while (start > 0 && lines[start - 1].replace(/\s+/g, '').length <= 3) start--; // "次 /人": 3 glyphs
    let end = t.last;
    while (end + 1 < lines.length && lines[end + 1].replace(/\s+/g, '').length <= 3) end++;
    for (let i = start; i <= end; i++) keep.add(i);
  }
  return lines.filter((line, i) => keep.has(i) || !/^[ \t]*$/.test(line));
}
