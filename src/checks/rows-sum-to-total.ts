/**
 * Check kind `rows_sum_to_total` (DESIGN.md "Checks": rows sum to the stated total). Within one
 * table, for every column slice (data year × column group × additive measure) that has exactly
 * one grand-total row (合计 / 总计 without a parent): the top-level rows, each section's own total
 * (合计 under the section head) and the subtotals (小计) add up to the grand total; each 小计
 * equals the rows printed since the previous 小计 (blocks.ts). Sub-rows of a parent row (其中,
 * cities) are not addends. A leading run of rows that already makes up the total, followed by
 * regroupings of them, is accepted (SumSpec.allowOverlappingTail). Serves every edition.
 */
import type { CheckResult } from '../model.ts';
import { addendBlocks } from './blocks.ts';
import type { Readers } from './evaluate.ts';
import { isAdditive } from './measures.ts';
import { skippedResult, sliceName } from './result.ts';
import { checkSum } from './sum.ts';
import { grandTotals, pickCell, rowName, topLevelItems, type Slice, type Table } from './table.ts';

const KIND = 'rows_sum_to_total';

/** Checks one slice against its grand total (and each 小计 against its block). */
function checkSlice(t: Table, s: Slice, readers: Readers): CheckResult[] {
  const scope = { sourceId: t.sourceId, tableRef: t.tableRef };
  const totals = grandTotals(t, s.columnGroup).filter((ref) => pickCell(s, ref).kind !== 'missing');
  const items = topLevelItems(t, s.columnGroup);
  if (totals.length === 0 || items.every((i) => pickCell(s, i.ref).kind === 'missing')) return [];
  const subject = `${sliceName(t.tableRef, s)}: rows = ${totals.map(rowName).join('/')}`;
  if (totals.length > 1) return [skippedResult(KIND, scope, subject, `several total rows (${totals.map(rowName).join(', ')})`)];
  const total = pickCell(s, totals[0]);
  if (total.kind !== 'value') return [skippedResult(KIND, scope, subject, `${rowName(totals[0])} is printed more than once with different values`)];
  const blocks = addendBlocks(t, s, items);
  if (typeof blocks === 'string') return [skippedResult(KIND, scope, subject, blocks)];
  return blocks.map((b) => {
    const target = b.subtotal ?? { name: rowName(totals[0]), obs: total.obs };
    return checkSum(
      {
        kind: KIND,
        scope,
        subject: b.subtotal ? `${sliceName(t.tableRef, s)}: rows = ${target.name} (line ${target.obs.line})` : subject,
        parts: b.parts,
        missing: b.missing,
        target: { name: target.name, value: target.obs },
        relation: 'equal',
        roles: { part: 'part', target: 'total' },
        allowOverlappingTail: true,
      },
      readers,
    );
  });
}

/** Runs `rows_sum_to_total` on one table. */
export function rowsSumToTotal(t: Table, readers: Readers): CheckResult[] {
  return [...t.slices.values()].filter((s) => isAdditive(s.measure)).flatMap((s) => checkSlice(t, s, readers));
}
