/**
 * Turning an Evaluation into a CheckResult (model.ts): status, severity, the interval, the gap,
 * every input with its provenance, and a message that spells the arithmetic out, e.g.
 * "亚洲 1148 + 欧洲 584 + … = 2181 ≠ 合计 2169 (gap 12)".
 */
import type { Decimal } from 'decimal.js';
import type { CheckInput, CheckResult, Observation } from '../model.ts';
import { targetValue, type Evaluation, type Relation } from './evaluate.ts';
import { formatBound } from './interval.ts';
import type { Slice } from './table.ts';

/** Check kinds run on each table on its own. */
export const TABLE_CHECK_KINDS = [
  'rows_sum_to_total',
  'children_sum_to_parent',
  'share_matches_part_total',
  'shares_sum_to_100',
  'growth_matches_years',
  'average_matches_amount_count',
  'rank_follows_amounts',
] as const;

/** Check kinds run across the tables and prose of one source (one edition). */
export const SOURCE_CHECK_KINDS = [
  'same_figure',
  'growth_across_tables',
  'average_across_tables',
  'share_of_base',
  'rank_in_text',
  'share_change_points',
  'side_in_text',
] as const;

/** Check kinds run across editions (over the warehouse, at `etl check` time). */
export const EDITION_CHECK_KINDS = ['cross_edition'] as const;

/** The check kinds of DESIGN.md "Checks" that `runChecks` runs over one source. */
export const CHECK_KINDS = [...TABLE_CHECK_KINDS, ...SOURCE_CHECK_KINDS] as const;

/** One check kind of any scope. */
export type CheckKind = (typeof CHECK_KINDS)[number] | (typeof EDITION_CHECK_KINDS)[number];

/** An observation that took part in a check, with its role ("part", "total", "child", …). */
export interface RoleInput {
  role: string;
  obs: Observation;
}

/** A CheckInput (provenance of one number) from an observation. */
export function toCheckInput({ role, obs }: RoleInput): CheckInput {
  return {
    role,
    tableRef: obs.tableRef,
    rowLabel: obs.parentLabel ? `${obs.parentLabel}/${obs.rowLabel}` : obs.rowLabel,
    measure: obs.measure,
    dataYear: obs.dataYear,
    value: obs.value,
    line: obs.line,
    page: obs.page,
  };
}

/** "表4-8 2017 输出技术 turnover": how a column slice is named in subjects. */
export function sliceName(tableRef: string, s: Pick<Slice, 'dataYear' | 'columnGroup' | 'measure'>): string {
  return [tableRef, String(s.dataYear), s.columnGroup, s.measure].filter(Boolean).join(' ');
}

/** Where a result belongs: source and table. */
export interface ResultScope {
  sourceId: string;
  tableRef: string;
}

/** A check that could not be run, with the reason (never reported as a pass). */
export function skippedResult(
  kind: CheckKind,
  scope: ResultScope,
  subject: string,
  reason: string,
  inputs: RoleInput[] = [],
): CheckResult {
  return {
    sourceId: scope.sourceId,
    checkKind: kind,
    tableRef: scope.tableRef,
    status: 'skipped',
    severity: 'info',
    subject,
    printed: null,
    expectedLow: null,
    expectedHigh: null,
    gap: null,
    message: `skipped: ${reason}`,
    inputs: inputs.map(toCheckInput),
  };
}

/** What a check module says about one evaluated relation. */
export interface Outcome {
  kind: CheckKind;
  scope: ResultScope;
  subject: string;
  relation: Relation;
  evaluation: Evaluation;
  /** Every number involved, the printed one included. */
  inputs: RoleInput[];
  /** The left-hand side spelled out: "亚洲 1148 + 欧洲 584 + … = 2181". */
  arithmetic: string;
  /** The printed side spelled out: "合计 2169". */
  printedText: string;
  /**
   * A failure explained by something specific (e.g. a share nudged so the column totals 100):
   * the failure becomes a 'warning' and this text is appended to the message. Truncation needs no
   * excuse: the evaluation detects it.
   */
  excuse?: string;
  /** Free text appended to the message (e.g. which rows were left out and why). */
  note?: string;
  /** Reason used when the evaluation is undefined (a divisor that may be 0). */
  undefinedReason?: string;
}

/** Decimal places used to display bounds: a few more than the finest printed input. */
function displayPlaces(inputs: RoleInput[]): number {
  return Math.max(0, ...inputs.map((i) => i.obs.decimals)) + 3;
}

/** Formats an exact non-negative distance, rounded up. */
function formatGap(g: Decimal, places: number): string {
  return formatBound(g, places, 'hi');
}

/** Builds the CheckResult of an evaluated relation. */
export function resultOf(o: Outcome): CheckResult {
  const ev = o.evaluation;
  if (ev.outcome === 'undefined') {
    return skippedResult(o.kind, o.scope, o.subject, o.undefinedReason ?? 'the arithmetic is undefined for these inputs', o.inputs);
  }
  const places = displayPlaces(o.inputs);
  const lo = formatBound(ev.expected.lo, places, 'lo');
  const hi = formatBound(ev.expected.hi, places, 'hi');
  const allows = lo === hi ? '' : `rounding allows ${lo}…${hi}`;
  const [holds, breaks] = o.relation.relation === 'equal' ? ['=', '≠'] : ['≤', '>'];
  const parts: string[] = [];
  let status: CheckResult['status'] = 'pass';
  let severity: CheckResult['severity'] = 'info';
  if (ev.outcome === 'pass') {
    parts.push(`${o.arithmetic} ${holds} ${o.printedText}` + (allows ? ` (${allows})` : ''));
  } else {
    status = 'fail';
    const gapText = `gap ${formatGap(ev.gap, places)}`;
    parts.push(`${o.arithmetic} ${breaks} ${o.printedText} (${[gapText, allows].filter(Boolean).join('; ')})`);
    const truncated = 'explained if the figures were truncated instead of rounded';
    if (o.excuse) {
      severity = 'warning';
      parts.push(ev.truncation ? `${o.excuse} (truncation would also explain it)` : o.excuse);
    } else if (ev.truncation) {
      severity = 'warning';
      parts.push(truncated);
    } else {
      severity = 'error';
      parts.push('beyond rounding');
    }
  }
  if (o.note) parts.push(o.note);
  return {
    sourceId: o.scope.sourceId,
    checkKind: o.kind,
    tableRef: o.scope.tableRef,
    status,
    severity,
    subject: o.subject,
    printed: targetValue(o.relation.printed),
    expectedLow: lo,
    expectedHigh: hi,
    gap: formatGap(ev.gap, places),
    message: parts.join('; '),
    inputs: o.inputs.map(toCheckInput),
  };
}

/**
 * A pass that sums up many pairwise comparisons (e.g. "ranks 1…31 follow the amounts"): no single
 * printed value, interval or gap belongs to it.
 */
export function passSummary(
  kind: CheckKind,
  scope: ResultScope,
  subject: string,
  message: string,
  inputs: RoleInput[],
): CheckResult {
  return {
    sourceId: scope.sourceId,
    checkKind: kind,
    tableRef: scope.tableRef,
    status: 'pass',
    severity: 'info',
    subject,
    printed: null,
    expectedLow: null,
    expectedHigh: null,
    gap: '0',
    message,
    inputs: inputs.map(toCheckInput),
  };
}
