/**
 * Which of our check kinds compute each kind of known discrepancy: the documented mapping from
 * the golden lists' `check_kind` (fixtures/golden/<seed>/discrepancies.csv) to the kinds of
 * src/checks. An item is found only by a failure of a kind of its family (strict-score.ts):
 *
 * | golden check_kind    | what is inconsistent                                        | our check kinds |
 * | ---                  | ---                                                         | --- |
 * | `cross_table`        | one figure printed differently by two tables: compared directly, or one printing recomputed from amounts (a growth or an average against the amounts of its own row or of another table) | same_figure, growth_across_tables, average_across_tables, growth_matches_years, average_matches_amount_count |
 * | `prose_vs_table`     | a figure of the running text against the tables: the same figure, a growth, share, rank, change of share or side the text states | same_figure, growth_across_tables, average_across_tables, share_of_base, rank_in_text, share_change_points, side_in_text |
 * | `growth`             | a growth rate against the two years' amounts (in its table, across tables, or implied by its rows) | growth_matches_years, growth_across_tables |
 * | `share`              | a share against part / base, or shares against 100          | share_matches_part_total, shares_sum_to_100, share_of_base, share_change_points |
 * | `sum_to_total`       | parts against their stated total                            | rows_sum_to_total, children_sum_to_parent |
 * | `children_to_parent` | sub-rows against their parent row                           | children_sum_to_parent, rows_sum_to_total |
 * | `average`            | an average against amount / count                           | average_matches_amount_count, average_across_tables |
 * | `rank`               | ranks against the amounts                                   | rank_follows_amounts, rank_in_text |
 * | `other`              | not numeric (a wrong reference, a label, a chart's title)   | none: not scored |
 *
 * Example: D12 of the 2021 edition (prose l.108 企业 吸纳 growth 30.8% vs 附表14 30.70%,
 * `prose_vs_table`) is found by a `same_figure` failure, never by a `growth_matches_years` one.
 */
import { CHECK_KINDS, EDITION_CHECK_KINDS } from '../../src/checks/index.ts';

/** Our check kinds that compute each golden check_kind (see the module comment). */
export const FAMILIES: Readonly<Record<string, readonly string[]>> = {
  cross_table: ['same_figure', 'growth_across_tables', 'average_across_tables', 'growth_matches_years', 'average_matches_amount_count'],
  prose_vs_table: ['same_figure', 'growth_across_tables', 'average_across_tables', 'share_of_base', 'rank_in_text', 'share_change_points', 'side_in_text'],
  growth: ['growth_matches_years', 'growth_across_tables'],
  share: ['share_matches_part_total', 'shares_sum_to_100', 'share_of_base', 'share_change_points'],
  sum_to_total: ['rows_sum_to_total', 'children_sum_to_parent'],
  children_to_parent: ['children_sum_to_parent', 'rows_sum_to_total'],
  average: ['average_matches_amount_count', 'average_across_tables'],
  rank: ['rank_follows_amounts', 'rank_in_text'],
  other: [],
};

/**
 * Whether a failure of our check kind `checkKind` computes a discrepancy of golden kind
 * `goldenKind`: false for an unknown golden kind, and for a kind that is none of ours.
 */
export function inFamily(goldenKind: string, checkKind: string): boolean {
  return (FAMILIES[goldenKind] ?? []).includes(checkKind);
}

/** Every check kind the mapping names is one of ours (a guard the tests run): the unknown ones. */
export function unknownKinds(): string[] {
  const ours = new Set<string>([...CHECK_KINDS, ...EDITION_CHECK_KINDS]);
  return [...new Set(Object.values(FAMILIES).flat())].filter((k) => !ours.has(k));
}
