/**
 * The `header-down` variant: a table header extracted one cell per line, as text extraction gives
 * a header whose cells are separate text boxes (the 2006 edition prints 表1's header "1999年平" /
 * "均每份成" / "交额" … one piece per line; the 2021 edition 表4-1's "合同数 /" / "项" / "成交额 / " / "亿元").
 */
import { LineEditor } from './line-editor.ts';
import { locateTables, type GoldenRow } from './seed-tables.ts';

const HAN = /\p{Script=Han}/u;
const ONE_HAN = /^\p{Script=Han}$/u;

/**
 * The cells of a header line. Cells are separated by runs of two or more spaces (or U+3000), and
 * by single spaces between words, except where the space is inside a cell: around a "/" unit
 * separator ("合同数 / 项", "成交额 /亿元"), between letter-spaced single characters ("地 区", "成 交"),
 * before a unit or footnote that belongs to the word before it ("2019 年 a", "增长 (%)", "增长 /%").
 * "合同数/项 成交额/亿元 排名  合同数/项 成交额/亿元 排名" → 6 cells; "2016年 2017年" → 2 cells.
 */
export function headerCells(line: string): string[] {
  const cells: string[] = [];
  for (const chunk of line.trim().split(/(?:[ \t]{2,}|\u3000+)/u)) {
    const words = chunk.split(/[ \t]+/).filter(Boolean);
    let cell = '';
    let prev = '';
    for (const w of words) {
      const joins = cell !== '' && (
        w === '/' || w.startsWith('/') || prev.endsWith('/') ||
        (ONE_HAN.test(w) && ONE_HAN.test(prev)) ||
        /^[年月]/.test(w) || /^[a-z]$/.test(w) || /^[（(][^）)]*[）)]$/.test(w) ||
        (/^\d+$/.test(prev) && !HAN.test(w) && !/^\d/.test(w))
      );
      if (joins) cell += ' ' + w;
      else {
        if (cell) cells.push(cell);
        cell = w;
      }
      prev = w;
    }
    if (cell) cells.push(cell);
  }
  return cells;
}

/**
 * `header-down`: every header line of every table (表/附表, the lines between caption and first
 * body line that hold header words; not the rotated 2018 表5-1) holding two or more cells is printed
 * one cell per line (headerCells), keeping its indentation. Shape: (seed lines, golden rows) → lines.
 */
export function headerDown(lines: readonly string[], golden: readonly GoldenRow[]): string[] {
  const ed = new LineEditor(lines);
  for (const t of locateTables(lines, golden)) {
    if (t.vertical || !(t.kind === 'table' || t.kind === 'appendix')) continue;
    for (const h of t.header) {
      const cells = headerCells(lines[h]);
      if (cells.length < 2) continue;
      const indent = /^[ \t]*/.exec(lines[h])![0];
      ed.replace(h, cells.map((c) => indent + c));
    }
  }
  return ed.render();
}
