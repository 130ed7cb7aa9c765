/**
 * Variants that break long tables across pages. The 2021 edition continues tables on the next page
 * with "续表" and the header printed again (表3-1 L570-574), or with the header alone (表3-1
 * L519-522); page furniture — page number, running head, part title — can fall inside a body
 * (2021 附表3 "第六部分　附表" L2173; 2018 "212018年度报告" / "第三部分 各地技术交易" after 表3-2);
 * a figure can be printed in the middle of a table, the table going on after it with no header.
 */
import { LineEditor } from './line-editor.ts';
import { isBlank, locateTables, type GoldenRow, type SeedTable } from './seed-tables.ts';

/** Tables with at least this many body lines are broken. */
export const BREAK_MIN_ROWS = 12;

/**
 * Where a long table (表/附表, not the rotated 表5-1) breaks: after the body line of the row just
 * before the middle whose next row prints its own label, the two rows on either side of the break
 * printed with nothing but blank lines between them (so a label printed above its numbers, a
 * section head, or a page break the seed already has are never next to the new break). Returns
 * the line to insert after, or null.
 */
function breakPoint(lines: readonly string[], t: SeedTable): number | null {
  if (t.vertical || !(t.kind === 'table' || t.kind === 'appendix') || t.rows.length < BREAK_MIN_ROWS) return null;
  const mid = Math.floor(t.rows.length / 2);
  const onlyBlank = (a: number, b: number) => lines.slice(a + 1, b).every(isBlank);
  // Rows k-1 … k+2 printed one after the other with nothing but blank lines between them.
  const plain = (k: number) => k >= 1 && k + 2 < t.rows.length && [k - 1, k, k + 1].every((j) => onlyBlank(t.rows[j].line, t.rows[j + 1].line));
  for (let k = mid; k < t.rows.length - 1; k++) {
    if (t.rows[k + 1].label !== '' && plain(k)) return t.rows[k].line;
  }
  return null;
}

/**
 * `page-furniture`: page furniture printed in the middle of every long table body: a blank line,
 * the page number (100 + the table's index, so it is deterministic and not a value of the table),
 * a running head naming no edition ("全国技术市场统计年度报告") and a part title ("第九部分　附表"),
 * with nothing repeated of the header. Shape: (seed lines, golden rows) → lines.
 */
export function pageFurniture(lines: readonly string[], golden: readonly GoldenRow[]): string[] {
  const ed = new LineEditor(lines);
  locateTables(lines, golden).forEach((t, index) => {
    const at = breakPoint(lines, t);
    if (at !== null) ed.insertAfter(at, ['', '', String(100 + index), '', '全国技术市场统计年度报告', '', '第九部分　附表', '']);
  });
  return ed.render();
}

/**
 * `continued-header`: every long table body broken in the middle by "续表" and its header lines
 * printed again (copies of the seed's header lines), as a table continued on the next page.
 * Tables without a located header are left whole. Shape: (seed lines, golden rows) → lines.
 */
export function continuedHeader(lines: readonly string[], golden: readonly GoldenRow[]): string[] {
  const ed = new LineEditor(lines);
  for (const t of locateTables(lines, golden)) {
    const at = breakPoint(lines, t);
    if (at === null || !t.header.length) continue;
    ed.insertAfter(at, ['', '续表', ...t.header.flatMap((h) => [lines[h], '']), '']);
  }
  return ed.render();
}

/**
 * `figure-inside`: a figure printed in the middle of every long table body, the table going on
 * after it with no header of its own: the figure's caption ("图 9-1 …"), two value labels, axis
 * ticks and a category axis, as a PDF extraction prints a chart placed on the page between two
 * parts of a table. The figure's numbers are the table's index and round ticks, never a value of
 * the table. Shape: (seed lines, golden rows) → lines.
 */
export function figureInside(lines: readonly string[], golden: readonly GoldenRow[]): string[] {
  const ed = new LineEditor(lines);
  locateTables(lines, golden).forEach((t, index) => {
    const at = breakPoint(lines, t);
    if (at === null) return;
    const caption = `图 9-${index + 1}　示意图（单位：亿元）`;
    ed.insertAfter(at, ['', caption, '', `${900 + index}.5 ${800 + index}.5`, '', '0', '', '500', '', '1000', '', '甲 乙 丙 (地区)', '']);
  });
  return ed.render();
}
