/**
 * Check kind `share_change_points` for the changes of a share the running text states in
 * percentage points ("所占比例较2004年下降了2个百分点", prose measure x_<m>_share_change_pp): the
 * member's share of the national total in year y minus that in y−1, both computed from the printed
 * amounts. The text may have subtracted the shares as rounded to its own precision (38 % → 37 % is
 * "下降1个百分点"), so the change passes when it agrees with either the exact difference (interval
 * arithmetic) or a difference of the two shares rounded to the change's decimals. Serves every
 * edition.
 */
import { Decimal } from 'decimal.js';
import type { CheckResult, Observation } from '../model.ts';
import { evaluate, type Relation } from './evaluate.ts';
import { Dec, div, pow10, scale, sub, type Interval } from './interval.ts';
import { isProse, TOTAL_KEY } from './members.ts';
import type { Reader } from './reading.ts';
import { resultOf } from './result.ts';
import { figureName, tableValue, type SourceView, type Value } from './source.ts';

const KIND = 'share_change_points';

/** The share of a part in a base, in percent. */
function share(r: Reader, part: Value, base: Value): Interval | null {
  const q = div(part.read(r, base.obs[0].unitMult), base.read(r, base.obs[0].unitMult));
  return q && scale(q, 100);
}

/** The values a share interval may round to at `places` decimals. */
function roundings(x: Interval, places: number): Decimal[] {
  const lo = x.lo.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  const hi = x.hi.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  const step = pow10(-places);
  const out: Decimal[] = [];
  for (let v = lo; v.lte(hi) && out.length < 20; v = v.plus(step)) out.push(v);
  return out;
}

/** Checks one change in points. */
function checkChange(v: SourceView, p: Observation): CheckResult | null {
  const key = v.index.keyOf(p);
  const measure = /^x_(.+)_share_change_pp$/.exec(p.measure)?.[1];
  if (key === null || !measure) return null;
  const y = p.dataYear;
  const [part1, part0, base1, base0] = [
    tableValue(v, key, y, measure, p),
    tableValue(v, key, y - 1, measure, p),
    tableValue(v, TOTAL_KEY, y, measure, 'main'),
    tableValue(v, TOTAL_KEY, y - 1, measure, 'main'),
  ];
  if (!part1 || !part0 || !base1 || !base0) return null;
  const relation: Relation = {
    expected: (r) => {
      const s1 = share(r, part1, base1);
      const s0 = share(r, part0, base0);
      return s1 && s0 && sub(s1, s0);
    },
    printed: p,
    relation: 'equal',
  };
  let evaluation = evaluate(relation, v.readers);
  let note: string | undefined;
  if (evaluation.outcome === 'fail') {
    const r = v.readers.round;
    const s1 = share(r, part1, base1);
    const s0 = share(r, part0, base0);
    const diffs = s1 && s0 ? roundings(s1, p.decimals).flatMap((a) => roundings(s0, p.decimals).map((b) => a.minus(b))) : [];
    if (diffs.some((d) => d.eq(p.value))) {
      evaluation = { ...evaluation, outcome: 'pass', truncation: false, gap: new Dec(0) };
      note = `the text subtracted the shares rounded to ${p.decimals} decimals (${s0 && roundings(s0, p.decimals).join('/')} → ${s1 && roundings(s1, p.decimals).join('/')})`;
    }
  }
  return resultOf({
    kind: KIND,
    scope: { sourceId: v.sourceId, tableRef: p.tableRef },
    subject: `${figureName(p)} ${p.measure} ${y}: change of the share = share ${y} − share ${y - 1}`,
    relation,
    evaluation,
    inputs: [...part1.inputs('part'), ...base1.inputs('total'), ...part0.inputs('previous part'), ...base0.inputs('previous total'), { role: 'change', obs: p }],
    arithmetic: `${part1.text} / ${base1.text} × 100 − ${part0.text} / ${base0.text} × 100`,
    printedText: `printed change ${p.value} points (text:${p.line})`,
    note,
    undefinedReason: 'a total may be 0',
  });
}

/** Runs `share_change_points` over one source's prose changes of shares. */
export function shareChangePoints(v: SourceView): CheckResult[] {
  const out: CheckResult[] = [];
  for (const p of v.observations) {
    if (!isProse(p) || !p.measure.endsWith('_share_change_pp')) continue;
    const r = checkChange(v, p);
    if (r) out.push(r);
  }
  return out;
}
