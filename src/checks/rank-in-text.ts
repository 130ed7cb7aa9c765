/**
 * Check kind `rank_in_text` (DESIGN.md "Checks": ranks follow the amounts) for the ranks the running
 * text states: "居第三位" (among the rows printed with the member), "位居全国第一" (among the rows
 * of a national table), "前10名…依次为A、B…" (exact ranks 1…10) or "…分别为A、B…" (each within
 * the top 10). The member's rank is computed from the amounts of a table that prints it (by
 * interval arithmetic: ties within rounding leave a range of ranks); a rank is consistent when
 * some such table allows it. When the words name no flow (输出 / 吸纳 / 登记), every flow's table
 * is tried. Serves every edition.
 */
import type { CheckResult, Observation } from '../model.ts';
import { evaluate, type Relation } from './evaluate.ts';
import { interval } from './interval.ts';
import { BOUND_TABLE, dimensionsOfKey, flowOfKey, isProse } from './members.ts';
import { resultOf, type RoleInput } from './result.ts';
import { figureName, type SourceView } from './source.ts';
import { isTotalLabel, pickCell, topLevelItems, type RowRef, type Table } from './table.ts';

const KIND = 'rank_in_text';

/** The member's printed amount and its siblings' in one table. */
interface Standing {
  table: Table;
  member: Observation;
  siblings: Observation[];
}

/** The member's amount and its siblings' in each table that prints it (on the universe asked). */
function standings(v: SourceView, r: Observation, measure: string): Standing[] {
  const key = v.index.keyOf(r);
  if (key === null) return [];
  const keys = flowOfKey(key) || !dimensionsOfKey(key).length ? [key] : v.index.flowVariants(key);
  const universe = r.dimensions['text.universe'];
  const bound = r.dimensions[BOUND_TABLE];
  // Among "the rows printed with it" needs the table the statement's figures were read from.
  if (universe === 'siblings' && !bound) return [];
  const out: Standing[] = [];
  for (const k of keys) {
    for (const member of v.index.printings(k, r.dataYear, measure)) {
      if (isProse(member) || (bound && member.tableRef !== bound) || !v.populations.compatible(member, r)) continue;
      if (universe && universe !== 'siblings' && v.index.universeOf(member) !== universe) continue;
      const table = v.tables.get(member.tableRef);
      if (!table) continue;
      const slice = table.slices.get(`${member.dataYear}|${member.columnGroup}|${measure}`);
      const refs: RowRef[] = member.parentLabel
        ? [...table.rows.values()].map((x) => x.ref).filter((x) => x.parentLabel === member.parentLabel && !isTotalLabel(x.rowLabel))
        : topLevelItems(table, member.columnGroup).map((i) => i.ref);
      const siblings = refs.flatMap((ref) => {
        const pick = pickCell(slice, ref);
        return pick.kind === 'value' && pick.obs !== member && sameKindOfMember(v, pick.obs, member) ? [pick.obs] : [];
      });
      if (siblings.length) out.push({ table, member, siblings });
    }
  }
  return out;
}

/**
 * Whether a row is a member of the same kind as the ranked one: its codes differ only in shape-alike
 * codes (a province's "320000" is not ranked against "FOREIGN" or "HMT").
 */
function sameKindOfMember(v: SourceView, o: Observation, member: Observation): boolean {
  const a = new Map(dimensionsOfKey(v.index.keyOf(o) ?? ''));
  const b = dimensionsOfKey(v.index.keyOf(member) ?? '');
  return b.every(([k, code]) => !a.has(k) || /^\d+$/.test(a.get(k)!) === /^\d+$/.test(code));
}

/** The ranks the amounts allow: [1 + rows surely above, 1 + rows possibly above]. */
function rankRange(v: SourceView, s: Standing): { lo: number; hi: number; above: Observation[] } {
  const m = v.readers.round.read(s.member);
  const read = (o: Observation) => v.readers.round.read(o, s.member.unitMult);
  const surely = s.siblings.filter((o) => read(o).lo.gt(m.hi));
  const possibly = s.siblings.filter((o) => read(o).hi.gte(m.lo) && o !== s.member);
  return { lo: 1 + surely.length, hi: 1 + possibly.length, above: surely };
}

/** Checks one prose rank. */
function checkRank(v: SourceView, r: Observation): CheckResult | null {
  const measure = r.measure.replace(/_rank$/, '');
  const found = standings(v, r, measure);
  if (!found.length) return null;
  const atMost = r.dimensions['text.rank'] === 'at_most';
  const evaluations = found.map((s) => {
    const range = rankRange(v, s);
    const relation: Relation = atMost
      ? { expected: () => interval(range.lo, range.lo), printed: r, relation: 'notAbove' }
      : { expected: () => interval(range.lo, range.hi), printed: r, relation: 'equal' };
    return { s, range, relation, evaluation: evaluate(relation, v.readers) };
  });
  const chosen = evaluations.find((e) => e.evaluation.outcome === 'pass') ?? evaluations[0];
  const { s, range } = chosen;
  const inputs: RoleInput[] = [{ role: 'rank', obs: r }, { role: 'amount', obs: s.member }, ...range.above.map((obs) => ({ role: 'ranked above', obs }))];
  const tried = evaluations.length > 1 ? ` (tables tried: ${evaluations.map((e) => `${e.s.table.tableRef} ${e.s.member.columnGroup}`.trim()).join(', ')})` : '';
  return resultOf({
    kind: KIND,
    scope: { sourceId: v.sourceId, tableRef: r.tableRef },
    subject: `${figureName(r)} ${r.measure} ${r.dataYear}: ${atMost ? `within the top ${r.value}` : `rank ${r.value}`} by ${measure}`,
    relation: chosen.relation,
    evaluation: chosen.evaluation,
    inputs,
    arithmetic: `${s.table.tableRef} ${s.member.rowLabel} ${s.member.value}: ${range.above.length} of ${s.siblings.length + 1} rows above it${range.above.length ? ` (${range.above.slice(0, 5).map((o) => `${o.rowLabel} ${o.value}`).join(', ')}${range.above.length > 5 ? ', …' : ''})` : ''}, so rank ${range.lo === range.hi ? range.lo : `${range.lo}…${range.hi}`}${tried}`,
    printedText: `the text's ${atMost ? `top ${r.value}` : `rank ${r.value}`} (text:${r.line})`,
  });
}

/** Runs `rank_in_text` over one source's prose ranks. */
export function rankInText(v: SourceView): CheckResult[] {
  const out: CheckResult[] = [];
  for (const r of v.observations) {
    if (!isProse(r) || !r.measure.endsWith('_rank')) continue;
    const res = checkRank(v, r);
    if (res) out.push(res);
  }
  return out;
}
