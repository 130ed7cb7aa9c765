/**
 * Check kind `rows_sum_to_total` (DESIGN.md "Checks": rows sum to the stated total). Within one
 * table, for every column slice (data year × column group × additive measure) that has exactly
 * one grand-total row (合计 / 总计 without a parent): the top-level rows, each section's own total
 * (合计 under the section head) and the subtotals (小计) add up to the grand total; each 小计
 * equals the rows printed since the previous 小计. Sub-rows of a parent row (其中, cities) are not
 * addends. A leading run of rows that already makes up the total, followed by regroupings of
 * them, is accepted (see SumSpec.allowOverlappingTail). Serves every edition.
 */
import type { CheckResult } from '../model.ts';
import type { Readers } from './evaluate.ts';
import { isAdditive } from './measures.ts';
import { skippedResult, sliceName, type ResultScope } from './result.ts';
import { checkSum, type Addend } from './sum.ts';
import { grandTotals, pickCell, rowKey, rowName, topLevelItems, type Item, type Slice, type Table } from './table.ts';

const KIND = 'rows_sum_to_total';

/** One addend position in printed order: a value, a row that prints none, or a subtotal cell. */
type Entry =
  | { kind: 'value'; addend: Addend; line: number }
  | { kind: 'missing'; name: string; line: number }
  | { kind: 'subtotal'; addend: Addend; line: number };

/** Addends of the grand total and of each 小计, in printed order; or why they cannot be formed. */
function entriesOf(t: Table, s: Slice, items: Item[]): Entry[] | string {
  const entries: Entry[] = [];
  for (const item of items) {
    const name = rowName(item.ref);
    if (item.kind === 'unvalued-section') return `section ${item.ref.parentLabel} prints no total of its own`;
    if (item.kind === 'subtotal') {
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

/** Checks that a block of entries adds up to `target`. */
function checkBlock(scope: ResultScope, subject: string, list: Entry[], target: Addend, readers: Readers): CheckResult {
  return checkSum(
    {
      kind: KIND,
      scope,
      subject,
      parts: list.flatMap((e) => (e.kind === 'missing' ? [] : [e.addend])),
      missing: list.flatMap((e) => (e.kind === 'missing' ? [e.name] : [])),
      target: { name: target.name, value: target.obs },
      relation: 'equal',
      roles: { part: 'part', target: 'total' },
      allowOverlappingTail: true,
    },
    readers,
  );
}

/** Checks one slice against its grand total (and each 小计 against its block). */
function checkSlice(t: Table, s: Slice, readers: Readers): CheckResult[] {
  const scope = { sourceId: t.sourceId, tableRef: t.tableRef };
  const totals = grandTotals(t, s.columnGroup).filter((ref) => pickCell(s, ref).kind !== 'missing');
  const items = topLevelItems(t, s.columnGroup);
  const printedItems = items.filter((i) => pickCell(s, i.ref).kind !== 'missing');
  if (totals.length === 0 || printedItems.length === 0) return [];
  const subject = `${sliceName(t.tableRef, s)}: rows = ${totals.map(rowName).join('/')}`;
  if (totals.length > 1) return [skippedResult(KIND, scope, subject, `several total rows (${totals.map(rowName).join(', ')})`)];
  const totalPick = pickCell(s, totals[0]);
  if (totalPick.kind !== 'value') return [skippedResult(KIND, scope, subject, `${rowName(totals[0])} is printed more than once with different values`)];
  const entries = entriesOf(t, s, items);
  if (typeof entries === 'string') return [skippedResult(KIND, scope, subject, entries)];

  const results: CheckResult[] = [];
  let block: Entry[] = [];
  const grand: Entry[] = [];
  for (const e of entries) {
    if (e.kind !== 'subtotal') {
      block.push(e);
      continue;
    }
    if (block.some((b) => b.kind === 'value')) {
      results.push(checkBlock(scope, `${sliceName(t.tableRef, s)}: rows = ${e.addend.name} (line ${e.line})`, block, e.addend, readers));
    }
    grand.push(e);
    block = [];
  }
  grand.push(...block);
  results.push(checkBlock(scope, subject, grand, { name: rowName(totals[0]), obs: totalPick.obs }, readers));
  return results;
}

/** Runs `rows_sum_to_total` on one table. */
export function rowsSumToTotal(t: Table, readers: Readers): CheckResult[] {
  return [...t.slices.values()].filter((s) => isAdditive(s.measure)).flatMap((s) => checkSlice(t, s, readers));
}
