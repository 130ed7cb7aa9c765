/**
 * Check kind `growth_matches_years` (DESIGN.md "Checks": growth agrees with the two years). For a
 * growth column <m>_growth_pct of year y in a table:
 * - when the table also prints <m> for y and y−1 in the same row and column group:
 *   growth ≈ (v_y / v_{y−1} − 1) × 100;
 * - when it prints only year y, a total's growth (grand total, or a section total / parent of a
 *   partition) must agree with the previous-year base its rows imply:
 *   growth ≈ (T / Σ a_i/(1 + g_i/100) − 1) × 100.
 * Rounded growth rates from rounded amounts are compared by interval arithmetic; a rate that only
 * truncation explains is a 'warning'. Serves every edition.
 */
import type { CheckResult, Observation } from '../model.ts';
import { addendBlocks } from './blocks.ts';
import { evaluate, type Readers, type Relation } from './evaluate.ts';
import { add, div, point, scale, sub, sum, type Interval } from './interval.ts';
import { baseCandidates } from './measures.ts';
import type { Reader } from './reading.ts';
import { resultOf, skippedResult, sliceName, type ResultScope, type RoleInput } from './result.ts';
import type { Addend } from './sum.ts';
import {
  families,
  grandTotals,
  isMember,
  pickCell,
  rowName,
  sibling,
  topLevelItems,
  type Family,
  type RowRef,
  type Slice,
  type Table,
} from './table.ts';

const KIND = 'growth_matches_years';

/** (x − 1) × 100: a ratio as a growth in percent. */
function asGrowth(ratio: Interval | null): Interval | null {
  return ratio && scale(sub(ratio, point(1)), 100);
}

/** The previous-year value a current value and its growth imply: a / (1 + g/100); null when 1 + g/100 may be 0. */
function impliedPrevious(r: Reader, current: Observation, growth: Observation, mult: number): Interval | null {
  return div(r.read(current, mult), add(point(1), scale(r.read(growth), '0.01')));
}

/** The slice of the level measure a growth column refers to, for year `dataYear`. */
function levelSlice(t: Table, s: Slice, dataYear: number): Slice | undefined {
  for (const m of baseCandidates(s.measure, '_growth_pct')) {
    const found = sibling(t, s, m, dataYear);
    if (found) return found;
  }
  return undefined;
}

/** Growth of each row against the same row's previous-year value. */
function checkYearOverYear(t: Table, s: Slice, cur: Slice, prev: Slice, readers: Readers): CheckResult[] {
  const scope = { sourceId: t.sourceId, tableRef: t.tableRef };
  const out: CheckResult[] = [];
  for (const { ref } of t.rows.values()) {
    const g = pickCell(s, ref);
    if (g.kind !== 'value') continue;
    const subject = `${sliceName(t.tableRef, s)}: ${rowName(ref)} growth = ${cur.dataYear}/${prev.dataYear} − 1`;
    const a = pickCell(cur, ref);
    const b = pickCell(prev, ref);
    if (a.kind !== 'value' || b.kind !== 'value') {
      const absent = a.kind !== 'value' ? cur.dataYear : prev.dataYear;
      out.push(skippedResult(KIND, scope, subject, `${rowName(ref)} prints no single ${cur.measure} value for ${absent}`, [{ role: 'growth', obs: g.obs }]));
      continue;
    }
    const relation: Relation = {
      expected: (r) => asGrowth(div(r.read(a.obs, b.obs.unitMult), r.read(b.obs))),
      printed: g.obs,
      relation: 'equal',
    };
    out.push(
      resultOf({
        kind: KIND,
        scope,
        subject,
        relation,
        evaluation: evaluate(relation, readers),
        inputs: [
          { role: 'current', obs: a.obs },
          { role: 'previous', obs: b.obs },
          { role: 'growth', obs: g.obs },
        ],
        arithmetic: `(${cur.dataYear} ${a.obs.value} / ${prev.dataYear} ${b.obs.value} − 1) × 100`,
        printedText: `printed growth ${g.obs.value}`,
        undefinedReason: `the ${prev.dataYear} value may be 0`,
      }),
    );
  }
  return out;
}

/**
 * A total's growth against the previous-year base implied by its parts' amounts and growths.
 * `parts` is a reason string when the parts cannot be listed completely (skipped, with that
 * reason, if the total prints a growth); null when the total prints no growth.
 */
