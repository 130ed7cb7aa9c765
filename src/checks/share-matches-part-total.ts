/**
 * Check kind `share_matches_part_total` (DESIGN.md "Checks": shares agree with part/total). For
 * every row printing a share (measure <m>_share_pct) and the amount <m> in the same table, year
 * and column group: share ≈ amount / grand total × 100, by interval arithmetic. A sub-row's share
 * may instead be a share of its parent (or section total). Without a single grand total, a far
 * miss against the parent alone proves nothing (skipped). A failure by at most one unit of the
 * share's last digit, in a set of shares whose printed values total exactly 100 (or exactly the
 * parent's share, or a row whose share is exactly the sum of its sub-rows' shares), is a share
 * nudged to make the column add up: 'warning', not 'error'. Serves every edition.
 */
import type { CheckResult, Observation } from '../model.ts';
import { evaluate, type Readers, type Relation } from './evaluate.ts';
import { Dec, div, pow10, scale } from './interval.ts';
import { baseOf, isShare } from './measures.ts';
import type { Reader } from './reading.ts';
import { resultOf, skippedResult, sliceName, type Outcome, type RoleInput } from './result.ts';
import {
  families,
  grandTotals,
  isTotalLabel,
  pickCell,
  rowKey,
  rowName,
  sibling,
  topLevelItems,
  type Family,
  type RowRef,
  type Slice,
  type Table,
} from './table.ts';

const KIND = 'share_matches_part_total';

/** share = part / base × 100, in percent. */
function shareRelation(share: Observation, part: Observation, base: Observation): Relation {
  return {
    expected: (r: Reader) => {
      const q = div(r.read(part, base.unitMult), r.read(base));
      return q && scale(q, 100);
    },
    printed: share,
    relation: 'equal',
  };
}

/** The printed values of some rows in a slice, or null when one of them prints none. */
function printedValues(s: Slice, refs: RowRef[]): string[] | null {
  const values: string[] = [];
  for (const ref of refs) {
    const pick = pickCell(s, ref);
    if (pick.kind !== 'value') return null;
    values.push(pick.obs.value);
  }
  return values;
}

/** Whether printed values add up to exactly `target`. */
function sumsExactly(values: string[] | null, target: string): boolean {
  return values !== null && values.reduce((acc, v) => acc.plus(v), new Dec(0)).eq(target);
}

/**
 * Whether a share that misses its part/total by at most one unit of its last digit was nudged so
 * that a set of shares adds up exactly: its siblings total 100 (or the parent's share), or it is
 * exactly the sum of its own sub-rows' shares.
 */
function nudged(t: Table, s: Slice, row: RowRef, fams: Family[]): boolean {
  const parentFamily = fams.find((f) => f.children.some((c) => rowKey(c) === rowKey(row)));
  if (parentFamily) {
    const siblings = printedValues(s, parentFamily.children);
    const parentShare = pickCell(s, parentFamily.target);
    if (sumsExactly(siblings, '100') || (parentShare.kind === 'value' && sumsExactly(siblings, parentShare.obs.value))) return true;
  } else if (sumsExactly(printedValues(s, topLevelItems(t, s.columnGroup).map((i) => i.ref)), '100')) return true;
  const own = pickCell(s, row);
  const ownFamily = fams.find((f) => rowKey(f.target) === rowKey(row));
  return own.kind === 'value' && ownFamily !== undefined && sumsExactly(printedValues(s, ownFamily.children), own.obs.value);
}

/** A candidate denominator of a share: the table total, or the parent of a sub-row. */
interface Base {
  name: string;
  obs: Observation;
}

/**
 * Checks one share cell against its candidate bases, in order: the first that holds gives a pass
 * (noted when it is not the first); when none holds, the failure against the first is reported,
 * as a nudge when it is one (see `nudged`). When the table total could not be among the bases
 * (`totalKnown` false), only a near miss (explained by truncation, or within one unit of the
 * share's last digit) is reported: a far miss may just mean the share is of that total (skipped).
 */
