/**
 * The audit score of issue 4: how the checks' results on the seeds compare with the hand-made
 * discrepancy lists (fixtures/golden/<seed>/discrepancies.csv, a copy of ../shared/golden: id, seed, category, check_kind,
 * lines, summary). Per item:
 * - `real` (check_kind other than `other`): found when a failing result of severity error or
 *   warning cites at least one of its lines;
 * - `within_rounding`: ok when no error cites one of its lines, unless that error also cites a
 *   line of a real item (a real inconsistency may share a line with a rounding remark);
 * - `truncation`, `share_nudged`: found when a warning cites one of its lines and no error does
 *   (errors explained by a real item aside);
 * - `undecidable` and `real`/`other`: listed, not scored.
 * Every failure (error or warning) whose tested number (the printed value it checks) stands on no
 * line of any item is listed for a verdict.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import type { CheckResult } from '../../src/model.ts';

/** One row of discrepancies.csv. */
export interface GoldenItem {
  id: string;
  seed: string;
  category: string;
  checkKind: string;
  lines: number[];
  summary: string;
}

/** The outcome of one item. */
export type Verdict = 'found' | 'missed' | 'ok' | 'violated' | 'not scored';

/** One scored item with the results that decided it. */
export interface ScoredItem {
  item: GoldenItem;
  verdict: Verdict;
  /** Results citing the item's lines that decided the verdict (the finding, or the false alarm). */
  by: CheckResult[];
  /**
   * For a found item: whether some finding tests a number printed on the item's lines (its printed
   * value is there), rather than only citing one of them among its inputs.
   */
  direct: boolean;
}

/** Lines of the numbers a result tests (inputs whose value is the result's printed value). */
export function testedLines(r: CheckResult): number[] {
  return r.inputs.filter((i) => r.printed !== null && i.value === r.printed).map((i) => i.line);
}

/** The results of one seed: its file name and every check result on it. */
export interface SeedResults {
  seed: string;
  results: CheckResult[];
  /** Lines of each result's inputs (defaults to inputs' lines; cross-edition results span files). */
  linesOf?: (r: CheckResult) => number[];
}

/** The audit score. */
export interface AuditScore {
  items: ScoredItem[];
  /** Scored items per category: found or ok, of all. */
  byCategory: Record<string, { passed: number; total: number }>;
  /** Share of scored items passed, 0…1. */
  share: number;
  /** Share of real items found, 0…1. */
  realShare: number;
  /** Failures (error or warning) testing a number on no line of any item, by seed. */
  otherFailures: { seed: string; result: CheckResult }[];
}

/** Parses RFC 4180 CSV into records keyed by the header (csv-parse). */
function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
}

/** Reads one discrepancies.csv. Errors: the file cannot be read. */
export function readDiscrepancies(path: string): GoldenItem[] {
  return parseCsv(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')).map((r) => ({
    id: r.id,
    seed: r.seed,
    category: r.category,
    checkKind: r.check_kind,
    lines: r.lines.split(';').map(Number).filter((n) => n > 0),
    summary: r.summary,
  }));
}

/** Whether an item is scored, and how. */
function scoring(item: GoldenItem): 'real' | 'within' | 'lesser' | null {
  if (item.category === 'real') return item.checkKind === 'other' ? null : 'real';
  if (item.category === 'within_rounding') return 'within';
  if (item.category === 'truncation' || item.category === 'share_nudged') return 'lesser';
  return null;
}

/** Scores the results of the seeds against their discrepancy items (see the module comment). */
export function scoreAudit(items: readonly GoldenItem[], runs: readonly SeedResults[]): AuditScore {
  const scored: ScoredItem[] = [];
  const cited = new Map<string, Set<number>>();
  for (const item of items) {
    const set = cited.get(item.seed) ?? new Set<number>();
    for (const l of item.lines) set.add(l);
    cited.set(item.seed, set);
  }
  for (const item of items) {
    const run = runs.find((r) => r.seed === item.seed);
    const how = scoring(item);
    if (!run || !how) {
      scored.push({ item, verdict: 'not scored', by: [], direct: false });
      continue;
    }
    const linesOf = run.linesOf ?? ((r: CheckResult) => r.inputs.map((i) => i.line));
    const realLines = new Set(items.filter((i) => i.seed === item.seed && i.category === 'real').flatMap((i) => i.lines));
    const mine = new Set(item.lines);
    const citing = run.results.filter((r) => r.status === 'fail' && linesOf(r).some((l) => mine.has(l)));
    const errors = citing.filter((r) => r.severity === 'error');
    const unexplained = errors.filter((r) => !linesOf(r).some((l) => realLines.has(l)));
    const direct = (rs: CheckResult[]) => rs.some((r) => testedLines(r).some((l) => mine.has(l)));
    const first = (rs: CheckResult[]) => [...rs].sort((a, b) => Number(direct([b])) - Number(direct([a])));
    if (how === 'real') {
      const by = first(citing.filter((r) => r.severity !== 'info'));
      scored.push({ item, verdict: by.length ? 'found' : 'missed', by, direct: direct(by) });
    } else if (how === 'within') {
      scored.push({ item, verdict: unexplained.length ? 'violated' : 'ok', by: unexplained, direct: false });
    } else {
      const warnings = first(citing.filter((r) => r.severity === 'warning'));
      scored.push({ item, verdict: unexplained.length ? 'violated' : warnings.length ? 'found' : 'missed', by: unexplained.length ? unexplained : warnings, direct: direct(warnings) });
    }
  }
  const byCategory: AuditScore['byCategory'] = {};
  for (const s of scored) {
    if (s.verdict === 'not scored') continue;
    const c = (byCategory[s.item.category] ??= { passed: 0, total: 0 });
    c.total++;
    if (s.verdict === 'found' || s.verdict === 'ok') c.passed++;
  }
  const all = Object.values(byCategory);
  const total = all.reduce((a, c) => a + c.total, 0);
  const passed = all.reduce((a, c) => a + c.passed, 0);
  const real = byCategory.real ?? { passed: 0, total: 0 };
  const otherFailures = runs.flatMap((run) => {
    const lines = cited.get(run.seed) ?? new Set<number>();
    const linesOf = run.linesOf ?? ((r: CheckResult) => r.inputs.map((i) => i.line));
    const tested = (r: CheckResult) => {
      const t = testedLines(r).filter((l) => linesOf(r).includes(l));
      return t.length ? t : linesOf(r);
    };
    return run.results.filter((r) => r.status === 'fail' && r.severity !== 'info' && !tested(r).some((l) => lines.has(l))).map((result) => ({ seed: run.seed, result }));
  });
  return { items: scored, byCategory, share: total ? passed / total : 1, realShare: real.total ? real.passed / real.total : 1, otherFailures };
}
