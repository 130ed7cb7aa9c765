/**
 * The addends of a column's grand total, in printed order, split at subtotal rows (小计): each 小计
 * closes the block of rows printed since the previous one, and the grand total adds the 小计 rows
 * and the rows after the last of them. Shared by rows_sum_to_total (amounts) and
 * shares_sum_to_100 (shares). Serves every edition.
 */
import type { Addend } from './sum.ts';
import { pickCell, rowKey, rowName, type Item, type Slice, type Table } from './table.ts';

/** The addends of one sum. */
export interface Block {
  /** Addends that print a value, in printed order. */
  parts: Addend[];
  /** Names of addend rows that print no value in this column. */
  missing: string[];
  /** The 小计 the block adds up to, or null for the grand total's own block. */
  subtotal: Addend | null;
}

/** One addend position in printed order. */
type Entry =
  | { kind: 'value'; addend: Addend; line: number }
  | { kind: 'missing'; name: string; line: number }
  | { kind: 'subtotal'; addend: Addend; line: number };

/** Addend entries of a slice in printed order, or why they cannot be formed. */
function entriesOf(t: Table, s: Slice, items: Item[]): Entry[] | string {
  const entries: Entry[] = [];
  for (const item of items) {
    const name = rowName(item.ref);
    if (item.kind === 'unvalued-section') return `section ${item.ref.parentLabel} prints no total of its own`;
    if (item.kind === 'subtotal') {
      // Every 小计 shares one label: each printed cell is a subtotal of its own.
      for (const obs of s.cells.get(rowKey(item.ref)) ?? []) entries.push({ kind: 'subtotal', addend: { name, obs }, line: obs.line });
      continue;
    }
    const pick = pickCell(s, item.ref);
    if (pick.kind === 'ambiguous') return `${name} is printed more than once with different values`;
    if (pick.kind === 'value') entries.push({ kind: 'value', addend: { name, obs: pick.obs }, line: pick.obs.line });
    else entries.push({ kind: 'missing', name, line: t.rows.get(rowKey(item.ref))!.firstLine });
  }
  return entries.sort((a, b) => a.line - b.line);
}

/** A block from its entries. */
function blockOf(entries: Entry[], subtotal: Addend | null): Block {
  return {
    parts: entries.flatMap((e) => (e.kind === 'missing' ? [] : [e.addend])),
    missing: entries.flatMap((e) => (e.kind === 'missing' ? [e.name] : [])),
    subtotal,
  };
}

/**
 * The blocks of a slice: one per 小计 that has rows above it, then the grand total's block (last,
 * subtotal null). Returns a reason string when the sums cannot be formed (a section without a
 * total, a label printed twice with different values).
 */
export function addendBlocks(t: Table, s: Slice, items: Item[]): Block[] | string {
  const entries = entriesOf(t, s, items);
  if (typeof entries === 'string') return entries;
  const blocks: Block[] = [];
  const grand: Entry[] = [];
  let current: Entry[] = [];
  for (const e of entries) {
    if (e.kind !== 'subtotal') {
      current.push(e);
      continue;
    }
    if (current.some((c) => c.kind === 'value')) blocks.push(blockOf(current, e.addend));
    grand.push(e);
    current = [];
  }
  blocks.push(blockOf([...grand, ...current], null));
  return blocks;
}
