/**
 * Closed intervals of exact decimals: the arithmetic every reconciliation check runs on
 * (DESIGN.md "Checks": a printed value v with d decimals stands for [v − ½·10^-d, v + ½·10^-d]).
 * Sums, differences and products of finite decimals are exact; a quotient is rounded outward
 * (lower bound down, upper bound up, at 50 significant digits), so every interval computed here
 * contains every value the inputs allow. No floats anywhere.
 */
import { Decimal } from 'decimal.js';

/** Decimal constructor used for the exact operations (precision far above any printed figure). */
export const Dec = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_EVEN });
/** Constructor whose division rounds toward −∞ (lower bounds of quotients). */
const DecFloor = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_FLOOR });
/** Constructor whose division rounds toward +∞ (upper bounds of quotients). */
const DecCeil = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_CEIL });

const POWERS = new Map<number, Decimal>();

/** 10^n for an integer n, exact (memoised: units of printed digits and unit multipliers recur). */
export function pow10(n: number): Decimal {
  let p = POWERS.get(n);
  if (!p) {
    p = new Dec(10).pow(n);
    POWERS.set(n, p);
  }
  return p;
}

/** The closed interval [lo, hi] (lo ≤ hi). */
export interface Interval {
  lo: Decimal;
  hi: Decimal;
}

/** The degenerate interval [v, v] of an exact value. */
export function point(v: Decimal.Value): Interval {
  const d = new Dec(v);
  return { lo: d, hi: d };
}

/** [lo, hi]; throws when lo > hi (a programming error, never data). */
export function interval(lo: Decimal.Value, hi: Decimal.Value): Interval {
  const l = new Dec(lo);
  const h = new Dec(hi);
  if (l.gt(h)) throw new Error(`interval: lower bound ${l} above upper bound ${h}`);
  return { lo: l, hi: h };
}

/** a + b. */
export function add(a: Interval, b: Interval): Interval {
  return { lo: a.lo.plus(b.lo), hi: a.hi.plus(b.hi) };
}

/** Σ of the intervals; the empty sum is [0, 0]. */
export function sum(parts: readonly Interval[]): Interval {
  return parts.reduce(add, point(0));
}

/** a − b. */
export function sub(a: Interval, b: Interval): Interval {
  return { lo: a.lo.minus(b.hi), hi: a.hi.minus(b.lo) };
}

/** a · b (any signs). */
export function mul(a: Interval, b: Interval): Interval {
  const p = [a.lo.times(b.lo), a.lo.times(b.hi), a.hi.times(b.lo), a.hi.times(b.hi)];
  return { lo: Dec.min(...p), hi: Dec.max(...p) };
}

/** a · k for an exact constant k (e.g. 100 for a percentage, 10^4 for 亿元 → 万元). */
export function scale(a: Interval, k: Decimal.Value): Interval {
  const d = new Dec(k);
  return d.isNeg() ? { lo: a.hi.times(d), hi: a.lo.times(d) } : { lo: a.lo.times(d), hi: a.hi.times(d) };
}

/**
 * a / b, rounded outward. Returns null when b contains 0 (the quotient is unbounded): a caller
 * reports such a check as skipped.
 */
export function div(a: Interval, b: Interval): Interval | null {
  if (b.lo.lte(0) && b.hi.gte(0)) return null;
  // The quotient is monotone in each argument on an interval without 0: its bounds are the
  // quotients of the ends the signs pick (two divisions instead of all four pairs).
  const [lo, hi] = b.lo.isPos()
    ? [[a.lo, a.lo.isNeg() ? b.lo : b.hi], [a.hi, a.hi.isNeg() ? b.hi : b.lo]]
    : [[a.hi, a.hi.isNeg() ? b.lo : b.hi], [a.lo, a.lo.isNeg() ? b.hi : b.lo]];
  return { lo: new Dec(new DecFloor(lo[0]).div(lo[1])), hi: new Dec(new DecCeil(hi[0]).div(hi[1])) };
}

/** Whether the two intervals share at least one value. */
export function intersects(a: Interval, b: Interval): boolean {
  return a.lo.lte(b.hi) && b.lo.lte(a.hi);
}

/** Distance between the two intervals: 0 when they intersect. */
export function gap(a: Interval, b: Interval): Decimal {
  return Dec.max(0, a.lo.minus(b.hi), b.lo.minus(a.hi));
}

/**
 * How far `a` lies above `b` at its lowest: max(0, a.lo − b.hi). 0 means some value of a is ≤
 * some value of b (the "a ≤ b is possible" test of subset and rank checks).
 */
export function excess(a: Interval, b: Interval): Decimal {
  return Dec.max(0, a.lo.minus(b.hi));
}

/**
 * Formats a bound for a message or a CheckResult field: `places` decimals, rounded away from the
 * interval's inside (`side` 'lo' rounds down, 'hi' rounds up) so the printed interval still
 * contains the exact one; trailing zeros dropped.
 */
export function formatBound(v: Decimal, places: number, side: 'lo' | 'hi'): string {
  return v.toDecimalPlaces(places, side === 'lo' ? Decimal.ROUND_FLOOR : Decimal.ROUND_CEIL).toString();
}
