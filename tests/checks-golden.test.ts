/**
 * The check engine on REAL data: the hand-checked golden records of the seeds
 * (fixtures/golden/<seed>/golden.csv) against their discrepancy lists (discrepancies.csv).
 * (a) no 'error' that no real discrepancy explains (no crying wolf), and nothing listed as within
 *     rounding fails; (b) the real discrepancies of the kinds the engine checks are found (a
 *     failing result citing at least one of their lines). Prints a found/missed table.
 */
import { describe, expect, it } from 'vitest';
import { CheckResultSchema, runChecks, type CheckKind } from '../src/checks/index.ts';
import type { CheckResult } from '../src/model.ts';
import { goldenDiscrepancies, goldenObservations, goldenSeeds, type GoldenDiscrepancy } from './helpers/golden-observations.ts';

/** discrepancies.csv check_kind → the engine's kinds that test the same arithmetic. */
const KIND_MAP: Record<string, CheckKind[]> = {
  sum_to_total: ['rows_sum_to_total', 'shares_sum_to_100'],
  children_to_parent: ['children_sum_to_parent', 'shares_sum_to_100'],
  share: ['share_matches_part_total', 'shares_sum_to_100'],
  growth: ['growth_matches_years'],
  average: ['average_matches_amount_count'],
  rank: ['rank_follows_amounts'],
};

/** The kinds issue 2 is about. */
const SUM_KINDS: CheckKind[] = ['rows_sum_to_total', 'children_sum_to_parent'];

/** Categories of discrepancies.csv that explain a failing check. */
const EXPLAINS_ERROR = new Set(['real']);
const EXPLAINS_WARNING = new Set(['real', 'truncation', 'share_nudged']);

interface SeedRun {
  seed: string;
  results: CheckResult[];
  discrepancies: GoldenDiscrepancy[];
}

const runs: SeedRun[] = goldenSeeds().map((seed) => ({
  seed,
  results: runChecks(goldenObservations(seed)),
  discrepancies: goldenDiscrepancies(seed),
}));

/** Lines a result cites. */
function linesOf(r: CheckResult): number[] {
  return r.inputs.map((i) => i.line);
}

/** Whether a failing result cites a line of a discrepancy of one of the given categories. */
function explained(r: CheckResult, ds: GoldenDiscrepancy[], categories: Set<string>): boolean {
  const lines = new Set(ds.filter((d) => categories.has(d.category)).flatMap((d) => d.lines));
  return linesOf(r).some((l) => lines.has(l));
}

/** Failing results of some kinds that cite at least one line of a discrepancy. */
function findings(d: GoldenDiscrepancy, results: CheckResult[], kinds?: CheckKind[]): CheckResult[] {
  const lines = new Set(d.lines);
  return results.filter(
    (r) => r.status === 'fail' && (!kinds || kinds.includes(r.checkKind as CheckKind)) && linesOf(r).some((l) => lines.has(l)),
  );
}

/** Failing results that lie wholly on the lines of a within-rounding discrepancy and no real one explains. */
function failsWithinRounding(d: GoldenDiscrepancy, run: SeedRun, kinds: CheckKind[]): CheckResult[] {
  const lines = new Set(d.lines);
  return run.results.filter(
    (r) =>
      r.status === 'fail' &&
      kinds.includes(r.checkKind as CheckKind) &&
      linesOf(r).every((l) => lines.has(l)) &&
      !explained(r, run.discrepancies, EXPLAINS_ERROR),
  );
}

