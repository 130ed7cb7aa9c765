/**
 * The decision every check shares (DESIGN.md "Checks"): compute, by interval arithmetic, the
 * interval the inputs allow for a printed number, and compare. Consistent under rounding → pass;
 * consistent only when the printed figures are read as truncated → fail, flagged as truncation;
 * otherwise → fail beyond rounding. Check modules describe their arithmetic as a Relation.
 */
import type { Decimal } from 'decimal.js';
import type { Observation } from '../model.ts';
import { excess, gap, intersects, point, type Interval } from './interval.ts';
import type { Reader } from './reading.ts';

/** The two readings every check is evaluated under. */
export interface Readers {
  round: Reader;
  truncate: Reader;
}

/** A number a relation is checked against that is exact by definition (shares total exactly 100). */
export interface ExactTarget {
  exact: string;
}

/** What a relation compares with: a printed observation or an exact number. */
export type Target = Observation | ExactTarget;

/** The printed value of a target as a string. */
export function targetValue(t: Target): string {
  return 'exact' in t ? t.exact : t.value;
}

/** The interval a target stands for under a reading. */
function readTarget(t: Target, reader: Reader): Interval {
  return 'exact' in t ? point(t.exact) : reader.read(t);
}

/**
 * One arithmetic relation between inputs and a printed number.
 * - 'equal': the printed value must be one the inputs allow (the intervals intersect);
 * - 'notAbove': the inputs' value must be able to be ≤ the printed one (a subset of a parent,
 *   an amount ranked below another).
 */
export interface Relation {
  /**
   * The interval the inputs allow, in the printed observation's own units, under a reading;
   * null when it is undefined (a divisor that may be 0).
   */
  expected: (reader: Reader) => Interval | null;
  /** The printed number checked (or an exact one). */
  printed: Target;
  relation: 'equal' | 'notAbove';
}

/** The outcome of a Relation. Intervals and gap are those of the 'round' reading. */
export type Evaluation =
  | { outcome: 'undefined' }
  | {
      outcome: 'pass' | 'fail';
      /** Fails when rounded, holds when the printed figures are read as truncated. */
      truncation: boolean;
      expected: Interval;
      printed: Interval;
      /** Distance beyond rounding between the two intervals (0 on pass). */
      gap: Decimal;
    };

/** Whether the relation holds between an expected and a printed interval, and by how much it misses. */
function compare(rel: Relation['relation'], expected: Interval, printed: Interval): { ok: boolean; gap: Decimal } {
  if (rel === 'equal') return { ok: intersects(expected, printed), gap: gap(expected, printed) };
  const e = excess(expected, printed);
  return { ok: e.isZero(), gap: e };
}

/** Evaluates a relation under rounding, and under truncation when rounding fails. */
export function evaluate(rel: Relation, readers: Readers): Evaluation {
  const expected = rel.expected(readers.round);
  if (!expected) return { outcome: 'undefined' };
  const printed = readTarget(rel.printed, readers.round);
  const rounded = compare(rel.relation, expected, printed);
  if (rounded.ok) return { outcome: 'pass', truncation: false, expected, printed, gap: rounded.gap };
  const tExpected = rel.expected(readers.truncate);
  const truncation = tExpected !== null && compare(rel.relation, tExpected, readTarget(rel.printed, readers.truncate)).ok;
  return { outcome: 'fail', truncation, expected, printed, gap: rounded.gap };
}
