/**
 * The check engine (DESIGN.md "Checks (reconciliation)"): pure functions from the observations
 * of one source to CheckResults. Every check is rounding-aware by interval arithmetic on exact
 * decimals (interval.ts, reading.ts); a failure that truncation would explain, or a share nudged
 * so its column totals 100, is a 'warning'; anything else beyond rounding is an 'error' (a
 * 'review' when an input comes from a table read with low confidence); a check
 * whose inputs are incomplete is 'skipped' with the reason, never a pass.
 */
import type { CheckResult, Observation } from '../model.ts';
import { averageMatchesAmountCount } from './average-matches-amount-count.ts';
import { childrenSumToParent } from './children-sum-to-parent.ts';
import type { Readers } from './evaluate.ts';
import { growthMatchesYears } from './growth-matches-years.ts';
import { rankFollowsAmounts } from './rank-follows-amounts.ts';
import { makeReader } from './reading.ts';
import { averageAcrossTables } from './average-across-tables.ts';
import { growthAcrossTables } from './growth-across-tables.ts';
import { rankInText } from './rank-in-text.ts';
import { CHECK_KINDS, type CheckKind } from './result.ts';
import { sameFigure } from './same-figure.ts';
import { shareChangePoints } from './share-change-points.ts';
import { shareOfBase } from './share-of-base.ts';
import { sideInText } from './side-in-text.ts';
import { sourceView, type SourceView } from './source.ts';
import { isProse } from './members.ts';
import { rowsSumToTotal } from './rows-sum-to-total.ts';
import { shareMatchesPartTotal } from './share-matches-part-total.ts';
import { sharesSumTo100 } from './shares-sum-to-100.ts';
import { groupTables, type Table } from './table.ts';

export { CHECK_KINDS, EDITION_CHECK_KINDS, SOURCE_CHECK_KINDS, TABLE_CHECK_KINDS, type CheckKind } from './result.ts';
export { CheckResultSchema } from './schema.ts';
export { crossEdition, type EditionResult, type EditionSource } from './cross-edition.ts';

/** The two readings (rounded, truncated) every check is evaluated under, with a tolerance. */
export function readersFor(tolerance: number | string = 0): Readers {
  return { round: makeReader('round', tolerance), truncate: makeReader('truncate', tolerance) };
}

/** Options of `runChecks`. */
export interface CheckOptions {
  /**
   * Extra tolerance, in units of the last printed digit, added on each side of every non-exact
   * value beyond the half unit of rounding (pipeline.config "tolerances"). Default 0: DESIGN.md's
   * strict rule. Exact counts are never widened.
   */
  tolerance?: number | string;
  /** The check kinds to run (default: all of CHECK_KINDS; an edition kind is refused). */
  kinds?: readonly CheckKind[];
  /**
   * References of the tables read with low confidence (transform's `lowConfidenceTables`): a
   * failure beyond rounding with an input from one of them is reported as 'review', not
   * 'error', so a misread table cannot flood the audit with false errors. Default: none.
   */
  lowConfidence?: ReadonlySet<string>;
}

/** One check kind over one table. */
type TableCheck = (t: Table, readers: Readers) => CheckResult[];
/** One check kind over all tables and prose of one source. */
type SourceCheck = (v: SourceView) => CheckResult[];

/** The implementation of each kind run over one source. */
const CHECKS: Record<(typeof CHECK_KINDS)[number], { table: TableCheck } | { source: SourceCheck }> = {
  rows_sum_to_total: { table: rowsSumToTotal },
  children_sum_to_parent: { table: childrenSumToParent },
  share_matches_part_total: { table: shareMatchesPartTotal },
  shares_sum_to_100: { table: sharesSumTo100 },
  growth_matches_years: { table: growthMatchesYears },
  average_matches_amount_count: { table: averageMatchesAmountCount },
  rank_follows_amounts: { table: rankFollowsAmounts },
  same_figure: { source: sameFigure },
  growth_across_tables: { source: growthAcrossTables },
  average_across_tables: { source: averageAcrossTables },
  share_of_base: { source: shareOfBase },
  rank_in_text: { source: rankInText },
  share_change_points: { source: shareChangePoints },
  side_in_text: { source: sideInText },
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
  const readers = readersFor(opts.tolerance);
  const grouped = groupTables(observations);
  const tables = grouped.filter((t) => !isProse(t));
  const perTable = tables.flatMap((t) => kinds.flatMap((k) => { const c = CHECKS[k as keyof typeof CHECKS]; return 'table' in c ? c.table(t, readers) : []; }));
  const sourceKinds = kinds.filter((k) => 'source' in CHECKS[k as keyof typeof CHECKS]);
  if (!sourceKinds.length) return perTable;
  const view = sourceView(observations, readers, grouped);
  const all = [...perTable, ...sourceKinds.flatMap((k) => { const c = CHECKS[k as keyof typeof CHECKS]; return 'source' in c ? c.source(view) : []; })];
  return opts.lowConfidence?.size ? all.map((r) => underReview(r, opts.lowConfidence!)) : all;
}

/** An error whose inputs come from a table read with low confidence becomes 'review'. */
function underReview(r: CheckResult, low: ReadonlySet<string>): CheckResult {
  if (r.severity !== 'error' || !r.inputs.some((i) => low.has(i.tableRef))) return r;
  const tables = [...new Set(r.inputs.map((i) => i.tableRef).filter((t) => low.has(t)))].join(', ');
  return { ...r, severity: 'review', message: `${r.message} [to review: ${tables} read with low confidence]` };
}
