/**
 * The strict audit score (issue 13): how the checks' results on the seeds compare with the
 * hand-made discrepancy lists (golden-items.ts), with a price on false alarms.
 *
 * A failing result (status `fail`, severity error, warning or review; a review counts as a
 * warning) is *about* the known items it shares the most lines with (attribution.ts). It
 * *credits* those of them that it computes: its check kind is of the item's family (families.ts)
 * and at least two of its inputs are printed on the item's lines; a `real` item (check kind other
 * than `other`) is credited by an error or a warning, a `truncation` or `share_nudged` item by a
 * warning. Per item:
 * - `real`: found when some failure credits it, by error when one of them is an error, else by
 *   warning; otherwise missed.
 * - `within_rounding`: violated by any error about it of its family (an error that computes the
 *   relation the item says holds within rounding), however near a real item it stands; else ok.
 * - `truncation`, `share_nudged`: violated likewise by an error; else found when a warning credits
 *   it; else missed.
 * - `undecidable` and `real`/`other`: not scored; a failure about one of them is explained by it
 *   (the inconsistency is known) and listed as such.
 * Why not "any error citing one of its lines": a real item and a within-rounding one often share
 * a total's line (the 2021 edition's 表4-10 合计 l.1305 is D2a's wrong scope and X54's sum within
 * rounding), so that reading would forbid finding D2a at all.
 * Precision: every failure that credits no item and is about no unscored item is unexplained: an
 * unexplained error is either in the reviewed list of real findings (verified-findings.ts; never
 * one that violates an item) or a false error; an unexplained warning (or review) is a false
 * warning. The headline `score` puts recall and false alarms together: real items found / (real
 * items + false errors + false warnings).
 * Example: D12 of the 2021 edition (prose l.108 30.8% vs 附表14 l.2759 30.70%) is found only by a
 * `same_figure` failure citing those lines, not by 附表14's implied-growth error (about D1b).
 * Evaluation code (scripts/), not part of the product.
 */
import type { CheckResult } from '../../src/model.ts';
import { aboutItems, figuresOf, inputLines, inputsOn, type SeedResults } from './attribution.ts';
import { inFamily } from './families.ts';
import type { GoldenItem } from './golden-items.ts';
import { verifiedAs, type VerifiedFinding } from './verified-findings.ts';

/** How loud a failure is: an error, or a warning (a review counts as one). */
export type Level = 'error' | 'warning';

/** One failing result on a seed, with what it is about and what it credits. */
export interface Failure {
  seed: string;
  result: CheckResult;
  level: Level;
  /** Lines of its inputs in the seed. */
  lines: number[];
  /** The known items it shares the most lines with (empty: it cites no item's line). */
  about: GoldenItem[];
  /** The scored items of `about` it finds (a kind of their family, the right level). */
  credits: GoldenItem[];
  /** An item of `about` that is not scored (undecidable, or not numeric), which explains it. */
  unscored: GoldenItem | null;
  /** The reviewed real finding it is, when it explains nothing else. */
  verified: VerifiedFinding | null;
}

/** The outcome of one item. */
export type Verdict = 'found' | 'missed' | 'ok' | 'violated' | 'not scored';

/** One scored item with the failures that decided it. */
export interface ScoredItem {
  item: GoldenItem;
  verdict: Verdict;
  /** For a found item, the loudest level that found it. */
  foundBy: Level | null;
  /** The failures that found it, or the errors that violate it. */
  by: Failure[];
}

/** Counts of one category. */
export interface CategoryScore {
  total: number;
  found: number;
  foundByError: number;
  foundByWarning: number;
  missed: number;
  ok: number;
  violated: number;
}

/** The strict audit score. */
export interface AuditScore {
  items: ScoredItem[];
  byCategory: Record<string, CategoryScore>;
  /** Share of real items found by a failure of a matching check (recall), 0…1. */
  realShare: number;
  /** Share of the failures (errors, warnings) that are explained: by a known item, or as a reviewed real finding; 1 when none. */
  precision: number;
  /**
   * The headline: real items found / (real items + false errors + false warnings), 0…1. Both a
   * missed item and a false alarm cost one; a checker that flags everything scores near 0.
   */
  score: number;
  /** Every failing result (error, warning, review) on the seeds. */
  failures: Failure[];
  /** Unexplained errors found in the reviewed list of real findings. */
  verifiedReal: Failure[];
  /** Unexplained errors not in the reviewed list. */
  falseErrors: Failure[];
  /** Unexplained warnings and reviews. */
  falseWarnings: Failure[];
  /** Entries of the reviewed list that match no unexplained error (stale or wrong). */
  unusedVerified: VerifiedFinding[];
}

