/**
 * Check kind `growth_across_tables` (DESIGN.md "Checks": growth agrees with the two years, across
 * tables of one edition). A growth rate <m>_growth_pct of a member for year y whose own table does
 * not print both years (so growth_matches_years cannot check it) is compared with the member's
 * level <m> for y and y−1 wherever the edition prints them: another table, an appendix table
 * (附表10's growth against 附表2's previous year), the sum of the member's parts (a grouping, or
 * prose naming several members), or — for a prose growth rate — the level printed in the same
 * statement when no table holds it: growth ≈ (v_y / v_{y−1} − 1) × 100 by interval arithmetic.
 * A regional grouping whose previous year no table prints is computed on the base its printing's
 * scope calls for (grouping-scope.ts: one part's, when it prints that part's levels; else the sum
 * of its parts'); failing that, on the level the text derives (derived-levels.ts: a level and its
 * change on the previous year, printed together).
 * Levels are taken from tables of the same population (populations.ts). Serves every edition.
 */
import type { CheckResult, Observation } from '../model.ts';
import { evaluate, type Relation } from './evaluate.ts';
import { div, point, scale, sub } from './interval.ts';
import { baseCandidates } from './measures.ts';
import { isProse } from './members.ts';
import { resultOf } from './result.ts';
import { derivedPrevious } from './derived-levels.ts';
import { groupingBase } from './grouping-scope.ts';
import { figureName, printedValue, statementLevel, tableValue, type SourceView, type Value } from './source.ts';

const KIND = 'growth_across_tables';

/** Whether the growth's own table prints the member's level for both years (checked in-table). */
function checkedInTable(v: SourceView, g: Observation, key: string, measure: string): boolean {
  if (isProse(g)) return false;
  const has = (y: number) => v.index.printings(key, y, measure).some((o) => o.tableRef === g.tableRef);
  return has(g.dataYear) && has(g.dataYear - 1);
}

/** The level for the growth's own year: its own table's, a table's, the parts', or the statement's. */
function currentValue(v: SourceView, g: Observation, key: string, measure: string): Value | null {
  const own = v.index.printings(key, g.dataYear, measure).find((o) => o.tableRef === g.tableRef && !isProse(o));
  if (own) return printedValue(own);
  const table = tableValue(v, key, g.dataYear, measure, g);
  if (table) return table;
  const stated = statementLevel(v, g, measure);
  return stated ? printedValue(stated) : null;
}

/** Checks one growth rate; null when the edition does not print what it needs. */
function checkGrowth(v: SourceView, g: Observation): CheckResult | null {
  const key = v.index.keyOf(g);
  if (key === null) return null;
  for (const measure of baseCandidates(g.measure, '_growth_pct')) {
    if (checkedInTable(v, g, key, measure)) return null;
    const cur = currentValue(v, g, key, measure);
    const prev = tableValue(v, key, g.dataYear - 1, measure, cur?.obs[0] ?? g) ?? groupingBase(v, g, key, measure) ?? derivedPrevious(v, key, g.dataYear, measure, cur?.obs[0] ?? g);
    if (!cur || !prev) continue;
    const relation: Relation = {
      expected: (r) => {
        const q = div(cur.read(r, prev.obs[0].unitMult), prev.read(r, prev.obs[0].unitMult));
        return q && scale(sub(q, point(1)), 100);
      },
      printed: g,
      relation: 'equal',
    };
    return resultOf({
      kind: KIND,
      scope: { sourceId: v.sourceId, tableRef: g.tableRef },
      subject: `${figureName(g)} ${g.measure} ${g.dataYear}: growth = ${g.dataYear}/${g.dataYear - 1} − 1 across tables`,
      relation,
      evaluation: evaluate(relation, v.readers),
      inputs: [...cur.inputs('current'), ...prev.inputs('previous'), { role: 'growth', obs: g }],
      arithmetic: `(${g.dataYear} ${cur.text} / ${g.dataYear - 1} ${prev.text} − 1) × 100`,
      printedText: `printed growth ${g.value} (${g.tableRef}:${g.line})`,
      undefinedReason: `the ${g.dataYear - 1} value may be 0`,
    });
  }
  return null;
}

/** Runs `growth_across_tables` over one source. */
export function growthAcrossTables(v: SourceView): CheckResult[] {
  const out: CheckResult[] = [];
  for (const g of v.observations) {
    if (!g.measure.endsWith('_growth_pct')) continue;
    const r = checkGrowth(v, g);
    if (r) out.push(r);
  }
  return out;
}
