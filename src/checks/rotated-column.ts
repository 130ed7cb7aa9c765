/**
 * A column printed one row off: its values are all there (they still add up to the total) but each
 * stands on its neighbour's row, the last one wrapping round to the top. The 2018 edition's 附表2
 * prints its 2016 contract counts so (技术开发 134852 / 技术转让 148582 / 技术咨询 12556 / 技术服务
 * 24447, where 附表8's averages and 附表10's growth rates call for 148582 / 12556 / 24447 / 134852).
 * Checked row by row against another table's averages, such a column makes every row fail and
 * blames each average; read with the column shifted back, the averages hold. This module finds
 * the shift (one row down or up, cyclic) under which the averages of one table column hold for all
 * rows but at most one, where they hold for at least two rows fewer with the column as printed,
 * and names it. Serves every edition: the rows, tables and shift come from the numbers.
 */
import type { Observation } from '../model.ts';
import { div, intersects } from './interval.ts';
import type { AverageDefinition } from './measures.ts';
import { isProse } from './members.ts';
import { isTotalLabel } from './table.ts';
import { printedValue, tableValue, type SourceView, type Value } from './source.ts';

/** The averages of one table column read against a count column printed one row off. */
export interface Rotation {
  /** The count table column, in printed order (its total excluded). */
  column: Observation[];
  /** +1: each row's count is printed on the next row; −1: on the row before. */
  shift: 1 | -1;
  /** The averages read against the column (those of its total left out). */
  averages: Observation[];
  /** The count each average is to be read with (the one printed on the neighbouring row). */
  countFor: Map<Observation, Value>;
  /** How many averages hold with the column as printed, and shifted back. */
  holdAsPrinted: number;
  holdShifted: number;
}

/** Whether average `a` holds with `amount` / `count`. */
function holds(v: SourceView, a: Observation, amount: Value, count: Value): boolean {
  const r = v.readers.round;
  const q = div(amount.read(r, a.unitMult), count.read(r, 0));
  return q !== null && intersects(q, r.read(a));
}

/**
 * The rotation of the count column the averages `group` (one table, year, column group and
 * measure; at least three rows) are read against, or null when the column is read as printed.
 */
export function rotatedCounts(v: SourceView, group: readonly Observation[], def: AverageDefinition): Rotation | null {
  if (group.length < 3 || group.some(isProse)) return null;
  const all = group.map((a) => {
    const key = v.index.keyOf(a);
    const amount = key === null ? null : tableValue(v, key, a.dataYear, def.amount, a);
    const count = key === null ? null : tableValue(v, key, a.dataYear, def.count, a);
    return { a, amount, count: count?.obs.length === 1 ? count.obs[0] : null };
  });
  if (all.some((x) => !x.amount || !x.count)) return null;
  // A total stays on its row: only the rows above it can be off.
  const rows = all.filter((x) => !isTotalLabel(x.count!.rowLabel));
  if (rows.length < 3) return null;
  const c0 = rows[0].count!;
  if (rows.some((x) => x.count!.tableRef !== c0.tableRef || x.count!.columnGroup !== c0.columnGroup || x.count!.dataYear !== c0.dataYear)) return null;
  const column = v.observations
    .filter((o) => o.tableRef === c0.tableRef && o.measure === c0.measure && o.dataYear === c0.dataYear && o.columnGroup === c0.columnGroup && !o.parentLabel && !isTotalLabel(o.rowLabel))
    .sort((a, b) => a.line - b.line);
  if (column.length < 3 || rows.some((x) => !column.includes(x.count!))) return null;
  const holdAsPrinted = rows.filter((x) => holds(v, x.a, x.amount!, printedValue(x.count!))).length;
  for (const shift of [1, -1] as const) {
    const countFor = new Map(rows.map((x) => [x.a, printedValue(column[(column.indexOf(x.count!) + shift + column.length) % column.length])]));
    const holdShifted = rows.filter((x) => holds(v, x.a, x.amount!, countFor.get(x.a)!)).length;
    if (holdShifted >= rows.length - 1 && holdShifted >= holdAsPrinted + 2) return { column, shift, averages: rows.map((x) => x.a), countFor, holdAsPrinted, holdShifted };
  }
  return null;
}