/** Whether an item is scored, and how. */
function scoring(item: GoldenItem): 'real' | 'within' | 'lesser' | null {
  if (item.category === 'real') return item.checkKind === 'other' ? null : 'real';
  if (item.category === 'within_rounding') return 'within';
  if (item.category === 'truncation' || item.category === 'share_nudged') return 'lesser';
  return null;
}

/** Whether a failure at `level` of kind `kind` finds `item`. */
function finds(item: GoldenItem, kind: string, level: Level): boolean {
  const how = scoring(item);
  if (how === 'real') return inFamily(item.checkKind, kind);
  if (how === 'lesser') return level === 'warning' && inFamily(item.checkKind, kind);
  return false;
}

/** Whether an error of kind `kind` about `item` violates it (it computes the relation the item says holds). */
function violates(item: GoldenItem, kind: string): boolean {
  const how = scoring(item);
  return (how === 'within' || how === 'lesser') && inFamily(item.checkKind, kind);
}

/** Every failing result of the runs, attributed. */
function failuresOf(items: readonly GoldenItem[], runs: readonly SeedResults[], verified: readonly VerifiedFinding[]): Failure[] {
  return runs.flatMap((run) => {
    const mine = items.filter((i) => i.seed === run.seed);
    return run.results
      .filter((r) => r.status === 'fail' && r.severity !== 'info')
      .map((result) => {
        const level: Level = result.severity === 'error' ? 'error' : 'warning';
        const lines = inputLines(run, result);
        const figures = figuresOf(run, result);
        const about = aboutItems(mine, result, figures);
        const credits = about.filter((i) => finds(i, result.checkKind, level) && inputsOn(i, figures) >= 2);
        const unscored = credits.length ? null : about.find((i) => scoring(i) === null) ?? null;
        const reviewable = !credits.length && !unscored && !(level === 'error' && about.some((i) => violates(i, result.checkKind)));
        return { seed: run.seed, result, level, lines, about, credits, unscored, verified: reviewable ? verifiedAs(verified, run.seed, result) : null };
      });
  });
}

/** Scores one item against the attributed failures of its seed. */
function scoreItem(item: GoldenItem, failures: readonly Failure[]): ScoredItem {
  const how = scoring(item);
  if (!how) return { item, verdict: 'not scored', foundBy: null, by: [] };
  const mine = failures.filter((f) => f.seed === item.seed);
  const violating = mine.filter((f) => f.level === 'error' && f.about.includes(item) && violates(item, f.result.checkKind));
  if (violating.length) return { item, verdict: 'violated', foundBy: null, by: violating };
  if (how === 'within') return { item, verdict: 'ok', foundBy: null, by: [] };
  const by = mine.filter((f) => f.credits.includes(item)).sort((a, b) => Number(b.level === 'error') - Number(a.level === 'error'));
  return { item, verdict: by.length ? 'found' : 'missed', foundBy: by.length ? by[0].level : null, by };
}

/** Scores the results of the seeds against their known items and the reviewed findings (see the module comment). */
export function scoreAudit(items: readonly GoldenItem[], runs: readonly SeedResults[], verified: readonly VerifiedFinding[] = []): AuditScore {
  const failures = failuresOf(items, runs, verified);
  const scored = items.map((item) => scoreItem(item, failures));
  const byCategory: Record<string, CategoryScore> = {};
  for (const s of scored) {
    if (s.verdict === 'not scored') continue;
    const c = (byCategory[s.item.category] ??= { total: 0, found: 0, foundByError: 0, foundByWarning: 0, missed: 0, ok: 0, violated: 0 });
    c.total++;
    if (s.verdict === 'found') {
      c.found++;
      if (s.foundBy === 'error') c.foundByError++;
      else c.foundByWarning++;
    } else c[s.verdict]++;
  }
  const real = byCategory.real ?? { total: 0, found: 0 };
  const unexplained = failures.filter((f) => !f.credits.length && !f.unscored);
  const verifiedReal = unexplained.filter((f) => f.level === 'error' && f.verified);
  const falseErrors = unexplained.filter((f) => f.level === 'error' && !f.verified);
  const falseWarnings = unexplained.filter((f) => f.level === 'warning');
  const used = new Set(verifiedReal.map((f) => f.verified));
  const alarms = falseErrors.length + falseWarnings.length;
  return {
    items: scored,
    byCategory,
    realShare: real.total ? real.found / real.total : 1,
    precision: failures.length ? 1 - alarms / failures.length : 1,
    score: real.total + alarms ? real.found / (real.total + alarms) : 1,
    failures,
    verifiedReal,
    falseErrors,
    falseWarnings,
    unusedVerified: verified.filter((v) => !used.has(v)),
  };
}
