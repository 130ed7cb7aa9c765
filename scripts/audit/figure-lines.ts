/**
 * Where else a check's input is printed: the lines of every printing of the same figure (member,
 * year and measure, agreeing within rounding) in one seed, so that a discrepancy found through
 * another table that prints the figure is still about the known item listing the first table's
 * line. Example: the 2018 edition's prose l.158 import turnover 508.19 is checked against
 * 表3-2's 港澳台 60.45 (l.685) and 国外 447.57 (l.687); its known item A6a lists 附表5's printings of
 * the same two figures (l.3245, l.3247), which these inputs stand for as well.
 * Ranks and shares are relative to their table and stand only for themselves.
 * Evaluation code (scripts/), not part of the product.
 */
import { intersects } from '../../src/checks/interval.ts';
import { indexMembers } from '../../src/checks/members.ts';
import { makeReader } from '../../src/checks/reading.ts';
import type { CheckInput, Observation } from '../../src/model.ts';

/** For one input: the line it is printed on first, then the other lines printing the same figure. */
export type FigureLines = (input: CheckInput) => number[];

/** The figure lines of a seed's observations (see the module comment). */
export function figureLinesOf(observations: readonly Observation[]): FigureLines {
  const index = indexMembers(observations);
  const reader = makeReader('round');
  const at = new Map<string, Observation>();
  const slot = (line: number, tableRef: string, measure: string, year: number, value: string) => `${line}|${tableRef}|${measure}|${year}|${value}`;
  for (const o of observations) at.set(slot(o.line, o.tableRef, o.measure, o.dataYear, o.value), o);
  return (input) => {
    const o = at.get(slot(input.line, input.tableRef, input.measure, input.dataYear, input.value));
    const key = o ? index.keyOf(o) : null;
    if (!o || key === null || /_rank$|_share_pct$/.test(o.measure)) return [input.line];
    const same = index.printings(key, o.dataYear, o.measure).filter((p) => intersects(reader.read(p, o.unitMult), reader.read(o, o.unitMult)));
    return [input.line, ...new Set(same.map((p) => p.line).filter((l) => l !== input.line))];
  };
}