describe('checks on the golden data', () => {
  it('every result is a valid CheckResult', () => {
    for (const run of runs) for (const r of run.results) expect(CheckResultSchema.safeParse(r).success, r.subject).toBe(true);
  });

  it('reports no error that no real discrepancy explains (no crying wolf)', () => {
    for (const run of runs) {
      const wolves = run.results.filter((r) => r.severity === 'error' && !explained(r, run.discrepancies, EXPLAINS_ERROR));
      expect(wolves.map((r) => `${run.seed} ${r.subject}: ${r.message}`)).toEqual([]);
    }
  });

  it('reports no warning that no real, truncated or nudged discrepancy explains', () => {
    for (const run of runs) {
      const stray = run.results.filter((r) => r.severity === 'warning' && !explained(r, run.discrepancies, EXPLAINS_WARNING));
      expect(stray.map((r) => `${run.seed} ${r.subject}: ${r.message}`)).toEqual([]);
    }
  });

  it('never fails a sum or share that discrepancies.csv lists as within rounding', () => {
    for (const run of runs) {
      for (const d of run.discrepancies.filter((x) => x.category === 'within_rounding' && KIND_MAP[x.checkKind])) {
        const fails = failsWithinRounding(d, run, KIND_MAP[d.checkKind]);
        expect(fails.map((r) => `${d.id}: ${r.subject}: ${r.message}`)).toEqual([]);
      }
    }
  });

  it('finds every real sum_to_total / children_to_parent discrepancy', () => {
    const missed = runs.flatMap((run) =>
      run.discrepancies
        .filter((d) => d.category === 'real' && (d.checkKind === 'sum_to_total' || d.checkKind === 'children_to_parent'))
        .filter((d) => findings(d, run.results, SUM_KINDS).length === 0)
        .map((d) => `${run.seed} ${d.id}`),
    );
    expect(missed).toEqual([]);
  });

  it('finds the real share, growth, average and rank discrepancies that lie within one table', () => {
    // Discrepancies whose arithmetic needs another table or the prose are outside these kinds.
    const withinTable = ['A5c', 'D9', 'D1b', 'D3c'];
    for (const run of runs) {
      for (const d of run.discrepancies.filter((x) => withinTable.includes(x.id))) {
        expect(findings(d, run.results, KIND_MAP[d.checkKind]).length, `${run.seed} ${d.id}`).toBeGreaterThan(0);
      }
    }
  });

  it('prints how many golden discrepancies of each kind are found', () => {
    const pad = (v: string | number, n: number) => String(v).padStart(n);
    const rows = new Map<string, { listed: number; byKind: number; byAny: number; falseAlarms: number; checked: boolean }>();
    for (const run of runs) {
      for (const d of run.discrepancies) {
        const key = `${d.category} ${d.checkKind}`;
        const row = rows.get(key) ?? { listed: 0, byKind: 0, byAny: 0, falseAlarms: 0, checked: KIND_MAP[d.checkKind] !== undefined };
        row.listed++;
        const kinds = KIND_MAP[d.checkKind];
        if (kinds && findings(d, run.results, kinds).length > 0) row.byKind++;
        if (findings(d, run.results).length > 0) row.byAny++;
        if (d.category === 'within_rounding' && kinds && failsWithinRounding(d, run, kinds).length > 0) row.falseAlarms++;
        rows.set(key, row);
      }
    }
    const discrepancyLines = [...rows.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => {
        const sought = !k.startsWith('within_rounding') && !k.startsWith('undecidable');
        const found = sought ? `${pad(v.byKind, 6)} ${pad(v.byAny, 6)} ${pad(v.listed - v.byAny, 6)}` : `${pad('-', 6)} ${pad('-', 6)} ${pad('-', 6)}`;
        return `${k.padEnd(34)} ${pad(v.listed, 6)} ${found} ${pad(k.startsWith('within_rounding') && v.checked ? v.falseAlarms : '-', 6)}`;
      });
    const all = runs.flatMap((run) => run.results.map((r) => ({ run, r })));
    const kindLines = [...new Set(all.map(({ r }) => r.checkKind))].map((kind) => {
      const mine = all.filter(({ r }) => r.checkKind === kind);
      const count = (f: (x: { run: SeedRun; r: CheckResult }) => boolean) => pad(mine.filter(f).length, 6);
      return `${kind.padEnd(30)} ${count(({ r }) => r.status === 'pass')} ${count(({ r }) => r.severity === 'error')} ${count(({ r }) => r.severity === 'warning')} ${count(({ r }) => r.status === 'skipped')} ${count(({ run, r }) => r.severity === 'error' && !explained(r, run.discrepancies, EXPLAINS_ERROR))}`;
    });
    console.log(
      [
        'golden discrepancies (category kind)  listed  found    any missed  false',
        ...discrepancyLines,
        '(found: a failing result of the matching kind cites one of its lines; any: a failing result of any kind does;',
        ' false: a check listed as within rounding failed anyway)',
        '',
        'check kind                       pass  error   warn  skipd  false',
        ...kindLines,
        '(false: errors that cite no line of a real discrepancy)',
      ].join('\n'),
    );
    expect(rows.size).toBeGreaterThan(0);
  });
});
