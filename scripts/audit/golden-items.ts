/**
 * The hand-made discrepancy lists the audit is scored against: fixtures/golden/<seed>/
 * discrepancies.csv (a committed copy of ../shared/golden; format in fixtures/golden/FORMAT.md
 * "discrepancies.md"), one known item per row, e.g.
 * `D12,001_….txt,real,prose_vs_table,106;108;328;426;2759,Prose l.106-108 企业 吸纳 … 30.8% vs 附表14 30.70% …`.
 * Evaluation code (scripts/), not part of the product.
 */
import { parse } from 'csv-parse/sync';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One known item of a seed's discrepancy list.
 * - `category`: `real` (an inconsistency of the report's own numbers), `within_rounding` (a
 *   difference the printed precision explains: no check may raise an error on it), `truncation`
 *   (explained if the figures were truncated instead of rounded: a warning, never an error),
 *   `share_nudged` (a share bumped so its column totals 100: a warning), `undecidable`.
 * - `checkKind`: the golden check kind that computes it (`cross_table`, `prose_vs_table`,
 *   `growth`, `share`, `sum_to_total`, `children_to_parent`, `average`, `rank`, `other`); our
 *   check kinds that compute each are in families.ts.
 * - `lines`: 1-based lines of the seed file where the item's numbers are printed.
 */
export interface GoldenItem {
  id: string;
  /** The seed file name, e.g. "001_4bcf1cefdaeec81d.txt". */
  seed: string;
  category: string;
  checkKind: string;
  lines: number[];
  summary: string;
}

/** Reads one discrepancies.csv (RFC 4180, header row). Errors: the file cannot be read or parsed. */
export function readDiscrepancies(path: string): GoldenItem[] {
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  return rows.map((r) => ({
    id: r.id,
    seed: r.seed,
    category: r.category,
    checkKind: r.check_kind,
    lines: r.lines.split(';').map(Number).filter((n) => n > 0),
    summary: r.summary,
  }));
}

/**
 * Every item of every seed folder under `goldenDir` that has a discrepancies.csv (folders in
 * name order). Errors: a list that cannot be read.
 */
export function readAllDiscrepancies(goldenDir: string): GoldenItem[] {
  return readdirSync(goldenDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(goldenDir, d.name, 'discrepancies.csv')))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => readDiscrepancies(join(goldenDir, d.name, 'discrepancies.csv')));
}
