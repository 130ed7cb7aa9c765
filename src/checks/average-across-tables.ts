/**
 * Check kind `average_across_tables` (DESIGN.md "Checks": average agrees with amount/count, across
 * tables). An average (measures.ts AVERAGES: avg_turnover, e.g. 附表8 in 万元 per contract) whose own
 * table does not print the amount and the count is compared with the member's amount and count
 * for the same year wherever the edition prints them (附表2's turnover in 亿元 and contracts), the
 * amount converted by UNIT_MULT: average ≈ amount / count. A prose average is compared the same
 * way. Levels come from tables of the same population (populations.ts). When the counts of one
 * table column of averages are printed one row off (rotated-column.ts: the averages hold with the
 * column shifted back, not as printed), that is reported once, as an error naming the column, and
 * each average is read with the count printed on its neighbouring row (so a wrong average is
 * still found, and a right one is not blamed). Serves every edition.
 */
import type { CheckResult, Observation } from '../model.ts';
import { evaluate, type Relation } from './evaluate.ts';
import { div } from './interval.ts';
import { AVERAGES, type AverageDefinition } from './measures.ts';
import { isProse } from './members.ts';
import { resultOf, toCheckInput } from './result.ts';
import { rotatedCounts, type Rotation } from './rotated-column.ts';
import { figureName, tableValue, type SourceView, type Value } from './source.ts';

const KIND = 'average_across_tables';

/**
 * Checks one average; null when its own table holds amount and count, or the edition does not.
 * `shifted` is the count to read it with when its count column is printed one row off.
 */
function checkAverage(v: SourceView, a: Observation, def: AverageDefinition, shifted?: Value): CheckResult | null {
  const key = v.index.keyOf(a);
  if (key === null) return null;
  const inOwn = (m: string) => !isProse(a) && v.index.printings(key, a.dataYear, m).some((o) => o.tableRef === a.tableRef);
  if (inOwn(def.amount) && inOwn(def.count)) return null;
  const amount = tableValue(v, key, a.dataYear, def.amount, a);
  const count = shifted ?? tableValue(v, key, a.dataYear, def.count, a);
  if (!amount || !count) return null;
  const relation: Relation = { expected: (r) => div(amount.read(r, a.unitMult), count.read(r, 0)), printed: a, relation: 'equal' };
  const factor = amount.obs[0].unitMult - a.unitMult;
  return resultOf({
    kind: KIND,
    scope: { sourceId: v.sourceId, tableRef: a.tableRef },
    subject: `${figureName(a)} ${a.measure} ${a.dataYear}: average = ${def.amount} / ${def.count} across tables`,
    relation,
    evaluation: evaluate(relation, v.readers),
    inputs: [...amount.inputs('amount'), ...count.inputs(shifted ? 'count (printed one row off)' : 'count'), { role: 'average', obs: a }],
    arithmetic: `${amount.text}${factor ? ` × 10^${factor}` : ''} / ${count.text}`,
    printedText: `printed average ${a.value} (${a.tableRef}:${a.line})`,
    undefinedReason: 'the count may be 0',
  });
}

/** The failure naming a count column printed one row off, with every number that shows it. */
function rotationResult(v: SourceView, rot: Rotation): CheckResult {
  const c = rot.column[0];
  const a = rot.averages[0];
  const where = rot.shift > 0 ? 'the row after its own' : 'the row before its own';
  const inputs = [...rot.column.map((obs) => ({ role: 'count', obs })), ...rot.averages.map((obs) => ({ role: 'average', obs }))];
  return {
    sourceId: v.sourceId,
    checkKind: KIND,
    tableRef: c.tableRef,
    status: 'fail',
    severity: 'error',
    subject: `${[c.tableRef, String(c.dataYear), c.columnGroup, c.measure].filter(Boolean).join(' ')}: column printed one row off (averages of ${a.tableRef})`,
    printed: null,
    expectedLow: null,
    expectedHigh: null,
    gap: null,
    message: `${c.tableRef}'s ${c.dataYear} ${c.measure} column (${rot.column.map((o) => `${o.rowLabel} ${o.value}`).join(', ')}) is printed one row off: each row's figure stands on ${where}, the last wrapping round; ${a.tableRef}'s ${a.dataYear} averages hold for ${rot.holdShifted} of ${rot.averages.length} rows read so, for ${rot.holdAsPrinted} as printed; beyond rounding`,
    inputs: inputs.map(toCheckInput),
  };
}

/** Runs `average_across_tables` over one source. */
export function averageAcrossTables(v: SourceView): CheckResult[] {
  const out: CheckResult[] = [];
  const groups = new Map<string, Observation[]>();
  for (const a of v.observations) {
    if (!AVERAGES.some((d) => d.average === a.measure) || isProse(a)) continue;
    const g = `${a.tableRef}|${a.dataYear}|${a.columnGroup}|${a.measure}`;
    groups.set(g, [...(groups.get(g) ?? []), a]);
  }
  const rotations = new Map<Observation, Value>();
  for (const group of groups.values()) {
    const rot = rotatedCounts(v, group, AVERAGES.find((d) => d.average === group[0].measure)!);
    if (!rot) continue;
    out.push(rotationResult(v, rot));
    for (const [a, count] of rot.countFor) rotations.set(a, count);
  }
  for (const a of v.observations) {
    const def = AVERAGES.find((d) => d.average === a.measure);
    const r = def ? checkAverage(v, a, def, rotations.get(a)) : null;
    if (r) out.push(r);
  }
  return out;
}
