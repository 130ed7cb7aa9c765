/**
 * Check kind `same_figure` (DESIGN.md "Checks": the same figure agrees across tables and prose):
 * every member, year and measure printed in more than one place of an edition — another table, an
 * appendix table, a figure's value label, the running text — must agree within rounding (the
 * intervals of all printings intersect; counts are exact; 亿元 and 万元 compared by UNIT_MULT).
 * Ranks and shares are compared only between printings relative to the same universe (a regional
 * table's rank is not a national rank); a share of 100 is the table's own total and not compared;
 * tables of different populations (populations.ts) are not compared. A prose level of a member no
 * table prints as such (several members at once, a grouping on another basis) is compared with
 * the sum of its printed parts. Per member, year and measure: one pass, or a failure for each
 * printing that disagrees with the one most printings agree with (error; a warning when truncation
 * explains it).
 * Prose ranks and shares are checked against the amounts by rank_in_text and share_of_base.
 * Serves every edition.
 */
import type { CheckResult, Observation } from '../model.ts';
import { evaluate, type Relation } from './evaluate.ts';
import { Dec, interval, pow10, intersects, type Interval } from './interval.ts';
import { isAdditive } from './measures.ts';
import { compositeParts, isProse } from './members.ts';
import { passSummary, resultOf } from './result.ts';
import { figureName, sumValue, type SourceView, type Value } from './source.ts';

const KIND = 'same_figure';

/** Measures compared only within one universe. */
const RELATIVE = /_rank$|_share_pct$/;

/** Groups of printings of one member, year and measure (and universe for ranks and shares). */
function groups(v: SourceView): Observation[][] {
  const out = new Map<string, Observation[]>();
  for (const o of v.observations) {
    const key = v.index.keyOf(o);
    if (key === null || compositeParts(key)) continue;
    if (RELATIVE.test(o.measure) && (isProse(o) || new Dec(o.value).eq(100))) continue;
    if (/_change_pp$/.test(o.measure)) continue;
    const universe = RELATIVE.test(o.measure) ? v.index.universeOf(o) : '';
    const g = `${key}|${o.dataYear}|${o.measure}|${universe}`;
    const list = out.get(g) ?? [];
    list.push(o);
    out.set(g, list);
  }
  return [...out.values()];
}

/** Whether two printings come from different places (another table, or another line of the text). */
function elsewhere(a: Observation, b: Observation): boolean {
  return a.tableRef !== b.tableRef || (isProse(a) && a.line !== b.line);
}

/** Intersection of intervals, or null when empty. */
function meet(xs: Interval[]): Interval | null {
  const lo = Dec.max(...xs.map((x) => x.lo));
  const hi = Dec.min(...xs.map((x) => x.hi));
  return lo.lte(hi) ? interval(lo, hi) : null;
}

/**
 * Checks one group: the printing most others agree with is the reference; every printing from
 * another place that disagrees with it is reported (compared with the printings that agree with
 * the reference); when none does, one pass for the group.
 */
function checkGroup(v: SourceView, list: Observation[]): CheckResult[] {
  const mult = list[0].unitMult;
  const r = v.readers.round;
  const comparable = (a: Observation, b: Observation) => elsewhere(a, b) && v.populations.compatible(a, b);
  if (!list.some((a) => list.some((b) => comparable(a, b)))) return [];
  const agree = (a: Observation, b: Observation) => intersects(r.read(a, mult), r.read(b, mult));
  const support = new Map(list.map((o) => [o, list.filter((x) => comparable(x, o) && agree(x, o)).length]));
  const reference = [...list].sort((a, b) => support.get(b)! - support.get(a)! || rank(b) - rank(a) || a.line - b.line)[0];
  const odd = list.filter((o) => comparable(o, reference) && !agree(o, reference));
  if (!odd.length) {
    const first = list[0];
    const where = list.map((o) => `${o.tableRef}:${o.line} ${o.value}`).join(', ');
    const subject = `${figureName(first)} ${first.measure} ${first.dataYear}: the same figure wherever it is printed`;
    return [passSummary(KIND, { sourceId: v.sourceId, tableRef: first.tableRef }, subject, `printed alike within rounding: ${where}`, list.map((o) => ({ role: 'printed', obs: o })))];
  }
  return odd.map((o) => {
    const against = list.filter((x) => x !== o && comparable(x, o) && agree(x, reference));
    const relation: Relation = {
      expected: (reader) => meet(against.map((x) => reader.read(x, o.unitMult))) ?? reader.read(reference, o.unitMult),
      printed: o,
      relation: 'equal',
    };
    const others = list.filter((x) => x !== o && comparable(x, o));
    return resultOf({
      kind: KIND,
      scope: { sourceId: v.sourceId, tableRef: o.tableRef },
      subject: `${figureName(o)} ${o.measure} ${o.dataYear}: the same figure wherever it is printed`,
      relation,
      evaluation: evaluate(relation, v.readers),
      inputs: [{ role: 'printed', obs: o }, ...others.map((x) => ({ role: agree(x, o) ? 'printed alike' : 'printed otherwise', obs: x }))],
      arithmetic: against.map((x) => `${x.tableRef}:${x.line} ${x.value}`).join(', '),
      printedText: `${o.tableRef}:${o.line} ${o.value}`,
    });
  });
}

/** Which printing a tie keeps as the reference: an appendix table, then a body table, then the text. */
function rank(o: Observation): number {
  return isProse(o) ? 0 : o.tableRef.startsWith('附') ? 2 : 1;
}

/** A prose level of a member printed only as parts, compared with the sum of the parts. */
function checkParts(v: SourceView, o: Observation): CheckResult | null {
  const key = v.index.keyOf(o);
  if (key === null || !isAdditive(o.measure)) return null;
  if (v.index.printings(key, o.dataYear, o.measure).some((x) => !isProse(x))) return null;
  const parts = v.index.partsOf(key, o.dataYear, o.measure);
  if (!parts || !parts.every((p) => v.populations.compatible(p, o))) return null;
  const total: Value = sumValue(parts);
  const relation: Relation = { expected: (reader) => total.read(reader, o.unitMult), printed: o, relation: 'equal' };
  return resultOf({
    kind: KIND,
    scope: { sourceId: v.sourceId, tableRef: o.tableRef },
    subject: `${figureName(o)} ${o.measure} ${o.dataYear}: the sum of its parts as printed`,
    relation,
    evaluation: evaluate(relation, v.readers),
    inputs: [{ role: 'printed', obs: o }, ...total.inputs('sum')],
    arithmetic: `${total.text} = ${parts.reduce((acc, p) => acc.plus(new Dec(p.value).times(pow10(p.unitMult - o.unitMult))), new Dec(0)).toString()}`,
    printedText: `text:${o.line} ${o.value}`,
  });
}

/** Runs `same_figure` over one source. */
export function sameFigure(v: SourceView): CheckResult[] {
  const out: CheckResult[] = [];
  for (const list of groups(v)) out.push(...checkGroup(v, list));
  for (const o of v.observations) {
    if (!isProse(o)) continue;
    const r = checkParts(v, o);
    if (r) out.push(r);
  }
  return out;
}
