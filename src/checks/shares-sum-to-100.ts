/**
 * Check kind `shares_sum_to_100` (DESIGN.md "Checks": shares sum to 100). For every share column
 * (measure *_share_pct) of a table:
 * - the shares of the rows that add up to the grand total (blocks.ts: top-level rows, section
 *   totals, 小计) sum to exactly 100, and each 小计's share to the shares of its block; run only
 *   when the table prints a grand-total row, i.e. when its rows are a partition;
 * - a section's rows (a partition) have shares summing to the section total's share, or, when
 *   they are printed as shares of the section itself, to 100;
 * - the shares of 其中 sub-rows do not exceed their parent's share (when they do, they are shares
 *   of the parent itself, which a subset need not exhaust: skipped).
 * Serves every edition.
 */
import type { CheckResult } from '../model.ts';
import { addendBlocks } from './blocks.ts';
import type { Readers } from './evaluate.ts';
import { isShare } from './measures.ts';
import { skippedResult, sliceName } from './result.ts';
import { checkSum, type Addend, type SumSpec } from './sum.ts';
import { families, grandTotals, isMember, pickCell, rowName, topLevelItems, type Family, type Slice, type Table } from './table.ts';

const KIND = 'shares_sum_to_100';

/** The exact 100 a complete set of shares totals. */
const HUNDRED = { name: '100', value: { exact: '100' } };

/** Top-level shares (and each 小计's block) of one slice. */
function checkTopLevel(t: Table, s: Slice, readers: Readers): CheckResult[] {
  const scope = { sourceId: t.sourceId, tableRef: t.tableRef };
  if (grandTotals(t, s.columnGroup).length === 0) return [];
  const items = topLevelItems(t, s.columnGroup);
  if (items.every((i) => pickCell(s, i.ref).kind === 'missing')) return [];
  const subject = `${sliceName(t.tableRef, s)}: Σ shares of the rows = 100`;
  const blocks = addendBlocks(t, s, items);
  if (typeof blocks === 'string') return [skippedResult(KIND, scope, subject, blocks)];
  return blocks.map((b) =>
    checkSum(
      {
        kind: KIND,
        scope,
        subject: b.subtotal ? `${sliceName(t.tableRef, s)}: Σ shares = ${b.subtotal.name} (line ${b.subtotal.obs.line})` : subject,
        parts: b.parts,
        missing: b.missing,
        target: b.subtotal ? { name: b.subtotal.name, value: b.subtotal.obs } : HUNDRED,
        relation: 'equal',
        roles: { part: 'share', target: 'total share' },
        allowOverlappingTail: true,
      },
      readers,
    ),
  );
}

/** Shares of one family's rows against the family's share (or 100). */
function checkFamily(t: Table, s: Slice, f: Family, readers: Readers): CheckResult | null {
  const scope = { sourceId: t.sourceId, tableRef: t.tableRef };
  const parts: Addend[] = [];
  const missing: string[] = [];
  for (const child of f.children) {
    if (!isMember(t, child, s.columnGroup)) continue;
    const pick = pickCell(s, child);
    if (pick.kind === 'value') parts.push({ name: rowName(child), obs: pick.obs });
    else missing.push(rowName(child));
  }
  const target = pickCell(s, f.target);
  if (parts.length === 0 || target.kind !== 'value') return null;
  const partition = f.mode === 'partition';
  const spec: SumSpec = {
    kind: KIND,
    scope,
    subject: `${sliceName(t.tableRef, s)}: Σ shares under ${f.parentLabel} ${partition ? '=' : '≤'} share of ${rowName(f.target)}`,
    parts,
    missing: partition ? missing : [],
    target: { name: rowName(f.target), value: target.obs },
    relation: partition ? 'equal' : 'notAbove',
    roles: { part: 'share', target: 'parent share' },
  };
  const result = checkSum(spec, readers);
  if (result.status !== 'fail') return result;
  if (!partition) {
    // Shares of P itself need not stay within P's share of the table: nothing to compare.
    const reason = `the shares under ${f.parentLabel} exceed ${rowName(f.target)}'s share, so they are shares of ${f.parentLabel} itself, which 其中 rows need not exhaust`;
    return skippedResult(KIND, scope, spec.subject, reason, parts.map((p) => ({ role: 'share', obs: p.obs })));
  }
  // Shares printed relative to the section itself total 100 instead of the section's share.
  const within = checkSum({ ...spec, target: HUNDRED, subject: `${sliceName(t.tableRef, s)}: Σ shares under ${f.parentLabel} = 100` }, readers);
  return within.status === 'pass' ? { ...within, message: `${within.message}; the rows print shares of ${f.parentLabel} itself` } : result;
}

/** Runs `shares_sum_to_100` on one table. */
export function sharesSumTo100(t: Table, readers: Readers): CheckResult[] {
  const fams = families(t);
  const out: CheckResult[] = [];
  for (const s of t.slices.values()) {
    if (!isShare(s.measure)) continue;
    out.push(...checkTopLevel(t, s, readers));
    for (const f of fams) {
      const r = checkFamily(t, s, f, readers);
      if (r) out.push(r);
    }
  }
  return out;
}
