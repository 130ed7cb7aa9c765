/**
 * Check kind `rank_follows_amounts` (DESIGN.md "Checks": ranks follow the amounts). For a rank
 * column <m>_rank and the amounts <m> of the same table, year and column group, among rows at the
 * same level (same parent label; totals excluded): a row ranked before another must be able to
 * have an amount at least as large, given rounding. Ranks need not be consecutive (a regional
 * table may print national ranks). One 'fail' per pair out of order, or one 'pass' per level.
 * Serves every edition.
 */
import type { CheckResult, Observation } from '../model.ts';
import { evaluate, type Readers, type Relation } from './evaluate.ts';
import { Dec } from './interval.ts';
import { baseOf } from './measures.ts';
import { passSummary, resultOf, sliceName, type RoleInput } from './result.ts';
import { isTotalLabel, pickCell, rowName, sibling, type Slice, type Table } from './table.ts';

const KIND = 'rank_follows_amounts';

/** A ranked row with its amount. */
interface Ranked {
  name: string;
  rank: Observation;
  amount: Observation;
}

/** Checks the ranked rows of one level of one slice. */
function checkLevel(t: Table, s: Slice, level: Ranked[], readers: Readers): CheckResult[] {
  const scope = { sourceId: t.sourceId, tableRef: t.tableRef };
  const parent = level[0].amount.parentLabel;
  const subject = `${sliceName(t.tableRef, s)}: ranks follow ${level[0].amount.measure}${parent ? ` (rows under ${parent})` : ''}`;
  const sorted = [...level].sort((a, b) => new Dec(a.rank.value).cmp(b.rank.value));
  const failures: CheckResult[] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const [hi, lo] = [sorted[i], sorted[j]];
      if (new Dec(hi.rank.value).eq(lo.rank.value)) continue;
      // The row ranked lower must be able to be ≤ the row ranked higher.
      const relation: Relation = { expected: (r) => r.read(lo.amount, hi.amount.unitMult), printed: hi.amount, relation: 'notAbove' };
      const evaluation = evaluate(relation, readers);
      if (evaluation.outcome !== 'fail') continue;
      failures.push(
        resultOf({
          kind: KIND,
          scope,
          subject: `${subject}: ${lo.name} vs ${hi.name}`,
          relation,
          evaluation,
          inputs: [
            { role: 'rank', obs: hi.rank },
            { role: 'amount', obs: hi.amount },
            { role: 'rank', obs: lo.rank },
            { role: 'amount', obs: lo.amount },
          ],
          arithmetic: `${lo.name} ${lo.amount.value} (rank ${lo.rank.value})`,
          printedText: `${hi.name} ${hi.amount.value} (rank ${hi.rank.value})`,
        }),
      );
    }
  }
  if (failures.length > 0) return failures;
  const inputs: RoleInput[] = sorted.flatMap((x) => [
    { role: 'rank', obs: x.rank },
    { role: 'amount', obs: x.amount },
  ]);
  const range = `${sorted[0].rank.value}…${sorted[sorted.length - 1].rank.value}`;
  return [passSummary(KIND, scope, subject, `ranks ${range} of ${sorted.length} rows follow the amounts`, inputs)];
}

/** Runs `rank_follows_amounts` on one table. */
export function rankFollowsAmounts(t: Table, readers: Readers): CheckResult[] {
  const out: CheckResult[] = [];
  for (const s of t.slices.values()) {
    const base = baseOf(s.measure, '_rank');
    const amounts = base ? sibling(t, s, base) : undefined;
    if (!amounts) continue;
    const levels = new Map<string, Ranked[]>();
    for (const { ref } of t.rows.values()) {
      if (isTotalLabel(ref.rowLabel)) continue;
      const rank = pickCell(s, ref);
      const amount = pickCell(amounts, ref);
      if (rank.kind !== 'value' || amount.kind !== 'value') continue;
      const list = levels.get(ref.parentLabel) ?? [];
      list.push({ name: rowName(ref), rank: rank.obs, amount: amount.obs });
      levels.set(ref.parentLabel, list);
    }
    for (const level of levels.values()) if (level.length > 1) out.push(...checkLevel(t, s, level, readers));
  }
  return out;
}
