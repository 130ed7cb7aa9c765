/**
 * Variants of how table cells print their numbers: full-width digits ("１３４２４．２２", some
 * editions and Word-made PDFs), and thousands grouped by a space, as the 2021 edition prints
 * "84 451" and "28 251.5" where the 2018 edition prints "81266" and "13424.22".
 */
import { LineEditor } from './line-editor.ts';
import { locateTables, type GoldenRow, type SeedTable } from './seed-tables.ts';

/** Tables whose cells these variants re-print: 表 and 附表 (figures' value labels are left alone). */
function tablesOnly(tables: readonly SeedTable[]): SeedTable[] {
  return tables.filter((t) => t.kind === 'table' || t.kind === 'appendix');
}

/**
 * A line with ASCII digits, decimal points (between digits), minus signs (before a digit, at the
 * start of a cell) and percent signs turned full-width: "－0.22" stays, "-2.05" → "－２．０５",
 * "10.83%" → "１０．８３％". Other ASCII (Latin letters, "/", spaces) is left as it is.
 */
export function fullWidthLine(line: string): string {
  return line
    .replace(/(?<=\d)\.(?=\d)/g, '．')
    .replace(/(?<=^|\s)-(?=\d)/g, '－')
    .replace(/%/g, '％')
    .replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

/**
 * `full-width`: every body line of every table printed with full-width digits, points, minus and
 * percent signs (fullWidthLine); in the rotated 2018 表5-1 every digit fragment line of the body.
 * Digits inside a label on such a line turn full-width too ("（９７３ 计划）"), as they would in print.
 * Shape: (seed lines, golden rows) → lines.
 */
export function fullWidth(lines: readonly string[], golden: readonly GoldenRow[]): string[] {
  const ed = new LineEditor(lines);
  for (const t of tablesOnly(locateTables(lines, golden))) {
    const targets = t.vertical
      ? Array.from({ length: t.last - t.first + 1 }, (_, k) => t.first + k).filter((i) => /^[\d\s.\-%]*\d[\d\s.\-%]*$/.test(lines[i]))
      : t.bodyLines;
    for (const i of targets) ed.replace(i, fullWidthLine(lines[i]));
  }
  return ed.render();
}

/** An integer part grouped by spaces in threes from the right: "13424" → "13 424", "1015986" → "1 015 986". */
export function groupDigits(int: string): string {
  return int.replace(/\B(?=(\d{3})+$)/g, ' ');
}

/**
 * Re-prints every cell of a table body whose integer part has `minDigits` or more digits with its
 * thousands grouped by a space. Only cells that are golden values of their line are grouped, so a
 * year down the side ("1999 43701 …") or a number inside a label stays as printed; already grouped
 * cells ("84 451") are left alone. Not applied to the rotated 2018 表5-1.
 */
function groupCells(lines: readonly string[], golden: readonly GoldenRow[], minDigits: number): string[] {
  const ed = new LineEditor(lines);
  const cell = new RegExp(`(?<=^|\\s)([-－−]?)(\\d{${minDigits},})((?:\\.\\d+)?)(?=[a-z%]?(?:\\s|$))`, 'g');
  for (const t of tablesOnly(locateTables(lines, golden))) {
    if (t.vertical) continue;
    for (const row of t.rows) {
      const values = new Set(row.rows.map((r) => r.value.replace(/^-/, '')));
      const rest = row.rest.replace(cell, (whole, sign: string, int: string, frac: string) =>
        values.has(int + frac) ? sign + groupDigits(int) + frac : whole);
      if (rest !== row.rest) ed.replace(row.line, row.indent + row.label + row.gap + rest);
    }
  }
  return ed.render();
}

/**
 * `grouped-thousands`: table cells with 5 or more integer digits printed with their thousands
 * grouped by a space, the rule of GB/T 15835 that the 2021 edition follows ("81266" → "81 266",
 * "13424.22" stays, "1015986.2" → "1 015 986.2"). The 2021 seed already prints this way and is
 * left unchanged. Shape: (seed lines, golden rows) → lines.
 */
export function groupedThousands(lines: readonly string[], golden: readonly GoldenRow[]): string[] {
  return groupCells(lines, golden, 5);
}

/**
 * `grouped-four-digits`: table cells with 4 or more integer digits grouped by a space, as GB/T 15835
 * also allows ("13424.22" → "13 424.22", "5695.3" → "5 695.3"): a row "四 川 11 609 304.88 10 12 853 419.68 9"
 * can only be split by the columns' structure. Shape: (seed lines, golden rows) → lines.
 */
export function groupedFourDigits(lines: readonly string[], golden: readonly GoldenRow[]): string[] {
  return groupCells(lines, golden, 4);
}
