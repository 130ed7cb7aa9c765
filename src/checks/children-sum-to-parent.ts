/**
 * Check kind `children_sum_to_parent` (DESIGN.md "Checks": children sum to parent). For every
 * family of a table (table.ts `families`) and every additive column slice:
 * - a section (rows under a head P with their own 合计 row under P) is a partition: the rows add
 *   up to P/合计;
 * - sub-rows of a printed row P (其中 items, cities under a province) are parts that need not
 *   exhaust P: their sum must not exceed P.
 * A sub-row that prints no value in the column makes a partition's sum incomplete (skipped,
 * unless the rows printed already exceed the total) and is simply left out of a subset's sum.
 * Serves every edition.
 */
import type { CheckResult } from '../model.ts';
import type { Readers } from './evaluate.ts';
import { isAdditive } from './measures.ts';
import { skippedResult, sliceName } from './result.ts';
import { checkSum, type Addend } from './sum.ts';
import { families, isMember, pickCell, rowName, type Family, type Slice, type Table } from './table.ts';

const KIND = 'children_sum_to_parent';

/** Checks one family in one slice; null when the slice holds none of the family's rows. */
function checkFamily(t: Table, s: Slice, f: Family, readers: Readers): CheckResult | null {
  const scope = { sourceId: t.sourceId, tableRef: t.tableRef };
  const op = f.mode === 'partition' ? '=' : '≥';
  const subject = `${sliceName(t.tableRef, s)}: ${rowName(f.target)} ${op} Σ rows under ${f.parentLabel}`;
  const parts: Addend[] = [];
  const missing: string[] = [];
  for (const child of f.children) {
    if (!isMember(t, child, s.columnGroup)) continue;
    const pick = pickCell(s, child);
    if (pick.kind === 'ambiguous') return skippedResult(KIND, scope, subject, `${rowName(child)} is printed more than once with different values`);
    if (pick.kind === 'value') parts.push({ name: rowName(child), obs: pick.obs });
    else missing.push(rowName(child));
  }
  if (parts.length === 0) return null;
  const target = pickCell(s, f.target);
  if (target.kind === 'missing') return skippedResult(KIND, scope, subject, `${rowName(f.target)} prints no value in this column`);
  if (target.kind === 'ambiguous') return skippedResult(KIND, scope, subject, `${rowName(f.target)} is printed more than once with different values`);
  return checkSum(
    {
      kind: KIND,
      scope,
      subject,
      parts,
      missing: f.mode === 'partition' ? missing : [],
      target: { name: rowName(f.target), value: target.obs },
      relation: f.mode === 'partition' ? 'equal' : 'notAbove',
      roles: { part: 'child', target: 'parent' },
      note:
        f.mode === 'subset' && missing.length > 0
          ? `${missing.join('、')} ${missing.length === 1 ? 'prints' : 'print'} no value and ${missing.length === 1 ? 'is' : 'are'} left out (a part of a subset is still within the parent)`
          : undefined,
    },
    readers,
  );
}

/** Runs `children_sum_to_parent` on one table. */
export function childrenSumToParent(t: Table, readers: Readers): CheckResult[] {
  const fams = families(t);
  const out: CheckResult[] = [];
  for (const s of t.slices.values()) {
    if (!isAdditive(s.measure)) continue;
    for (const f of fams) {
      const r = checkFamily(t, s, f, readers);
      if (r) out.push(r);
    }
  }
  return out;
}
