/**
 * How a printed number becomes the interval of values it may stand for (DESIGN.md "Checks").
 * Two readings: 'round' (the report's rule: v with d decimals stands for [v − ½·10^-d,
 * v + ½·10^-d]) and 'truncate' (the digits after the d-th were cut off, toward zero:
 * [v, v + 10^-d] for v > 0). A check that fails when rounded but holds when truncated is
 * reported as a truncation (severity 'warning'). Exact counts are points in both readings.
 */
import type { Decimal } from 'decimal.js';
import type { Observation } from '../model.ts';
import { Dec, pow10, type Interval } from './interval.ts';
import { isExactCount } from './measures.ts';

/** How the digits beyond the printed ones were dropped. */
export type ReadingMode = 'round' | 'truncate';

/** Turns printed observations into intervals under one reading. */
export interface Reader {
  mode: ReadingMode;
  /**
   * The interval `o` stands for, expressed in units of 10^`toMult` of its base unit (default: its
   * own UNIT_MULT). E.g. a turnover "13424.22" in 亿元 (unitMult 8) read with toMult 4 is in 万元.
   */
  read(o: Observation, toMult?: number): Interval;
}

/**
 * A reader. `slackUnits` (≥ 0, default 0) widens every non-exact value by that many units of its
 * last printed digit on each side, beyond the reading's own interval: the configurable tolerance
 * (pipeline.config "tolerances"); 0 is DESIGN.md's strict rule.
 */
export function makeReader(mode: ReadingMode, slackUnits: Decimal.Value = 0): Reader {
  const slack = new Dec(slackUnits);
  if (slack.isNeg()) throw new Error(`tolerance must not be negative (got ${slack})`);
  // Observations are not changed once transformed, and checks read the same ones many times over:
  // each reading is computed once per observation and target multiplier (released with them).
  const cache = new WeakMap<Observation, Map<number, Interval>>();
  const compute = (o: Observation, toMult: number): Interval => {
    const v = new Dec(o.value);
    const k = pow10(o.unitMult - toMult);
    if (isExactCount(o)) return { lo: v.times(k), hi: v.times(k) };
    const unit = pow10(-o.decimals);
    const pad = unit.times(slack);
    let lo: Decimal;
    let hi: Decimal;
    if (mode === 'round') {
      lo = v.minus(unit.div(2));
      hi = v.plus(unit.div(2));
    } else if (v.isZero()) {
      lo = unit.neg();
      hi = unit;
    } else if (v.isPos()) {
      lo = v;
      hi = v.plus(unit);
    } else {
      lo = v.minus(unit);
      hi = v;
    }
    return { lo: lo.minus(pad).times(k), hi: hi.plus(pad).times(k) };
  };
  return {
    mode,
    read(o, toMult = o.unitMult) {
      let byMult = cache.get(o);
      if (!byMult) {
        byMult = new Map();
        cache.set(o, byMult);
      }
      let i = byMult.get(toMult);
      if (!i) {
        i = compute(o, toMult);
        byMult.set(toMult, i);
      }
      return i;
    },
  };
}
