/**
 * Which tables of one source count the same population. The codelist dimensions say what a row
 * is (技术服务, 北京 …) but not always of which contracts: 附表4 (重大技术合同, contracts of 10
 * million yuan and more) prints 技术服务 and 合计 under the same codes as 附表2 (all contracts).
 * Such tables give themselves away by their national totals: two tables whose national totals
 * (member key TOTAL, an additive measure, the same year) differ beyond rounding count different
 * populations, and their rows are never compared with each other. The main population is the one
 * most tables' totals agree with; a table without a national total (a figure, a ranked list)
 * belongs to it, and so does a prose figure, unless it (or a chart's bare labels) was bound to a
 * table of another population (dimension BOUND_TABLE, set by prose.ts and chart-labels.ts).
 * Serves every edition: no table is named.
 */
import type { Observation } from '../model.ts';
import { intersects } from './interval.ts';
import { isAdditive } from './measures.ts';
import { BOUND_TABLE, isProse, TOTAL_KEY, type MemberIndex } from './members.ts';
import { makeReader } from './reading.ts';

const round = makeReader('round');

/** Decides whether two observations' tables may be compared. */
export interface Populations {
  /** Whether a and b belong to tables counting the same population. */
  compatible(a: Observation, b: Observation): boolean;
  /** Tables outside the main population (their national totals disagree with it). */
  minority(): string[];
  /** Whether an observation's table counts the main population (the country's contracts). */
  isMain(o: Observation): boolean;
}

/** The table a figure stands for: the one it was bound to (BOUND_TABLE: prose, chart labels), else its own. */
export function tableOf(o: Observation): string | null {
  return o.dimensions[BOUND_TABLE] ?? (isProse(o) ? null : o.tableRef);
}

/** Builds the population gate of one source's observations. */
export function populations(observations: readonly Observation[], index: MemberIndex): Populations {
  const totals = new Map<string, Map<string, Observation>>();
  for (const o of observations) {
    if (isProse(o) || !isAdditive(o.measure) || index.keyOf(o) !== TOTAL_KEY) continue;
    const t = totals.get(o.tableRef) ?? new Map<string, Observation>();
    const slot = `${o.dataYear}|${o.measure}`;
    if (!t.has(slot)) t.set(slot, o);
    totals.set(o.tableRef, t);
  }
  const cache = new Map<string, boolean>();
  const agree = (a: string, b: string): boolean => {
    if (a === b) return true;
    const k = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (cache.has(k)) return cache.get(k)!;
    const ta = totals.get(a);
    const tb = totals.get(b);
    let ok = true;
    if (ta && tb) {
      for (const [slot, x] of ta) {
        const y = tb.get(slot);
        if (y && !intersects(round.read(x, 0), round.read(y, 0))) ok = false;
      }
    }
    cache.set(k, ok);
    return ok;
  };
  // The main population: the one whose national totals most tables agree with. A table that
  // prints no national total (a figure, a ranked list) and prose not bound to a table belong to it.
  const names = [...totals.keys()];
  const main = names.map((t) => ({ t, n: names.filter((u) => agree(t, u)).length })).sort((x, y) => y.n - x.n)[0]?.t;
  const population = (t: string | null) => (t === null || !totals.has(t) || main === undefined || agree(t, main) ? 'main' : t);
  return {
    minority: () => names.filter((t) => population(t) !== 'main'),
    isMain: (o) => population(isProse(o) ? null : tableOf(o)) === 'main',
    compatible(a, b) {
      const pa = population(tableOf(a));
      const pb = population(tableOf(b));
      return pa === pb || (pa !== 'main' && pb !== 'main' && agree(pa, pb));
    },
  };
}
