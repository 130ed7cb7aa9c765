/**
 * The shape of a printed table as the checks see it, rebuilt from its observations alone: rows
 * (row_label + parent_label), column slices (data_year × column_group × measure), total rows,
 * sections and sub-rows (golden/FORMAT.md "row_label", "parent_label"). Labels are expected
 * normalised (spaces and 其中 removed). Serves every edition: nothing here names a table.
 *
 * Row roles, decided from the labels and the hierarchy only:
 * - grand total: a row labelled 合计 / 总计 with no parent;
 * - section: a head P that is not itself a row, whose rows carry parent_label P and whose own
 *   total is printed as a row 合计 under P (a partition: its items add up to that total);
 * - parent with sub-rows: a row P whose 其中 rows (cities under a province, "其中" items) carry
 *   parent_label P (a subset: they need not exhaust P);
 * - subtotal: a row labelled 小计 closes the block of rows printed since the previous 小计.
 */
import type { Observation } from '../model.ts';

/** Labels of a table's (or a section's) total row. */
const TOTAL_LABELS = new Set(['合计', '总计', '全国合计', '总合计']);
/** Labels of a subtotal row closing the block above it. */
const SUBTOTAL_LABELS = new Set(['小计']);

/** Whether a normalised row label names a total row (合计, 总计 …). */
export function isTotalLabel(label: string): boolean {
  return TOTAL_LABELS.has(label);
}

/** Whether a normalised row label names a subtotal row (小计). */
export function isSubtotalLabel(label: string): boolean {
  return SUBTOTAL_LABELS.has(label);
}

/** A row of a table: its label and the label of the row or section head it belongs to ("" if none). */
export interface RowRef {
  parentLabel: string;
  rowLabel: string;
}

/** Map key of a row. */
export function rowKey(r: RowRef): string {
  return `${r.parentLabel}\u0000${r.rowLabel}`;
}

/** How a row is named in messages: "事业法人/合计", "北京". */
export function rowName(r: RowRef): string {
  return r.parentLabel ? `${r.parentLabel}/${r.rowLabel}` : r.rowLabel;
}

/** One column of a table: all its cells for one data year, column group and measure. */
export interface Slice {
  dataYear: number;
  columnGroup: string;
  measure: string;
  /** Cells by row key; a key holds several observations when a label is printed more than once. */
  cells: Map<string, Observation[]>;
}

/** What a row holds in a slice. */
export type CellPick =
  | { kind: 'value'; obs: Observation }
  | { kind: 'missing' }
  | { kind: 'ambiguous'; obs: Observation[] };

/** A row as the table prints it. */
export interface RowInfo {
  ref: RowRef;
  /** First line on which the row prints a value: the row's place in the printed order. */
  firstLine: number;
  /** Column groups in which the row prints at least one value. */
  columnGroups: Set<string>;
}

/** How the rows under one parent label relate to it. */
export interface Family {
  parentLabel: string;
  /** The sub-rows (not the section's own total row), in printed order. */
  children: RowRef[];
  /** The row they are compared with: the section total (P/合计) or the parent row P. */
  target: RowRef;
  /** 'partition': a section, children add up to its total; 'subset': 其中 rows, children ≤ parent. */
  mode: 'partition' | 'subset';
}

/** An addend of the table's grand total: a top-level row, a section's total, a subtotal, or a section without a total. */
export interface Item {
  ref: RowRef;
  kind: 'row' | 'section' | 'subtotal' | 'unvalued-section';
}

/** All observations of one table of one source, indexed for the checks. */
export interface Table {
  sourceId: string;
  tableRef: string;
  observations: Observation[];
  rows: Map<string, RowInfo>;
  /** Slices by `${dataYear}|${columnGroup}|${measure}`. */
  slices: Map<string, Slice>;
}

/** Map key of a slice. */
export function sliceKey(dataYear: number, columnGroup: string, measure: string): string {
  return `${dataYear}|${columnGroup}|${measure}`;
}

/** Groups observations into tables (one per source and table_ref), in order of first appearance. */
export function groupTables(observations: readonly Observation[]): Table[] {
  const tables = new Map<string, Table>();
  for (const o of observations) {
    const tk = `${o.sourceId}|${o.tableRef}`;
    let t = tables.get(tk);
    if (!t) {
      t = { sourceId: o.sourceId, tableRef: o.tableRef, observations: [], rows: new Map(), slices: new Map() };
      tables.set(tk, t);
    }
    t.observations.push(o);
    const rk = rowKey(o);
    const row = t.rows.get(rk);
    if (row) {
      row.firstLine = Math.min(row.firstLine, o.line);
      row.columnGroups.add(o.columnGroup);
    } else {
      t.rows.set(rk, {
        ref: { parentLabel: o.parentLabel, rowLabel: o.rowLabel },
        firstLine: o.line,
        columnGroups: new Set([o.columnGroup]),
      });
    }
    const sk = sliceKey(o.dataYear, o.columnGroup, o.measure);
    let s = t.slices.get(sk);
    if (!s) {
      s = { dataYear: o.dataYear, columnGroup: o.columnGroup, measure: o.measure, cells: new Map() };
      t.slices.set(sk, s);
    }
    const list = s.cells.get(rk);
    if (list) list.push(o);
    else s.cells.set(rk, [o]);
  }
  return [...tables.values()];
}

