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
 * printing that disagrees with the consensus of the printings (the one most printings agree with,
 * narrowed by those agreeing with it, most authoritative and precise first: a figure printed with
 * fewer digits must hold within its own rounding of the more precise one) (error; a warning when
 * truncation explains it).
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
 * The printings of a group that disagree with its consensus. The reference is the printing most
 * others agree with; the consensus is the intersection of the reference's interval with those of
 * the printings agreeing with it, taken most authoritative first (an appendix table, a body table,
 * the text) and, among equals, most precise first. A printing agreeing with the reference but not
 * with the consensus is odd too: agreement within rounding is not transitive, and a figure printed
 * with fewer digits must hold within its own rounding of the more precise printing, not merely
 * touch a third printing that does (the 2021 edition's prose l.108 企业 吸纳 growth 30.8 touches
 * l.426's 30.7 at 30.75, but 附表14 prints 30.70: 30.8 stands for 30.75…30.85, beyond 30.695…30.705).
 */
function oddOnes(list: Observation[], reference: Observation, comparable: (a: Observation, b: Observation) => boolean, agree: (a: Observation, b: Observation) => boolean, read: (o: Observation) => Interval): { odd: Observation[]; consensus: Observation[] } {
  const odd = list.filter((o) => comparable(o, reference) && !agree(o, reference));
  const core = list
    .filter((o) => o !== reference && comparable(o, reference) && agree(o, reference))
    .sort((a, b) => rank(b) - rank(a) || b.decimals - a.decimals || a.line - b.line);
  let common = read(reference);
  const consensus = [reference];
  for (const o of core) {
    const m = meet([common, read(o)]);
    if (m) {
      common = m;
      consensus.push(o);
    } else odd.push(o);
  }
  return { odd, consensus };
}

/**
 * Checks one group: every printing from another place that disagrees with the group's consensus
 * (oddOnes) is reported, compared with the printings of the consensus; when none does, one pass
 * for the group.
 */
function checkGroup(v: SourceView, list: Observation[]): CheckResult[] {
  const mult = list[0].unitMult;
  const r = v.readers.round;
  const comparable = (a: Observation, b: Observation) => elsewhere(a, b) && v.populations.compatible(a, b);
  if (!list.some((a) => list.some((b) => comparable(a, b)))) return [];
  const agree = (a: Observation, b: Observation) => intersects(r.read(a, mult), r.read(b, mult));
  const support = new Map(list.map((o) => [o, list.filter((x) => comparable(x, o) && agree(x, o)).length]));
  const reference = [...list].sort((a, b) => support.get(b)! - support.get(a)! || rank(b) - rank(a) || a.line - b.line)[0];
  const { odd, consensus } = oddOnes(list, reference, comparable, agree, (o) => r.read(o, mult));
  if (!odd.length) {
    const first = list[0];
    const where = list.map((o) => `${o.tableRef}:${o.line} ${o.value}`).join(', ');
    const subject = `${figureName(first)} ${first.measure} ${first.dataYear}: the same figure wherever it is printed`;
    return [passSummary(KIND, { sourceId: v.sourceId, tableRef: first.tableRef }, subject, `printed alike within rounding: ${where}`, list.map((o) => ({ role: 'printed', obs: o })))];
  }
  return odd.map((o) => {
    const against = consensus.filter((x) => x !== o && comparable(x, o));
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