function checkImpliedBase(
  scope: ResultScope,
  subject: string,
  parts: Addend[] | string,
  s: Slice,
  total: { ref: RowRef; amount: Observation },
  readers: Readers,
): CheckResult | null {
  const g = pickCell(s, total.ref);
  if (g.kind !== 'value') return null;
  if (typeof parts === 'string') return skippedResult(KIND, scope, subject, parts, [{ role: 'growth', obs: g.obs }]);
  const pairs: { amount: Observation; growth: Observation }[] = [];
  const inputs: RoleInput[] = [];
  for (const p of parts) {
    const pg = pickCell(s, { parentLabel: p.obs.parentLabel, rowLabel: p.obs.rowLabel });
    if (pg.kind !== 'value') return skippedResult(KIND, scope, subject, `${p.name} prints no growth rate`, [{ role: 'growth', obs: g.obs }]);
    pairs.push({ amount: p.obs, growth: pg.obs });
    inputs.push({ role: 'part', obs: p.obs }, { role: 'part growth', obs: pg.obs });
  }
  inputs.push({ role: 'total', obs: total.amount }, { role: 'growth', obs: g.obs });
  const mult = total.amount.unitMult;
  const relation: Relation = {
    expected: (r) => {
      const prev = pairs.map((p) => impliedPrevious(r, p.amount, p.growth, mult));
      if (prev.some((x) => x === null)) return null;
      return asGrowth(div(r.read(total.amount), sum(prev as Interval[])));
    },
    printed: g.obs,
    relation: 'equal',
  };
  const shown = parts.length <= 4 ? parts.map((p) => p.name).join(', ') : `${parts.length} rows`;
  return resultOf({
    kind: KIND,
    scope,
    subject,
    relation,
    evaluation: evaluate(relation, readers),
    inputs,
    arithmetic: `(${rowName(total.ref)} ${total.amount.value} / Σ amount/(1 + growth) over ${shown} − 1) × 100`,
    printedText: `printed growth ${g.obs.value}`,
    undefinedReason: 'a growth rate of −100 % (or within rounding of it) leaves a previous-year value undetermined',
  });
}

/** The addends of a grand total as a plain partition, or why they are not one. */
function grandAddends(t: Table, cur: Slice): Addend[] | string {
  const blocks = addendBlocks(t, cur, topLevelItems(t, cur.columnGroup));
  if (typeof blocks === 'string') return blocks;
  if (blocks.length > 1) return 'the rows are split by 小计 subtotals';
  if (blocks[0].missing.length > 0) return `${blocks[0].missing.join('、')} print no ${cur.measure}`;
  return blocks[0].parts;
}

/** The rows of a section as addends, or why they cannot all be read. */
function familyAddends(t: Table, cur: Slice, f: Family): Addend[] | string {
  const parts: Addend[] = [];
  const missing: string[] = [];
  for (const c of f.children) {
    if (!isMember(t, c, cur.columnGroup)) continue;
    const pick = pickCell(cur, c);
    if (pick.kind === 'value') parts.push({ name: rowName(c), obs: pick.obs });
    else missing.push(rowName(c));
  }
  return missing.length > 0 ? `${missing.join('、')} print no ${cur.measure}` : parts;
}

/** Totals of a single-year table: grand total (from its top-level rows) and partition sections (from their rows). */
function checkTotals(t: Table, s: Slice, cur: Slice, readers: Readers): CheckResult[] {
  const scope = { sourceId: t.sourceId, tableRef: t.tableRef };
  const targets: { ref: RowRef; parts: () => Addend[] | string }[] = [];
  const totals = grandTotals(t, s.columnGroup);
  if (totals.length === 1) targets.push({ ref: totals[0], parts: () => grandAddends(t, cur) });
  for (const f of families(t)) if (f.mode === 'partition') targets.push({ ref: f.target, parts: () => familyAddends(t, cur, f) });
  const out: CheckResult[] = [];
  for (const target of targets) {
    const amount = pickCell(cur, target.ref);
    if (amount.kind !== 'value') continue;
    const subject = `${sliceName(t.tableRef, s)}: ${rowName(target.ref)} growth = growth implied by its rows`;
    const r = checkImpliedBase(scope, subject, target.parts(), s, { ref: target.ref, amount: amount.obs }, readers);
    if (r) out.push(r);
  }
  return out;
}

/** Runs `growth_matches_years` on one table. */
export function growthMatchesYears(t: Table, readers: Readers): CheckResult[] {
  const out: CheckResult[] = [];
  for (const s of t.slices.values()) {
    if (!s.measure.endsWith('_growth_pct')) continue;
    const cur = levelSlice(t, s, s.dataYear);
    if (!cur) continue;
    const prev = levelSlice(t, s, s.dataYear - 1);
    out.push(...(prev ? checkYearOverYear(t, s, cur, prev, readers) : checkTotals(t, s, cur, readers)));
  }
  return out;
}