/**
 * The value a row holds in a slice. A label printed twice with the same value counts once (the
 * first printing); with different values it is ambiguous and no check may use it.
 */
export function pickCell(slice: Slice | undefined, ref: RowRef): CellPick {
  const list = slice?.cells.get(rowKey(ref));
  if (!list || list.length === 0) return { kind: 'missing' };
  const sorted = [...list].sort((a, b) => a.line - b.line);
  if (sorted.every((o) => o.value === sorted[0].value)) return { kind: 'value', obs: sorted[0] };
  return { kind: 'ambiguous', obs: sorted };
}

/** The slice of the same table for another measure (and optionally another year), if printed. */
export function sibling(t: Table, s: Slice, measure: string, dataYear = s.dataYear): Slice | undefined {
  return t.slices.get(sliceKey(dataYear, s.columnGroup, measure));
}

/** Whether a row prints anything in a column group (so a missing cell there is a gap, not absence). */
export function isMember(t: Table, ref: RowRef, columnGroup: string): boolean {
  return t.rows.get(rowKey(ref))?.columnGroups.has(columnGroup) ?? false;
}

/** Rows of the table in printed order. */
function orderedRows(t: Table): RowInfo[] {
  return [...t.rows.values()].sort((a, b) => a.firstLine - b.firstLine);
}

/** The section total row (合计 under P) of section P, if printed. */
function sectionTotal(t: Table, parentLabel: string): RowRef | undefined {
  return orderedRows(t).find((r) => r.ref.parentLabel === parentLabel && isTotalLabel(r.ref.rowLabel))?.ref;
}

/** Rows labelled P: the candidates for a parent row. */
function rowsLabelled(t: Table, label: string): RowRef[] {
  return orderedRows(t)
    .filter((r) => r.ref.rowLabel === label)
    .map((r) => r.ref);
}

/**
 * The families of the table: for each parent label, its sub-rows and what they are compared
 * with. A parent label that is neither a section with a total nor a (unique) printed row has no
 * family: nothing prints the value its rows would add up to.
 */
export function families(t: Table): Family[] {
  const byParent = new Map<string, RowRef[]>();
  for (const r of orderedRows(t)) {
    const p = r.ref.parentLabel;
    if (!p || isTotalLabel(r.ref.rowLabel)) continue;
    const list = byParent.get(p) ?? [];
    list.push(r.ref);
    byParent.set(p, list);
  }
  const out: Family[] = [];
  for (const [parentLabel, children] of byParent) {
    const total = sectionTotal(t, parentLabel);
    if (total) {
      out.push({ parentLabel, children, target: total, mode: 'partition' });
      continue;
    }
    const parents = rowsLabelled(t, parentLabel);
    if (parents.length === 1) out.push({ parentLabel, children, target: parents[0], mode: 'subset' });
  }
  return out;
}

/**
 * The grand-total rows of a column group: rows labelled 合计 / 总计 with no parent that print in
 * the group. More than one means the table's totals cannot be told apart.
 */
export function grandTotals(t: Table, columnGroup: string): RowRef[] {
  return orderedRows(t)
    .filter((r) => !r.ref.parentLabel && isTotalLabel(r.ref.rowLabel) && r.columnGroups.has(columnGroup))
    .map((r) => r.ref);
}

/**
 * The addends of a column group's grand total, in printed order: top-level rows (not totals),
 * subtotal rows, each section's total row, and sections that print no total of their own
 * ('unvalued-section': the sum cannot be formed). Sub-rows of a parent row are not addends.
 */
export function topLevelItems(t: Table, columnGroup: string): Item[] {
  const items: { item: Item; line: number }[] = [];
  const seenSections = new Set<string>();
  for (const r of orderedRows(t)) {
    if (!r.columnGroups.has(columnGroup)) continue;
    const { parentLabel, rowLabel } = r.ref;
    if (!parentLabel) {
      if (isTotalLabel(rowLabel)) continue;
      items.push({ item: { ref: r.ref, kind: isSubtotalLabel(rowLabel) ? 'subtotal' : 'row' }, line: r.firstLine });
      continue;
    }
    if (seenSections.has(parentLabel)) continue;
    if (rowsLabelled(t, parentLabel).length > 0) continue; // sub-rows of a parent row
    seenSections.add(parentLabel);
    const total = sectionTotal(t, parentLabel);
    items.push(
      total
        ? { item: { ref: total, kind: 'section' }, line: t.rows.get(rowKey(total))!.firstLine }
        : { item: { ref: { parentLabel, rowLabel: parentLabel }, kind: 'unvalued-section' }, line: r.firstLine },
    );
  }
  return items.sort((a, b) => a.line - b.line).map((x) => x.item);
}