function checkRow(
  t: Table,
  s: Slice,
  amounts: Slice,
  row: RowRef,
  bases: Base[],
  totalKnown: boolean,
  fams: Family[],
  readers: Readers,
): CheckResult | null {
  const scope = { sourceId: t.sourceId, tableRef: t.tableRef };
  const share = pickCell(s, row);
  if (share.kind !== 'value') return null;
  const subject = `${sliceName(t.tableRef, s)}: ${rowName(row)} share = ${amounts.measure} / ${bases[0].name} × 100`;
  const part = pickCell(amounts, row);
  if (part.kind !== 'value') {
    return skippedResult(KIND, scope, subject, `${rowName(row)} prints no single ${amounts.measure} value`, [{ role: 'share', obs: share.obs }]);
  }
  const outcomes = bases.map((base): Outcome => {
    const relation = shareRelation(share.obs, part.obs, base.obs);
    const inputs: RoleInput[] = [
      { role: 'part', obs: part.obs },
      { role: 'total', obs: base.obs },
      { role: 'share', obs: share.obs },
    ];
    return {
      kind: KIND,
      scope,
      subject,
      relation,
      evaluation: evaluate(relation, readers),
      inputs,
      arithmetic: `${rowName(row)} ${part.obs.value} / ${base.name} ${base.obs.value} × 100`,
      printedText: `printed share ${share.obs.value}`,
      undefinedReason: `${base.name} may be 0`,
    };
  });
  const holds = outcomes.findIndex((o) => o.evaluation.outcome === 'pass');
  if (holds > 0) return resultOf({ ...outcomes[holds], note: `a share of ${bases[holds].name}` });
  const main = outcomes[0];
  const unit = pow10(-share.obs.decimals);
  const ev = main.evaluation;
  // Without the table total, only a near miss (truncation, one last-digit unit) shows which base is meant.
  if (!totalKnown && ev.outcome === 'fail' && !ev.truncation && ev.gap.gt(unit)) {
    const reason = `the share is not one of ${bases.map((b) => b.name).join(' or ')}, and the table prints no single total to divide by`;
    return skippedResult(KIND, scope, subject, reason, main.inputs);
  }
  if (ev.outcome === 'fail' && ev.gap.lte(unit) && nudged(t, s, row, fams)) {
    return resultOf({ ...main, excuse: 'share nudged by one last-digit unit so that its column adds up exactly' });
  }
  return resultOf(main);
}

/** Runs `share_matches_part_total` on one table. */
export function shareMatchesPartTotal(t: Table, readers: Readers): CheckResult[] {
  const fams = families(t);
  const out: CheckResult[] = [];
  for (const s of t.slices.values()) {
    const measure = isShare(s.measure) ? baseOf(s.measure, '_share_pct') : null;
    const amounts = measure ? sibling(t, s, measure) : undefined;
    if (!amounts) continue;
    const totals = grandTotals(t, s.columnGroup).flatMap((ref) => {
      const pick = pickCell(amounts, ref);
      return pick.kind === 'value' ? [{ name: rowName(ref), obs: pick.obs }] : [];
    });
    const rows = [...t.rows.values()]
      .map((r) => r.ref)
      .filter((r) => pickCell(s, r).kind === 'value' && !(r.parentLabel === '' && isTotalLabel(r.rowLabel)));
    const baseless: RoleInput[] = [];
    for (const row of rows) {
      const bases: Base[] = totals.length === 1 ? [totals[0]] : [];
      const family = fams.find((f) => f.children.some((c) => rowKey(c) === rowKey(row)));
      const parent = family && pickCell(amounts, family.target);
      if (family && parent?.kind === 'value') bases.push({ name: rowName(family.target), obs: parent.obs });
      const share = pickCell(s, row);
      if (bases.length === 0 && share.kind === 'value') baseless.push({ role: 'share', obs: share.obs });
      const r = bases.length > 0 ? checkRow(t, s, amounts, row, bases, totals.length === 1, fams, readers) : null;
      if (r) out.push(r);
    }
    if (baseless.length > 0) {
      const why = totals.length === 0 ? 'the table prints no total to divide by' : `the table prints several totals (${totals.map((x) => x.name).join(', ')})`;
      out.push(skippedResult(KIND, { sourceId: t.sourceId, tableRef: t.tableRef }, `${sliceName(t.tableRef, s)}: shares = part / total × 100`, why, baseless));
    }
  }
  return out;
}
