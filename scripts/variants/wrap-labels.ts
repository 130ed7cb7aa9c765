/**
 * Variants that print a row's label over more than one line. Narrow stub columns wrap long labels:
 * 2018 附表12 "基础研究计划（973计划）、国家重大" / "科学研究计划" with the numbers alone on the
 * next line (L3567-3570); 2006 表11 "深圳南方国际技术交易" / "有限公司 2379 21.61 …" (L987/989);
 * 2006 表4 prints every label above its numbers ("技术合同交易额" / "（亿元）" / "782.75 884.17 …").
 * Only tables (表/附表) are re-printed, not figures nor the rotated 2018 表5-1.
 */
import { LineEditor } from './line-editor.ts';
import { cjkCount, locateTables, type BodyRow, type GoldenRow, type SeedTable } from './seed-tables.ts';

/** Labels of at least this many CJK characters are wrapped. */
export const WRAP_MIN_CJK = 6;

/** The body rows of tables (not figures, not vertical) that print a label before their cells. */
function labelledRows(tables: readonly SeedTable[]): { table: SeedTable; rows: BodyRow[] }[] {
  return tables
    .filter((t) => (t.kind === 'table' || t.kind === 'appendix') && !t.vertical)
    .map((table) => ({ table, rows: table.rows.filter((r) => r.label !== '' && r.rest !== '') }));
}

/**
 * Splits a label after its first ⌈n/2⌉ CJK characters (n = CJK characters, a "其中：" prefix not
 * counted): "技术合同成交额 / 亿元" → ["技术合同", "成交额 / 亿元"]. The tail loses its leading spaces.
 */
export function splitLabelHalf(label: string): [string, string] {
  const prefix = /^其中[:：]\s*/.exec(label)?.[0] ?? '';
  const n = cjkCount(label.slice(prefix.length));
  const want = Math.ceil(n / 2);
  let seen = 0;
  let at = prefix.length;
  for (const ch of label.slice(prefix.length)) {
    at += ch.length;
    if (/\p{Script=Han}/u.test(ch) && ++seen === want) break;
  }
  return [label.slice(0, at).trimEnd(), label.slice(at).trimStart()];
}

/**
 * `wrapped-labels`: every row label of 6 or more CJK characters is wrapped over two lines. Rows
 * alternate, by their order among the wrapped rows of their table:
 * even (a) the head alone, then the tail followed by the cells ("技术合同" / "成交额 / 亿元 4763.56 6437.07 …");
 * odd (b) the head followed by the cells, then the tail alone ("全社会 R&D 4763.56 …" / "经费 / 亿元").
 * Shape: (seed lines, golden rows) → lines.
 */
export function wrappedLabels(lines: readonly string[], golden: readonly GoldenRow[]): string[] {
  const ed = new LineEditor(lines);
  for (const { rows } of labelledRows(locateTables(lines, golden))) {
    let k = 0;
    for (const row of rows) {
      if (cjkCount(row.label.replace(/^其中[:：]/, '')) < WRAP_MIN_CJK) continue;
      const [head, tail] = splitLabelHalf(row.label);
      if (!tail) continue;
      const gap = row.gap || ' ';
      ed.replace(row.line, k++ % 2 === 0
        ? [row.indent + head, row.indent + tail + gap + row.rest]
        : [row.indent + head + gap + row.rest, row.indent + tail]);
    }
  }
  return ed.render();
}

/**
 * `label-own-line`: every labelled row of every table is printed as its label on one line and its
 * cells on the next ("北 京" / "74965 3940.80 1 81266 4485.33 1"), as the 2006 edition prints 表4.
 * Rows whose line starts with a number (years down the side, rank lists) are left as printed; on a
 * line with two labels (2021 表4-9) only the first moves. Shape: (seed lines, golden rows) → lines.
 */
export function labelOwnLine(lines: readonly string[], golden: readonly GoldenRow[]): string[] {
  const ed = new LineEditor(lines);
  for (const { rows } of labelledRows(locateTables(lines, golden))) {
    for (const row of rows) ed.replace(row.line, [row.indent + row.label, row.rest]);
  }
  return ed.render();
}
