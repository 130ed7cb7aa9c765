/**
 * The check engine (DESIGN.md "Checks (reconciliation)"): pure functions from the observations
 * of one source to CheckResults. Every check is rounding-aware by interval arithmetic on exact
 * decimals (interval.ts, reading.ts); a failure that truncation would explain, or a share nudged
 * so its column totals 100, is a 'warning'; anything else beyond rounding is an 'error'; a check
 * whose inputs are incomplete is 'skipped' with the reason, never a pass.
 */
import type { CheckResult, Observation } from '../model.ts';
import { averageMatchesAmountCount } from './average-matches-amount-count.ts';
import { childrenSumToParent } from './children-sum-to-parent.ts';
import type { Readers } from './evaluate.ts';
import { growthMatchesYears } from './growth-matches-years.ts';
import { rankFollowsAmounts } from './rank-follows-amounts.ts';
import { makeReader } from './reading.ts';
import { CHECK_KINDS, type CheckKind } from './result.ts';
import { rowsSumToTotal } from './rows-sum-to-total.ts';
import { shareMatchesPartTotal } from './share-matches-part-total.ts';
import { sharesSumTo100 } from './shares-sum-to-100.ts';
import { groupTables, type Table } from './table.ts';

export { CHECK_KINDS, type CheckKind } from './result.ts';
export { CheckResultSchema } from './schema.ts';

/** Options of `runChecks`. */
export interface CheckOptions {
  /**
   * Extra tolerance, in units of the last printed digit, added on each side of every non-exact
   * value beyond the half unit of rounding (pipeline.config "tolerances"). Default 0: DESIGN.md's
   * strict rule. Exact counts are never widened.
   */
  tolerance?: number | string;
  /** The check kinds to run (default: all of CHECK_KINDS). */
  kinds?: readonly CheckKind[];
}

/** One check kind over one table. */
type TableCheck = (t: Table, readers: Readers) => CheckResult[];

/** The implementation of each kind. */
const CHECKS: Record<CheckKind, TableCheck> = {
  rows_sum_to_total: rowsSumToTotal,
  children_sum_to_parent: childrenSumToParent,
  share_matches_part_total: shareMatchesPartTotal,
  shares_sum_to_100: sharesSumTo100,
  growth_matches_years: growthMatchesYears,
  average_matches_amount_count: averageMatchesAmountCount,
  rank_follows_amounts: rankFollowsAmounts,
};

/**
 * Runs the reconciliation checks over the observations of one source (all its tables, figures
 * and prose blocks; each table_ref is checked on its own). Returns one CheckResult per check
 * made, table by table in order of first appearance, kind by kind in CHECK_KINDS order.
 * Throws only on a negative tolerance or an unknown kind.
 */
export function runChecks(observations: readonly Observation[], opts: CheckOptions = {}): CheckResult[] {
  const kinds = opts.kinds ?? CHECK_KINDS;
  for (const k of kinds) if (!(k in CHECKS)) throw new Error(`unknown check kind "${k}"`);
  const readers: Readers = {
    round: makeReader('round', opts.tolerance ?? 0),
    truncate: makeReader('truncate', opts.tolerance ?? 0),
  };
  const tables = groupTables(observations);
  return tables.flatMap((t) => kinds.flatMap((k) => CHECKS[k](t, readers)));
}
