/**
 * Check kind `average_matches_amount_count` (DESIGN.md "Checks": average agrees with
 * amount/count). For every row printing an average (measures.ts AVERAGES, e.g. avg_turnover in
 * 万元) and, in the same table, year and column group, its amount (turnover, e.g. in 亿元) and
 * count (contract_count): average ≈ amount / count, the amount converted to the average's unit
 * by UNIT_MULT (亿元 → 万元: × 10^4). Serves every edition.
 */
import type { CheckResult } from '../model.ts';
import { evaluate, type Readers, type Relation } from './evaluate.ts';
import { div } from './interval.ts';
import { AVERAGES, type AverageDefinition } from './measures.ts';
import { resultOf, skippedResult, sliceName } from './result.ts';
import { pickCell, rowName, sibling, type Slice, type Table } from './table.ts';

const KIND = 'average_matches_amount_count';

/** Checks every average of one slice. */
function checkSlice(t: Table, s: Slice, def: AverageDefinition, readers: Readers): CheckResult[] {
  const amounts = sibling(t, s, def.amount);
  const counts = sibling(t, s, def.count);
  if (!amounts || !counts) return [];
  const scope = { sourceId: t.sourceId, tableRef: t.tableRef };
  const out: CheckResult[] = [];
  for (const { ref } of t.rows.values()) {
    const avg = pickCell(s, ref);
    if (avg.kind !== 'value') continue;
    const subject = `${sliceName(t.tableRef, s)}: ${rowName(ref)} average = ${def.amount} / ${def.count}`;
    const amount = pickCell(amounts, ref);
    const count = pickCell(counts, ref);
    if (amount.kind !== 'value' || count.kind !== 'value') {
      const absent = amount.kind !== 'value' ? def.amount : def.count;
      out.push(skippedResult(KIND, scope, subject, `${rowName(ref)} prints no single ${absent} value`, [{ role: 'average', obs: avg.obs }]));
      continue;
    }
    const relation: Relation = {
      expected: (r) => div(r.read(amount.obs, avg.obs.unitMult), r.read(count.obs, 0)),
      printed: avg.obs,
      relation: 'equal',
    };
    const factor = amount.obs.unitMult - avg.obs.unitMult;
    out.push(
      resultOf({
        kind: KIND,
        scope,
        subject,
        relation,
        evaluation: evaluate(relation, readers),
        inputs: [
          { role: 'amount', obs: amount.obs },
          { role: 'count', obs: count.obs },
          { role: 'average', obs: avg.obs },
        ],
        arithmetic: `${amount.obs.value}${factor ? ` × 10^${factor}` : ''} / ${count.obs.value}`,
        printedText: `printed average ${avg.obs.value}`,
        undefinedReason: 'the count may be 0',
      }),
    );
  }
  return out;
}

/** Runs `average_matches_amount_count` on one table. */
export function averageMatchesAmountCount(t: Table, readers: Readers): CheckResult[] {
  return [...t.slices.values()].flatMap((s) => {
    const def = AVERAGES.find((d) => d.average === s.measure);
    return def ? checkSlice(t, s, def, readers) : [];
  });
}
