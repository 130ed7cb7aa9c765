/**
 * Check kind `average_across_tables` (DESIGN.md "Checks": average agrees with amount/count, across
 * tables). An average (measures.ts AVERAGES: avg_turnover, e.g. 附表8 in 万元 per contract) whose own
 * table does not print the amount and the count is compared with the member's amount and count
 * for the same year wherever the edition prints them (附表2's turnover in 亿元 and contracts), the
 * amount converted by UNIT_MULT: average ≈ amount / count. A prose average is compared the same
 * way. Levels come from tables of the same population (populations.ts). Serves every edition.
 */
import type { CheckResult, Observation } from '../model.ts';
import { evaluate, type Relation } from './evaluate.ts';
import { div } from './interval.ts';
import { AVERAGES, type AverageDefinition } from './measures.ts';
import { isProse } from './members.ts';
import { resultOf } from './result.ts';
import { figureName, tableValue, type SourceView } from './source.ts';

const KIND = 'average_across_tables';

/** Checks one average; null when its own table holds amount and count, or the edition does not. */
function checkAverage(v: SourceView, a: Observation, def: AverageDefinition): CheckResult | null {
  const key = v.index.keyOf(a);
  if (key === null) return null;
  const inOwn = (m: string) => !isProse(a) && v.index.printings(key, a.dataYear, m).some((o) => o.tableRef === a.tableRef);
  if (inOwn(def.amount) && inOwn(def.count)) return null;
  const amount = tableValue(v, key, a.dataYear, def.amount, a);
  const count = tableValue(v, key, a.dataYear, def.count, a);
  if (!amount || !count) return null;
  const relation: Relation = { expected: (r) => div(amount.read(r, a.unitMult), count.read(r, 0)), printed: a, relation: 'equal' };
  const factor = amount.obs[0].unitMult - a.unitMult;
  return resultOf({
    kind: KIND,
    scope: { sourceId: v.sourceId, tableRef: a.tableRef },
    subject: `${figureName(a)} ${a.measure} ${a.dataYear}: average = ${def.amount} / ${def.count} across tables`,
    relation,
    evaluation: evaluate(relation, v.readers),
    inputs: [...amount.inputs('amount'), ...count.inputs('count'), { role: 'average', obs: a }],
    arithmetic: `${amount.text}${factor ? ` × 10^${factor}` : ''} / ${count.text}`,
    printedText: `printed average ${a.value} (${a.tableRef}:${a.line})`,
    undefinedReason: 'the count may be 0',
  });
}

/** Runs `average_across_tables` over one source. */
export function averageAcrossTables(v: SourceView): CheckResult[] {
  const out: CheckResult[] = [];
  for (const a of v.observations) {
    const def = AVERAGES.find((d) => d.average === a.measure);
    const r = def ? checkAverage(v, a, def) : null;
    if (r) out.push(r);
  }
  return out;
}
