/**
 * The reviewed list of real findings no golden list names: fixtures/audit/verified-findings.csv
 * (kept apart from fixtures/golden, the copies of ../shared/golden). Every error the checks raise
 * on a seed that no known item explains must be one of these, each with its arithmetic and why it
 * is real, or it is a false error (strict-score.ts). Columns: `seed,check_kind,subject,printed,
 * lines,arithmetic,why_real`; a row matches the failure of that seed and check kind whose subject
 * and printed value are exactly these, e.g.
 * `001_….txt,growth_matches_years,"表4-5 2020 吸纳技术 turnover_growth_pct: 合计 growth = growth implied by its rows",20.1,…`.
 * Evaluation code (scripts/), not part of the product.
 */
import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import type { CheckResult } from '../../src/model.ts';

/** One reviewed real finding. */
export interface VerifiedFinding {
  seed: string;
  checkKind: string;
  /** The failure's subject, exactly as the check prints it. */
  subject: string;
  /** The printed value it tests, as printed ("20.1"). */
  printed: string;
  /** The lines of the numbers involved, as reviewed (informative). */
  lines: number[];
  /** The arithmetic, spelled out by the reviewer. */
  arithmetic: string;
  /** Why the inconsistency is in the report itself, not in our reading of it. */
  whyReal: string;
}

/** Reads the reviewed list; a missing file is an empty list. Errors: a file that cannot be parsed. */
export function readVerifiedFindings(path: string): VerifiedFinding[] {
  if (!existsSync(path)) return [];
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  return rows.map((r) => ({
    seed: r.seed,
    checkKind: r.check_kind,
    subject: r.subject,
    printed: r.printed,
    lines: r.lines.split(';').map(Number).filter((n) => n > 0),
    arithmetic: r.arithmetic,
    whyReal: r.why_real,
  }));
}

/** The reviewed finding a failure of `seed` is, or null. */
export function verifiedAs(list: readonly VerifiedFinding[], seed: string, r: CheckResult): VerifiedFinding | null {
  return list.find((v) => v.seed === seed && v.checkKind === r.checkKind && v.subject === r.subject && v.printed === (r.printed ?? '')) ?? null;
}
