/**
 * What a regional grouping printed in one place stands for, and so which previous-year level its
 * growth rate is to be computed on when no table prints the grouping's own. A grouping of the
 * region codelist (region-groupings.ts: 境外地区 = 国外 + 港澳台, 东部地区 = ten provinces, …) is
 * sometimes printed with the figures of only one of its parts: the 2021 edition's 表4-1 and
 * 表4-11 print 境外地区 输出 2782 项 / 930.5 亿元, which are 国外's (附表5 l.2375: 2782 / 930.54),
 * while its 表4-10 prints 3097 / 963.8 = 国外 + 港澳台. The levels a printing carries beside the
 * growth (the same table row, or the same prose statement) say which:
 * - they equal one part's levels (an exact count among them): the printing is that part, and its
 *   growth is computed on that part's previous year (930.5 / 562.66 − 1 = 65.38 %, not 65.5);
 * - they equal the sum of all parts' levels: the growth is computed like for like on the sum of
 *   the parts' previous years (963.8 / (86.49 + 562.66) − 1 = 48.5 %, where 表4-10 prints 71.5);
 * - otherwise (parts missing, or no level beside the growth): no base, nothing is checked.
 * Serves every edition: no table is named; the groupings come from the codelist.
 */
import type { Observation } from '../model.ts';
import { GROUPINGS } from '../codelists/region-groupings.ts';
import { intersects, sum } from './interval.ts';
import { isExactCount } from './measures.ts';
import { dimensionsOfKey, isProse, keyOfDimensions } from './members.ts';
import { sumValue, tableValue, type SourceView, type Value } from './source.ts';

/** The part keys of a grouping key (its region replaced by each region the grouping includes), or null. */
function partKeys(key: string): string[] | null {
  const dims = dimensionsOfKey(key);
  const region = dims.find(([d]) => d === 'region')?.[1];
  const includes = GROUPINGS.find((g) => g.code === region)?.includes;
  if (!includes?.length) return null;
  return includes.map((code) => keyOfDimensions(dims.map(([d, v]) => [d, d === 'region' ? code : v] as [string, string])));
}

/** The levels printed beside a growth rate: its table row, or its prose statement (same member and year). */
function levelsBeside(v: SourceView, g: Observation, key: string): Observation[] {
  const statement = g.dimensions['text.statement'];
  const beside = (o: Observation) => (isProse(g) ? statement !== undefined && o.dimensions['text.statement'] === statement : o.tableRef === g.tableRef && o.line === g.line && o.columnGroup === g.columnGroup);
  return v.observations.filter((o) => o !== g && o.dataYear === g.dataYear && !/_pct$|_rank$/.test(o.measure) && v.index.keyOf(o) === key && beside(o));
}

/** Whether every level agrees within rounding with `value` of its measure (null: not printed), and one of them is an exact count. */
function carries(v: SourceView, levels: Observation[], value: (measure: string) => Value | null): boolean {
  const r = v.readers.round;
  return (
    levels.some(isExactCount) &&
    levels.every((l) => {
      const x = value(l.measure);
      return x !== null && intersects(x.read(r, l.unitMult), r.read(l, l.unitMult));
    })
  );
}

/**
 * The previous-year level of `measure` a grouping's growth rate `g` is to be computed on, from
 * the scope its printing carries (see the module comment); null when `key` is no grouping of the
 * codelist or the scope cannot be told.
 */
export function groupingBase(v: SourceView, g: Observation, key: string, measure: string): Value | null {
  const parts = partKeys(key);
  if (!parts) return null;
  const levels = levelsBeside(v, g, key);
  if (!levels.length) return null;
  const y = g.dataYear;
  const matching = parts.filter((p) => carries(v, levels, (m) => tableValue(v, p, y, m, g)));
  if (matching.length === 1) return tableValue(v, matching[0], y - 1, measure, g);
  if (matching.length) return null;
  const partsAt = (year: number, m: string): Value | null => {
    const values = parts.map((p) => tableValue(v, p, year, m, g));
    if (values.some((x) => x === null)) return null;
    const obs = values.flatMap((x) => x!.obs);
    return { ...sumValue(obs), read: (r, mult) => sum(values.map((x) => x!.read(r, mult))) };
  };
  return carries(v, levels, (m) => partsAt(y, m)) ? partsAt(y - 1, measure) : null;
}
